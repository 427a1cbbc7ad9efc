import type { AddressInfo } from "node:net";
import type { AppLoadContext } from "@remix-run/node";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { expressHandler, type RemixHandler, wholeDocumentResponse } from "./remix-express.server";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** An Express server answering every request through `handle`; its address. */
async function serve(handle: RemixHandler): Promise<string> {
  const app = express();
  app.all(
    "*",
    expressHandler(handle, (request) => ({ clientAddress: request.ip }) as unknown as AppLoadContext),
  );
  app.use((_error: unknown, _request: express.Request, response: express.Response, _next: unknown) => {
    response.status(500).send("failed");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("pages served through Express", () => {
  it("a page rendered whole arrives as its bytes, with its status and headers", async () => {
    const page = Buffer.from("<!DOCTYPE html><p>환영합니다</p>");
    const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
    headers.set("Content-Length", String(page.length));
    headers.append("Set-Cookie", "a=1; Path=/");
    headers.append("Set-Cookie", "b=2; Path=/");
    const address = await serve(async () => wholeDocumentResponse(page, { status: 404, headers }));

    const response = await fetch(`${address}/yongin/nowhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-length")).toBe(String(page.length));
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(Buffer.from(await response.arrayBuffer()).equals(page)).toBe(true);
  });

  it("a streamed answer arrives whole", async () => {
    const address = await serve(
      async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode("첫 부분, "));
              controller.enqueue(new TextEncoder().encode("나머지"));
              controller.close();
            },
          }),
          { headers: { "Content-Type": "text/plain; charset=utf-8" } },
        ),
    );
    expect(await (await fetch(address)).text()).toBe("첫 부분, 나머지");
  });

  it("the handler sees the address, method, headers and body the client sent", async () => {
    let seen: { url: string; method: string; header: string | null; body: string } | undefined;
    const address = await serve(async (request) => {
      seen = {
        url: request.url,
        method: request.method,
        header: request.headers.get("x-test"),
        body: await request.text(),
      };
      return new Response(null, { status: 204 });
    });
    const response = await fetch(`${address}/yongin/programs?tab=open`, {
      method: "POST",
      headers: { "x-test": "value", "content-type": "application/x-www-form-urlencoded" },
      body: "title=%EC%97%AD%EB%A9%98%ED%86%A0%EB%A7%81",
    });
    expect(response.status).toBe(204);
    expect(seen).toEqual({
      url: `${address}/yongin/programs?tab=open`,
      method: "POST",
      header: "value",
      body: "title=%EC%97%AD%EB%A9%98%ED%86%A0%EB%A7%81",
    });
  });

  it("work for a client that went away is told to stop", async () => {
    let aborted: Promise<boolean> | undefined;
    const address = await serve(async (request) => {
      aborted = new Promise((resolve) => request.signal.addEventListener("abort", () => resolve(true)));
      await aborted;
      return new Response("too late");
    });
    const client = new AbortController();
    const asked = fetch(address, { signal: client.signal }).catch(() => null);
    while (!aborted) await new Promise((resolve) => setTimeout(resolve, 10));
    client.abort();
    await asked;
    expect(await aborted).toBe(true);
  });

  it("an error of the handler is Express's to answer", async () => {
    const address = await serve(async () => {
      throw new Error("broken");
    });
    const response = await fetch(address);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("failed");
  });
});
