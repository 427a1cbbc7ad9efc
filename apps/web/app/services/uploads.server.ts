import { randomUUID } from "node:crypto";
import path from "node:path";
import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  ATTACHMENT_MAX_BYTES,
  type AttachmentKind,
  kindTakes,
  uploadRefusal,
} from "@mentoring/domain";
import { messageKey } from "@mentoring/i18n";
import { acceptUpload, UPLOADS_IN_PROGRESS } from "@mentoring/programs";
import { detectMediaType, LocalFileStorage, SNIFF_BYTES } from "@mentoring/storage";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { FileStore } from "@tus/file-store";
import { MemoryLocker, Server, type Upload } from "@tus/server";
import type { TFunction } from "i18next";
import { notFound, type TenantAccess, tag, tenantGate, withBodyLimit } from "./guard.server";
import { translatorFor } from "./i18n.server";
import { bodyLimits, declaresMoreThan, limitedRequest, RequestBodyTooLarge } from "./request-body.server";
import { screenAddress } from "./route-builder.server";
import type { Services } from "./services.server";

/**
 * Resumable uploads of teams' files, by the tus protocol (@tus/server; ADR 0018): the browser creates an
 * upload (POST /{tenant}/uploads with its Upload-Length and metadata: file name and kind), then sends its
 * bytes in PATCHes it can resume after a broken connection (HEAD tells how far it got). The bytes stream
 * into the storage's `uploads-in-progress/` folder, never held whole in memory. A size beyond the kind's
 * limit is refused at creation, before a byte is stored; the finished file is taken by `acceptUpload`,
 * which tells its type from its content, moves it into the tenant's folder and keeps it as the uploader's
 * attachment, waiting for the submission or activity it was chosen for. A first PATCH whose first bytes
 * are not of the announced kind is refused before a byte of it is stored. Refusals answer JSON with a
 * translated message the page shows beside the file field.
 */

const UPLOADS_FOLDER = UPLOADS_IN_PROGRESS;

/**
 * One locker per process: two requests of one upload take turns. Several web replicas behind one storage
 * would need a shared one (tus offers a Redis locker), or uploads pinned to a replica.
 */
const locker = new MemoryLocker();
const stores = new Map<string, FileStore>();

function storeFor(storageDir: string): FileStore {
  let store = stores.get(storageDir);
  if (!store) {
    store = new FileStore({ directory: path.join(storageDir, UPLOADS_FOLDER) });
    stores.set(storageDir, store);
  }
  return store;
}

interface UploadContext extends TenantAccess {
  services: Services;
  t: TFunction;
}

/** A refusal as tus answers it: the status and a JSON body naming the code and the translated message. */
function refusal(t: TFunction, error: AppError) {
  return {
    status_code: error.status,
    body: JSON.stringify({ error: error.code, message: t(messageKey(error.messageKey), error.params) }),
  };
}

const readableLimit = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;

function tusServer({ services, tenant, user, t }: UploadContext): Server {
  const storage = new LocalFileStorage(services.config.STORAGE_DIR);
  const withTenant = <T>(work: (db: TenantDb) => Promise<T>) => services.db.withTenant(tenant.id, work);
  return new Server({
    path: `/${tenant.slug}/uploads`,
    datastore: storeFor(services.config.STORAGE_DIR),
    locker,
    maxSize: ATTACHMENT_MAX_BYTES.video,
    namingFunction: () => randomUUID(),
    generateUrl: (_request, { id }) => `/${tenant.slug}/uploads/${id}`,
    getFileIdFromRequest: (request) => new URL(request.url).pathname.split("/").pop(),
    async onUploadCreate(_request, upload) {
      const kind = upload.metadata?.kind ?? "";
      const name = upload.metadata?.filename ?? "";
      // A length told later (Upload-Defer-Length) could not be held to the kind's limit up front.
      const size = upload.size ?? Number.NaN;
      const refused = uploadRefusal({ kind, name, size });
      if (refused) {
        const limit = ATTACHMENT_MAX_BYTES[kind as AttachmentKind] ?? ATTACHMENT_MAX_BYTES.video;
        throw refusal(t, new AppError(refused, { limit: readableLimit(limit) }));
      }
      return { metadata: { kind, filename: name, tenantId: tenant.id, userId: user.id } };
    },
    async onUploadFinish(_request, upload) {
      const sourceKey = `${UPLOADS_FOLDER}/${upload.id}`;
      try {
        await withTenant((db) =>
          acceptUpload(db, {
            tenantId: tenant.id,
            storage,
            uploadId: upload.id,
            sourceKey,
            kind: upload.metadata?.kind ?? "",
            name: upload.metadata?.filename ?? "",
            actorUserId: user.id,
            now: new Date(),
          }),
        );
        return {};
      } catch (error) {
        if (error instanceof AppError) throw refusal(t, error);
        throw error;
      } finally {
        // The upload's own record: done with, taken or refused (acceptUpload removed a refused file).
        await storage.delete(`${sourceKey}.json`);
      }
    },
    onResponseError(_request, error) {
      // The store's own refusals of a size (beyond the largest file, or the declared length) in our words.
      if ("status_code" in error && error.status_code === 413 && !error.body.startsWith("{"))
        return refusal(
          t,
          new AppError("attachment.too_large", { limit: readableLimit(ATTACHMENT_MAX_BYTES.video) }),
        );
      return undefined;
    },
  });
}

