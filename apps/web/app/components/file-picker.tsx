import { ATTACHMENT_ACCEPT, type AttachmentKind } from "@mentoring/domain";
import { useParams, useRouteLoaderData } from "@remix-run/react";
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RootData } from "../root";

interface Item {
  key: string;
  name: string;
  percent: number;
  state: "uploading" | "done" | "failed";
  /** The attachment's id, once the server took the file. */
  id?: string;
  error?: string;
  abort?: () => void;
}

/** The kind a chosen file is uploaded as, from what the device says it is (the server checks the content). */
function kindOf(file: File, only: AttachmentKind | undefined): AttachmentKind {
  if (only) return only;
  if (file.type.startsWith("image/")) return "photo";
  if (file.type.startsWith("video/")) return "video";
  return "document";
}

/**
 * A file field whose files upload as soon as they are chosen, each with its progress bar, resumable (tus:
 * a dropped connection carries on where it stopped, a reload offers to resume): the form then posts the
 * uploaded files' ids as `name`. A refused file (too large, not what it claims) is named beside the field
 * with the server's message. Without script the field is off and says why (the uploads need it).
 */
export function FilePicker({
  id,
  name,
  label,
  hint,
  only,
  error,
  onBusyChange,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  /** Every file as this kind (an activity's photos); otherwise told from each file's type. */
  only?: AttachmentKind;
  /** The form's own message for the field, from the server. */
  error?: string;
  onBusyChange?: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const tenant = useParams().tenant as string;
  const csrf = useRouteLoaderData<RootData>("root")?.csrf ?? "";
  const [items, setItems] = useState<Item[]>([]);
  const [scripted, setScripted] = useState(false);
  const aborts = useRef(new Set<() => void>());
  useEffect(() => {
    setScripted(true);
    const pending = aborts.current;
    return () => {
      for (const abort of pending) abort();
    };
  }, []);
  const busy = items.some((item) => item.state === "uploading");
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  const update = (key: string, change: Partial<Item>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = "";
    const tus = await import("tus-js-client");
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      const upload = new tus.Upload(file, {
        endpoint: `/${tenant}/uploads`,
        chunkSize: 32 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000, 10000],
        metadata: { filename: file.name, filetype: file.type, kind: kindOf(file, only) },
        headers: { "X-CSRF-Token": csrf },
        removeFingerprintOnSuccess: true,
        onProgress: (sent, total) => update(key, { percent: total ? Math.floor((sent / total) * 100) : 0 }),
        onSuccess: () => {
          aborts.current.delete(abort);
          update(key, { state: "done", percent: 100, id: upload.url?.split("/").pop() });
        },
        onError: (failure) => {
          aborts.current.delete(abort);
          const response = (failure as { originalResponse?: { getBody(): string } | null }).originalResponse;
          let message = t("files.picker.unknownFailure");
          try {
            const body = JSON.parse(response?.getBody() ?? "") as { message?: string };
            if (body.message) message = body.message;
          } catch {
            // Not one of our refusals: the general message.
          }
          update(key, { state: "failed", error: message });
        },
      });
      const abort = () => void upload.abort(true);
      aborts.current.add(abort);
      setItems((current) => [...current, { key, name: file.name, percent: 0, state: "uploading", abort }]);
      const previous = await upload.findPreviousUploads();
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    }
  }

  function remove(item: Item) {
    item.abort?.();
    setItems((current) => current.filter((each) => each.key !== item.key));
  }

  const failures = items.filter((item) => item.state === "failed");
  const errorId = `${id}-error`;
  const describedBy = [`${id}-hint`, error || failures.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <input
        type="file"
        id={id}
        multiple
        accept={only ? ATTACHMENT_ACCEPT[only] : undefined}
        disabled={!scripted}
        aria-describedby={describedBy}
        aria-invalid={error || failures.length ? true : undefined}
        onChange={choose}
      />
      <noscript>
        <p className="field__hint">{t("files.picker.noScript")}</p>
      </noscript>
      {error || failures.length ? (
        <div id={errorId} className="field__error">
          {error ? <p>{error}</p> : null}
          {failures.map((item) => (
            <p key={item.key}>{t("files.picker.failed", { name: item.name, reason: item.error })}</p>
          ))}
        </div>
      ) : null}
      {items.some((item) => item.state !== "failed") ? (
        <ul className="upload-list">
          {items
            .filter((item) => item.state !== "failed")
            .map((item) => (
              <li key={item.key}>
                <span className="upload-list__name">{item.name}</span>
                <progress
                  max={100}
                  value={item.percent}
                  aria-label={t(item.state === "done" ? "files.picker.done" : "files.picker.progress", {
                    name: item.name,
                  })}
                />
                {item.state === "done" ? null : <span aria-hidden="true">{item.percent}%</span>}
                {/* Said once when the file is in, not at every percent. */}
                <span aria-live="polite">
                  {item.state === "done" ? t("files.picker.done", { name: item.name }) : ""}
                </span>
                <button type="button" className="button-link" onClick={() => remove(item)}>
                  {t("files.picker.remove", { name: item.name })}
                </button>
                {item.id ? <input type="hidden" name={name} value={item.id} /> : null}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}
