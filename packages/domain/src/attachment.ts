/**
 * Files a team attaches to its work: photos, video files and documents to a submission, photos to an
 * activity. Each kind has its size limit and the media types it takes, told from the file's content (never
 * its name): an .exe renamed .mp4 is a program, not a video.
 */

export const attachmentKinds = ["photo", "video", "document"] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

const MiB = 1024 * 1024;

/** The largest file of each kind, in bytes. */
export const ATTACHMENT_MAX_BYTES: Record<AttachmentKind, number> = {
  photo: 20 * MiB,
  video: 2048 * MiB,
  document: 50 * MiB,
};

/** The media types each kind takes (as file-type names them from the content). */
export const ATTACHMENT_MEDIA_TYPES: Record<AttachmentKind, readonly string[]> = {
  photo: ["image/jpeg", "image/png", "image/webp", "image/gif", "image/heic", "image/heif", "image/avif"],
  video: ["video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/3gpp", "video/x-m4v"],
  document: [
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    // Hangul (.hwp) and the older Office formats share this container.
    "application/x-cfb",
    "application/zip",
  ],
};

/**
 * What the browser's file picker offers for each kind (a hint only: the content decides). Photos are named
 * by type rather than `image/*`: an iPhone then hands over its HEIC photos as JPEG, which get thumbnails.
 */
export const ATTACHMENT_ACCEPT: Record<AttachmentKind, string> = {
  photo: "image/jpeg,image/png,image/webp,image/gif",
  video: "video/*",
  document: ".pdf,.docx,.xlsx,.pptx,.hwp,.hwpx,.doc,.xls,.ppt,.zip",
};

/** How many files one submission, and one activity, carries at most. */
export const ATTACHMENT_COUNT_LIMITS = { submission: 20, activity: 10 } as const;

/** The longest file name kept (characters); a longer one is cut, keeping its extension. */
export const ATTACHMENT_NAME_MAX = 200;

export type AttachmentRefusal =
  | "attachment.kind_invalid"
  | "attachment.name_invalid"
  | "attachment.too_large"
  | "attachment.empty";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * Whether an upload announced as `kind`, named `name`, of `size` bytes may start: checked before a byte is
 * stored (the size is what the upload declares, and what is stored is held to it).
 */
export function uploadRefusal(input: { kind: string; name: string; size: number }): AttachmentRefusal | null {
  if (!(attachmentKinds as readonly string[]).includes(input.kind)) return "attachment.kind_invalid";
  if (input.name.trim() === "" || CONTROL.test(input.name)) return "attachment.name_invalid";
  if (!Number.isSafeInteger(input.size) || input.size < 0) return "attachment.too_large";
  if (input.size === 0) return "attachment.empty";
  if (input.size > ATTACHMENT_MAX_BYTES[input.kind as AttachmentKind]) return "attachment.too_large";
  return null;
}

/** Whether a file whose content shows `mediaType` (null: nothing known) is a file of `kind`. */
export function kindTakes(kind: AttachmentKind, mediaType: string | null): boolean {
  return mediaType !== null && ATTACHMENT_MEDIA_TYPES[kind].includes(mediaType);
}

/** The name kept for a file: its last path segment, cut to ATTACHMENT_NAME_MAX keeping the extension. */
export function attachmentName(name: string): string {
  const base = name.split(/[/\\]/).pop()?.trim() || "file";
  if (base.length <= ATTACHMENT_NAME_MAX) return base;
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, ATTACHMENT_NAME_MAX - extension.length) + extension;
}