/**
 * The first PATCH of an upload, its first bytes read before tus stores any: when they show a type the
 * upload's kind does not take (an .exe announced as a video), the refusal, and the upload is given up
 * before a byte of it is kept. Otherwise the request again, its body the same bytes. The same bytes
 * `acceptUpload` reads at the end (the first SNIFF_BYTES), so the verdict is the same; a first part shorter
 * than that is left to the end.
 */
async function screenFirstBytes(request: Request, upload: Upload): Promise<Request | AppError> {
  if (request.method !== "PATCH" || request.headers.get("upload-offset") !== "0" || !request.body)
    return request;
  const kind = upload.metadata?.kind as AttachmentKind;
  const needed = Math.min(SNIFF_BYTES, upload.size ?? SNIFF_BYTES);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  while (read < needed) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    read += value.byteLength;
  }
  const head = Buffer.concat(chunks);
  if (head.length >= needed && !kindTakes(kind, await detectMediaType(head.subarray(0, needed)))) {
    reader.releaseLock();
    return new AppError("attachment.type_refused");
  }
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (head.length > 0) controller.enqueue(head);
      },
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel() {
        reader.releaseLock();
      },
    },
    { highWaterMark: 0 },
  );
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Args = LoaderFunctionArgs | ActionFunctionArgs;

/**
 * The loader and action of the upload endpoints. Checked before tus reads a byte: the body's declared
 * length (413), the address (as every page's: no control characters), the member and their permission (404 to outsiders, 403), the CSRF token in its header (a
 * chunk is no form), a read-only tenant (423); an upload's address must name one of this member's uploads
 * in this tenant (404 otherwise). Tagged for the route-access and request-body tests.
 */
export function uploadEndpoint() {
  const limit = bodyLimits.attachmentUpload;
  const route = tag(
    async (received: Args) => {
      if (declaresMoreThan(received.request, limit))
        return new Response(null, { status: 413, statusText: "Payload Too Large" });
      const args = { ...received, request: limitedRequest(received.request, limit) };
      // A control character in the address: no upload there (404), or a 400 saying why, unread.
      await screenAddress(args);
      const uploadId = args.params.uploadId;
      if (uploadId !== undefined && !UUID.test(uploadId)) throw notFound();
      const access = await tenantGate(args, "assignments.submit", { csrf: "header" });
      const { services } = args.context;
      const t = await translatorFor(args.request);
      let request = args.request;
      if (uploadId !== undefined) {
        const store = storeFor(services.config.STORAGE_DIR);
        const upload = await store.getUpload(uploadId).catch(() => null);
        const owned =
          upload?.metadata?.tenantId === access.tenant.id && upload.metadata?.userId === access.user.id;
        if (!owned || !upload) throw notFound();
        const screened = await screenFirstBytes(request, upload);
        if (screened instanceof AppError) {
          await store.remove(uploadId).catch(() => undefined);
          const { status_code, body } = refusal(t, screened);
          return new Response(body, { status: status_code, headers: { "Content-Type": "application/json" } });
        }
        request = screened;
      } else if (args.request.method !== "POST") {
        return new Response(null, { status: 405, headers: { Allow: "POST" } });
      }
      try {
        return await tusServer({ ...access, services, t }).handleWeb(request);
      } catch (error) {
        if (error instanceof RequestBodyTooLarge)
          return new Response(null, { status: 413, statusText: "Payload Too Large" });
        throw error;
      }
    },
    { kind: "tenant", permission: "assignments.submit" },
  );
  return withBodyLimit(route, limit);
}

/**
 * Deletes stored files a change took off (a revision's removed attachments), once that change is
 * committed: a failure here leaves bytes that no row points to, never a row without its bytes.
 */
export async function discardStoredFiles(services: Services, keys: string[]): Promise<void> {
  const storage = new LocalFileStorage(services.config.STORAGE_DIR);
  await Promise.all(keys.map((key) => storage.delete(key)));
}
