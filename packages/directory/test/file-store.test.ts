import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalFileStore, uploadKey } from "../src/file-store";
import { collect, inChunks } from "./fixtures";

const root = await mkdtemp(path.join(os.tmpdir(), "file-store-"));
const store = new LocalFileStore(root);
const key = uploadKey("7d3c6f9e-2a41-4c55-9b0e-1f2a3b4c5d6e", "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9");

afterAll(() => rm(root, { recursive: true, force: true }));

describe("LocalFileStore", () => {
  it("stores bytes or a stream under a key, opens them again, and removes them", async () => {
    const bytes = new TextEncoder().encode("사번,성명\n1,김민준\n");
    expect(await store.put(key, inChunks(bytes, 3))).toEqual({ size: bytes.length });
    const opened = await store.open(key);
    if (!opened) throw new Error("the file was stored");
    expect(opened.size).toBe(bytes.length);
    expect(Buffer.concat(await collect(opened.content))).toEqual(Buffer.from(bytes));
    expect(await readdir(path.dirname(path.join(root, key)))).toEqual([path.basename(key)]);
    await store.remove(key);
    expect(await store.open(key)).toBeNull();
  });

  it("refuses keys that could leave its folder", async () => {
    await expect(store.put("../etc/passwd", new Uint8Array())).rejects.toThrow(/invalid file store key/);
    await expect(store.open("/tmp/x")).rejects.toThrow(/invalid file store key/);
  });
});
