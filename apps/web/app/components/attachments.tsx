import type { AttachmentKind } from "@mentoring/domain";
import { useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface AttachmentItem {
  id: string;
  kind: AttachmentKind;
  name: string;
  mediaType: string;
  size: number;
  hasThumbnail: boolean;
}

/** "3.4 MB": a size as people read it. */
export function readableSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The address of an attachment (or its thumbnail) in the tenant: served to who may see it, with ranges. */
export function fileHref(tenant: string, id: string, thumbnail = false): string {
  return `/${tenant}/files/${id}${thumbnail ? "?size=thumbnail" : ""}`;
}

/**
 * A team's files as the page shows them: photos as thumbnails opening the photo, videos in a player whose
 * source is the file (it seeks by range requests), documents as downloads with their size.
 */
export function AttachmentList({ files }: { files: AttachmentItem[] }) {
  const { t } = useTranslation();
  const tenant = useParams().tenant as string;
  if (files.length === 0) return null;
  const photos = files.filter((file) => file.kind === "photo");
  const videos = files.filter((file) => file.kind === "video");
  const documents = files.filter((file) => file.kind === "document");
  return (
    <div className="attachments">
      {photos.length ? (
        <ul className="photo-grid">
          {photos.map((photo) => (
            <li key={photo.id}>
              <a href={fileHref(tenant, photo.id)}>
                {photo.hasThumbnail ? (
                  <img
                    src={fileHref(tenant, photo.id, true)}
                    alt={t("files.list.photo", { name: photo.name })}
                    loading="lazy"
                  />
                ) : (
                  t("files.list.photo", { name: photo.name })
                )}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {videos.map((video) => (
        <figure key={video.id} className="video">
          {/* biome-ignore lint/a11y/useMediaCaption: teams' own videos come without caption files. */}
          <video controls preload="metadata" src={fileHref(tenant, video.id)} aria-label={video.name} />
          <figcaption>
            <a href={fileHref(tenant, video.id)} download>
              {t("files.list.download", { name: video.name, size: readableSize(video.size) })}
            </a>
          </figcaption>
        </figure>
      ))}
      {documents.length ? (
        <ul>
          {documents.map((document) => (
            <li key={document.id}>
              <a href={fileHref(tenant, document.id)} download>
                {t("files.list.download", { name: document.name, size: readableSize(document.size) })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
