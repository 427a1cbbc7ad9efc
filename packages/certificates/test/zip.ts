// Reads a ZIP archive back with yauzl (the reader that goes with yazl), entry by entry.
import { buffer } from "node:stream/consumers";
import yauzl from "yauzl";

export interface ZipEntry {
  name: string;
  data: Buffer;
  method: number;
  modified: Date;
}

export async function readZip(archive: Buffer): Promise<ZipEntry[]> {
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true, decodeStrings: true });
  const entries: ZipEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      zip
        .openReadStreamPromise(entry)
        .then((stream) => buffer(stream))
        .then((data) => {
          entries.push({
            name: entry.fileName,
            data,
            method: entry.compressionMethod,
            modified: entry.getLastModDate(),
          });
          zip.readEntry();
        }, reject);
    });
    zip.readEntry();
  });
  return entries;
}
