import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidStorageKeyError, LocalFileStorage } from "./file-storage";

let root: string;
let storage: LocalFileStorage;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "file-storage-"));
  storage = new LocalFileStorage(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("local file storage", () => {
  it("keeps a file with its metadata and gives it back whole or as a stream", async () => {
    const bytes = Buffer.from("%PDF-1.7 결연증서");
    const stored = await storage.put("tenant-1/batch/a.pdf", bytes, { metadata: { contentHash: "abc" } });
    expect(stored).toEqual({ size: bytes.length, metadata: { contentHash: "abc" } });
    expect(await storage.exists("tenant-1/batch/a.pdf")).toBe(true);
    expect(await storage.get("tenant-1/batch/a.pdf")).toEqual(bytes);
    const stream = await storage.stream("tenant-1/batch/a.pdf");
    expect(await buffer(stream as Readable)).toEqual(bytes);
    expect(await storage.stat("tenant-1/batch/a.pdf")).toEqual(stored);
  });

  it("writes a stream, and replaces a file with its metadata", async () => {
    await storage.put("x/archive.zip", Buffer.from("old"), { metadata: { contentHash: "old" } });
    await storage.put("x/archive.zip", Readable.from([Buffer.from("new "), Buffer.from("content")]));
    expect((await storage.get("x/archive.zip"))?.toString()).toBe("new content");
    expect(await storage.stat("x/archive.zip")).toEqual({ size: 11, metadata: {} });
  });

  it("streams a range of bytes, both ends included, for a player that seeks", async () => {
    await storage.put("t/files/v.mp4", Buffer.from("0123456789"));
    const part = await storage.stream("t/files/v.mp4", { start: 2, end: 5 });
    expect((await buffer(part as Readable)).toString()).toBe("2345");
    const last = await storage.stream("t/files/v.mp4", { start: 9, end: 9 });
    expect((await buffer(last as Readable)).toString()).toBe("9");
    await expect(storage.stream("t/files/v.mp4", { start: 5, end: 2 })).rejects.toThrow(RangeError);
  });

  it("moves a finished file to its place with its metadata, and says when there was none", async () => {
    await storage.put("uploads/abc", Buffer.from("video"), { metadata: { kind: "video" } });
    expect(await storage.move("uploads/abc", "t/files/abc")).toBe(true);
    expect(await storage.exists("uploads/abc")).toBe(false);
    expect(await storage.stat("t/files/abc")).toEqual({ size: 5, metadata: { kind: "video" } });
    expect(await storage.move("uploads/abc", "t/files/other")).toBe(false);
    await expect(storage.move("uploads/x", "../out")).rejects.toThrow(InvalidStorageKeyError);
  });

  it("removes the files of a folder last touched before a moment, and no others", async () => {
    await storage.put("uploads-in-progress/old", Buffer.from("half a video"));
    await storage.put("uploads-in-progress/old.json", Buffer.from("{}"));
    await storage.put("uploads-in-progress/new", Buffer.from("a video arriving"));
    await storage.put("t/attachments/kept", Buffer.from("kept"));
    const dayAgo = new Date(Date.now() - 86_400_000);
    for (const name of ["old", "old.json"]) {
      const at = new Date(dayAgo.getTime() - 60_000);
      await utimes(path.join(root, "uploads-in-progress", name), at, at);
    }
    expect(await storage.removeOlderThan("uploads-in-progress", dayAgo)).toBe(2);
    expect(await storage.exists("uploads-in-progress/new")).toBe(true);
    expect(await storage.exists("t/attachments/kept")).toBe(true);
    expect(await storage.removeOlderThan("nothing-here", dayAgo)).toBe(0);
  });

  it("answers null or false for a file that is not there, and deletes quietly", async () => {
    expect(await storage.get("nothing.pdf")).toBeNull();
    expect(await storage.stream("nothing.pdf")).toBeNull();
    expect(await storage.stat("nothing.pdf")).toBeNull();
    expect(await storage.exists("nothing.pdf")).toBe(false);
    await storage.put("gone.pdf", Buffer.from("x"), { metadata: { contentHash: "1" } });
    await storage.delete("gone.pdf");
    await storage.delete("gone.pdf");
    expect(await storage.exists("gone.pdf")).toBe(false);
    expect(await storage.stat("gone.pdf")).toBeNull();
  });

  it("refuses keys that would leave its folder or touch hidden files", async () => {
    for (const key of ["../escape.pdf", "a/../../b", "/etc/passwd", ".meta/a.json", "a//b", "", "a/ b"]) {
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
    }
  });

  it("leaves no half-written file when the body fails midway", async () => {
    async function* failing() {
      yield Buffer.from("part");
      throw new Error("disk went away");
    }
    await expect(storage.put("half.pdf", failing())).rejects.toThrow("disk went away");
    expect(await storage.exists("half.pdf")).toBe(false);
    expect(await readdir(root)).toEqual([]);
  });

  it("removes the leftovers of writes killed midway, in one folder or everywhere, the old ones only when asked", async () => {
    await storage.put("t/certificates/b1/a.pdf", Buffer.from("%PDF"));
    await storage.put("t/certificates/b1/certificates.zip", Buffer.from("zip"));
    // What a put killed before its rename leaves: the temporary name beside the key.
    const leftover = async (key: string, ageMs: number) => {
      const file = path.join(root, `${key}.${"ab12cd34ef56"}.partial`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, "half");
      const at = new Date(Date.now() - ageMs);
      await utimes(file, at, at);
    };
    await leftover("t/certificates/b1/certificates.zip", 0);
    await leftover("t/certificates/b1/a.pdf", 0);
    await leftover("t/certificates/b2/certificates.zip", 2 * 3600_000);
    await leftover("t/certificates/b3/certificates.zip", 60_000);
    await writeFile(path.join(root, "t/certificates/b1/notes.partial"), "not ours");

    expect(await storage.removeIncompleteWrites("t/certificates/b1")).toBe(2);
    expect((await readdir(path.join(root, "t/certificates/b1"))).sort()).toEqual([
      "a.pdf",
      "certificates.zip",
      "notes.partial",
    ]);

    expect(
      await storage.removeIncompleteWrites(undefined, { olderThan: new Date(Date.now() - 3600_000) }),
    ).toBe(1);
    expect(await readdir(path.join(root, "t/certificates/b2"))).toEqual([]);
    expect(await readdir(path.join(root, "t/certificates/b3"))).toHaveLength(1);
    expect(await storage.removeIncompleteWrites("t/nothing-here")).toBe(0);
    expect((await storage.get("t/certificates/b1/certificates.zip"))?.toString()).toBe("zip");
  });
});
