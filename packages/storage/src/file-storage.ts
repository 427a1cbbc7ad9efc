import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * The one place files are kept: generated certificates and their archives, uploaded directory files
 * waiting for the worker, tenants' logos and seals. Local disk today (STORAGE_DIR, shared by web and
 * worker), an S3-compatible object store later, behind the same calls. Keys are slash-separated paths
 * made by the application, starting with the tenant's id (`{tenantId}/certificates/{batch}/{serial}.pdf`,
 * `{tenantId}/directory-imports/{importId}`). A file may carry a few text metadata values (as object
 * stores allow); bulk certificate generation keeps each file's content hash there.
 */
export type FileBody = Uint8Array | AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

/** Bytes `start` to `end` of a file, both included, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredFile {
  size: number;
  metadata: Record<string, string>;
}

export interface FileStorage {
  /** Writes the whole file, replacing any file under the key; readers never see half a file. */
  put(key: string, body: FileBody, options?: { metadata?: Record<string, string> }): Promise<StoredFile>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /**
   * The file as a stream (for large files and archives), or null when there is none; with `range`, only
   * the bytes from `start` to `end`, both included (what an HTTP Range request asks for).
   */
  stream(key: string, range?: ByteRange): Promise<Readable | null>;
  /** Moves a complete file to another key (replacing what is there), with its metadata; false when none. */
  move(from: string, to: string): Promise<boolean>;
  exists(key: string): Promise<boolean>;
  /** Size and metadata, or null when there is no file. */
  stat(key: string): Promise<StoredFile | null>;
  /** Removes the file; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  /**
   * Removes what writes that never finished left behind (the process was killed in the middle of a `put`)
   * under `folder` (a key prefix; the whole storage when omitted), only those last touched before
   * `olderThan` when given. Returns how many were removed. Never call it for a folder that another process
   * is writing to at the same moment without `olderThan`: that write would fail.
   */
  removeIncompleteWrites(folder?: string, options?: { olderThan?: Date }): Promise<number>;
  /**
   * Removes every file under `folder` last touched before `olderThan` (uploads given up halfway). Returns
   * how many were removed.
   */
  removeOlderThan(folder: string, olderThan: Date): Promise<number>;
}

/** Path segments of letters, digits, "-", "_" and "." that do not start with "." (no "..", no hidden files). */
const SAFE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(
      `invalid storage key ${JSON.stringify(key)}: use segments of A-Z a-z 0-9 . _ - not starting with "."`,
    );
    this.name = "InvalidStorageKeyError";
  }
}

/** The temporary name `put` writes under: `<key>.<12 hex digits>.partial`, renamed to the key once complete. */
const INCOMPLETE_WRITE = /\.[0-9a-f]{12}\.partial$/;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/**
 * Files under one root folder, readable by the process owner only (they carry personal data). Metadata
 * lives beside the files in `.meta/` as JSON. A new file is written under a temporary name and renamed
 * when complete; its old metadata is removed first and the new written last, so a crash in between
 * leaves a file without metadata (regenerated next time), never metadata that lies about a file.
 */
export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new InvalidStorageKeyError(key);
    return path.join(this.root, key);
  }

  private metaPathOf(key: string): string {
    this.pathOf(key);
    return path.join(this.root, ".meta", `${key}.json`);
  }

  async put(key: string, body: FileBody, options: { metadata?: Record<string, string> } = {}) {
    const target = this.pathOf(key);
    const metaPath = this.metaPathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Keep this name in step with INCOMPLETE_WRITE: removeIncompleteWrites finds leftovers by it.
    const partial = `${target}.${randomBytes(6).toString("hex")}.partial`;
    try {
      if (body instanceof Uint8Array) await writeFile(partial, body, { mode: 0o600 });
      else await pipeline(Readable.from(body), createWriteStream(partial, { mode: 0o600 }));
      await rm(metaPath, { force: true });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const metadata = { ...options.metadata };
    if (Object.keys(metadata).length > 0) {
      await mkdir(path.dirname(metaPath), { recursive: true, mode: 0o700 });
      await writeFile(metaPath, JSON.stringify(metadata), { mode: 0o600 });
    }
    return { size: (await stat(target)).size, metadata };
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async stream(key: string, range?: ByteRange): Promise<Readable | null> {
    const target = this.pathOf(key);
    if (range && !(Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end)))
      throw new RangeError("a byte range is two whole numbers");
    if (range && (range.start < 0 || range.end < range.start))
      throw new RangeError(`invalid byte range ${range.start}-${range.end}`);
    if (!(await this.exists(key))) return null;
    return createReadStream(target, { highWaterMark: 256 * 1024, ...range });
  }

  async move(from: string, to: string): Promise<boolean> {
    const source = this.pathOf(from);
    const target = this.pathOf(to);
    if (!(await this.exists(from))) return false;
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rm(this.metaPathOf(to), { force: true });
    await rename(source, target);
    const metadata = await readFile(this.metaPathOf(from), "utf8").catch((error) => {
      if (isMissing(error)) return null;
      throw error;
    });
    if (metadata !== null) {
      await mkdir(path.dirname(this.metaPathOf(to)), { recursive: true, mode: 0o700 });
      await rename(this.metaPathOf(from), this.metaPathOf(to));
    }
    return true;
  }

  async exists(key: string): Promise<boolean> {
    const info = await stat(this.pathOf(key)).catch((error) => {
      if (isMissing(error)) return null;
      throw error;
    });
    return info?.isFile() ?? false;
  }

  async stat(key: string): Promise<StoredFile | null> {
    const info = await stat(this.pathOf(key)).catch((error) => {
      if (isMissing(error)) return null;
      throw error;
    });
    if (!info?.isFile()) return null;
    const metadata = await readFile(this.metaPathOf(key), "utf8").then(
      (text) => JSON.parse(text) as Record<string, string>,
      (error) => {
        if (isMissing(error)) return {};
        throw error;
      },
    );
    return { size: info.size, metadata };
  }

  async delete(key: string): Promise<void> {
    await rm(this.metaPathOf(key), { force: true });
    await rm(this.pathOf(key), { force: true });
  }

  async removeIncompleteWrites(folder?: string, options: { olderThan?: Date } = {}): Promise<number> {
    const start = folder === undefined ? this.root : this.pathOf(folder);
    const entries = await readdir(start, { recursive: true, withFileTypes: true }).catch((error) => {
      if (isMissing(error)) return [];
      throw error;
    });
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile() || !INCOMPLETE_WRITE.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (options.olderThan) {
        const info = await stat(file).catch((error) => {
          if (isMissing(error)) return null;
          throw error;
        });
        if (!info || info.mtime >= options.olderThan) continue;
      }
      await rm(file, { force: true });
      removed++;
    }
    return removed;
  }

  async removeOlderThan(folder: string, olderThan: Date): Promise<number> {
    const start = this.pathOf(folder);
    const entries = await readdir(start, { recursive: true, withFileTypes: true }).catch((error) => {
      if (isMissing(error)) return [];
      throw error;
    });
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const info = await stat(file).catch((error) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (!info || info.mtime >= olderThan) continue;
      await rm(file, { force: true });
      removed++;
    }
    return removed;
  }
}
