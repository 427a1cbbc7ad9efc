import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { FileInput } from "./read-file";

/**
 * Where uploaded directory files wait for the worker. The web process puts, the worker opens and removes.
 * Local disk today; an object store later, behind the same three calls.
 */
export interface FileStore {
  put(key: string, content: FileInput): Promise<{ size: number }>;
  /** null when there is no such file. */
  open(key: string): Promise<{ size: number; content: AsyncIterable<Uint8Array> } | null>;
  remove(key: string): Promise<void>;
}

/** The key of an import's uploaded file: one folder per tenant. */
export const uploadKey = (tenantId: string, importId: string) => `${tenantId}/${importId}`;

/** Shared by the web and worker processes on one machine (or one mounted volume). */
export const defaultUploadRoot = () => path.join(os.tmpdir(), "mentoring-uploads");

const SAFE_KEY = /^[0-9a-f-]+(?:\/[0-9a-f-]+)*$/;

/** Files under a root folder, readable by the process owner only (they hold personal data). */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string = defaultUploadRoot()) {}

  private pathOf(key: string): string {
    // Keys are ids made by the application; anything else (.., absolute paths) is refused.
    if (!SAFE_KEY.test(key)) throw new Error(`invalid file store key: ${JSON.stringify(key)}`);
    return path.join(this.root, key);
  }

  async put(key: string, content: FileInput): Promise<{ size: number }> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const partial = `${target}.partial`;
    const data = content instanceof Uint8Array ? content : Readable.from(content);
    await writeFile(partial, data, { mode: 0o600 });
    // Renamed when complete, so the worker never opens half a file.
    await rename(partial, target);
    return { size: (await stat(target)).size };
  }

  async open(key: string) {
    const target = this.pathOf(key);
    const info = await stat(target).catch(() => null);
    if (!info) return null;
    return { size: info.size, content: createReadStream(target, { highWaterMark: 64 * 1024 }) };
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
