import { type ByteRange, LocalFileStorage, requestedRange } from "@mentoring/storage";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { notFound } from "./guard.server";
import type { Services } from "./services.server";

/** What a page may show in place (a player or an image); anything else is downloaded, never rendered. */
const inline = /^(image\/(jpeg|png|webp|gif|avif)|video\/(mp4|webm|quicktime))$/;

/**
 * A stored file served to a reader who may see it, with Range support so a video player can seek and a
 * phone can resume: 206 with Content-Range for one range, 416 for a range past the end, the whole file
 * otherwise; always Accept-Ranges, the Content-Type told from the content at upload, and a
 * Content-Disposition with the file's name (ASCII for old clients, UTF-8 by RFC 5987). Files never change
 * under their id, so the reader's browser may keep them (privately) for an hour.
 * X-Content-Type-Options: nosniff comes with every response (server.ts).
 */
export async function serveStoredFile(
  services: Services,
  request: Request,
  file: { storageKey: string; name: string; mediaType: string },
): Promise<Response> {
  const storage = new LocalFileStorage(services.config.STORAGE_DIR);
  const stored = await storage.stat(file.storageKey);
  if (!stored) throw notFound();
  const { size } = stored;
  const { mediaType } = file;
  const asciiName = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const disposition = inline.test(mediaType) ? "inline" : "attachment";
  const headers = new Headers({
    "Content-Type": mediaType,
    "Accept-Ranges": "bytes",
    "Content-Disposition": `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    "Cache-Control": "private, max-age=3600",
  });
  const range = requestedRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const part: ByteRange = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : part.end - part.start + 1;
  headers.set("Content-Length", String(length));
  if (range) headers.set("Content-Range", `bytes ${part.start}-${part.end}/${size}`);
  const status = range ? 206 : 200;
  if (request.method === "HEAD" || length === 0) return new Response(null, { status, headers });
  const stream = await storage.stream(file.storageKey, part);
  if (!stream) throw notFound();
  return new Response(createReadableStreamFromReadable(stream), { status, headers });
}
