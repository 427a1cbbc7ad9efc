import { LocalFileStorage } from "@mentoring/storage";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { notFound } from "./guard.server";
import type { Services } from "./services.server";

/**
 * A stored file (certificates, their ZIP) streamed as a download that is never cached. The file name is
 * sent twice: ASCII for old clients, UTF-8 (RFC 5987) for Korean names. A file missing from storage is a
 * 404, as when it is not the reader's.
 */
export async function fileDownload(
  services: Services,
  file: { storageKey: string; fileName: string },
  type: string,
): Promise<Response> {
  const storage = new LocalFileStorage(services.config.STORAGE_DIR);
  const stream = await storage.stream(file.storageKey);
  if (!stream) throw notFound();
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      // X-Content-Type-Options comes with every response (server.ts): said again, it would be sent twice.
      "Cache-Control": "no-store",
    },
  });
}
