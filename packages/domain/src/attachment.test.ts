import { describe, expect, it } from "vitest";
import { ATTACHMENT_MAX_BYTES, attachmentName, kindTakes, uploadRefusal } from "./attachment";

const MiB = 1024 * 1024;

describe("an upload, before a byte of it is stored", () => {
  it("takes a photo up to 20 MB, a video up to 2 GB and a document up to 50 MB", () => {
    expect(uploadRefusal({ kind: "photo", name: "a.jpg", size: 20 * MiB })).toBeNull();
    expect(uploadRefusal({ kind: "photo", name: "a.jpg", size: 20 * MiB + 1 })).toBe("attachment.too_large");
    expect(uploadRefusal({ kind: "video", name: "v.mp4", size: 2048 * MiB })).toBeNull();
    expect(uploadRefusal({ kind: "video", name: "v.mp4", size: 3072 * MiB })).toBe("attachment.too_large");
    expect(uploadRefusal({ kind: "document", name: "r.pdf", size: 50 * MiB })).toBeNull();
    expect(uploadRefusal({ kind: "document", name: "r.pdf", size: ATTACHMENT_MAX_BYTES.document + 1 })).toBe(
      "attachment.too_large",
    );
  });

  it("refuses an unknown kind, an empty file and a name with a control character", () => {
    expect(uploadRefusal({ kind: "program", name: "a.exe", size: 10 })).toBe("attachment.kind_invalid");
    expect(uploadRefusal({ kind: "photo", name: "a.jpg", size: 0 })).toBe("attachment.empty");
    expect(uploadRefusal({ kind: "photo", name: "a\u0000.jpg", size: 10 })).toBe("attachment.name_invalid");
    expect(uploadRefusal({ kind: "photo", name: "  ", size: 10 })).toBe("attachment.name_invalid");
  });
});

describe("what a kind takes, told from the content", () => {
  it("takes a video for a video and refuses a program whatever its name", () => {
    expect(kindTakes("video", "video/mp4")).toBe(true);
    expect(kindTakes("video", "application/x-msdownload")).toBe(false);
    expect(kindTakes("photo", "video/mp4")).toBe(false);
    expect(kindTakes("document", "application/pdf")).toBe(true);
    expect(kindTakes("document", null)).toBe(false);
  });
});

describe("the name a file keeps", () => {
  it("is its last segment, cut keeping the extension", () => {
    expect(attachmentName("C:\\Users\\me\\발표 영상.mp4")).toBe("발표 영상.mp4");
    const long = `${"가".repeat(300)}.pdf`;
    expect(attachmentName(long)).toHaveLength(200);
    expect(attachmentName(long).endsWith(".pdf")).toBe(true);
  });
});
