import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { documentCollector } from "./entry.server";

// Short Korean texts, many of them: some three-byte character falls across React's 2,048-byte buffer.
const names = Array.from({ length: 400 }, (_, i) => `환영합니다 ${i}`);
const page = (
  <ul>
    {names.map((name) => (
      <li key={name}>{name}</li>
    ))}
  </ul>
);
const html = `<ul>${names.map((name) => `<li>${name}</li>`).join("")}</ul>`;

function render(destination: (done: (bytes: Buffer) => void) => Writable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page, {
      onAllReady: () => pipe(destination(resolve)),
      onShellError: reject,
    });
  });
}

describe("a document rendered whole", () => {
  it("keeps a Korean word whole where it crosses React's buffer boundary", async () => {
    const bytes = await render(documentCollector);
    expect(bytes.includes(0)).toBe(false);
    expect(bytes.toString("utf8")).toBe(html);
  });

  it("would carry NUL bytes there if React's chunks were joined as they come", async () => {
    const bytes = await render((done) => {
      const chunks: Buffer[] = [];
      return new Writable({
        write(chunk: Buffer, _encoding, next) {
          chunks.push(chunk);
          next();
        },
        final(next) {
          done(Buffer.concat(chunks));
          next();
        },
      });
    });
    expect(bytes.includes(0)).toBe(true);
  });
});

describe("the collector of a whole document", () => {
  it("is ended once by React, not a second time when it would close", async () => {
    let ends = 0;
    await render((done) => {
      const collector = documentCollector(done);
      const end = collector.end.bind(collector);
      collector.end = ((...args: Parameters<Writable["end"]>) => {
        ends++;
        return end(...args);
      }) as Writable["end"];
      return collector;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ends).toBe(1);
  });
});
