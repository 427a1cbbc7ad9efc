// What server.ts answers before Remix: a post from another site (Remix would throw and answer 500), and
// the connection of an answer given before its request's body was read.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "../app/services/i18n.server";
import { closeWhenBodyUnread, refuseCrossSitePosts } from "../app/services/request-screening.server";

let server: Server;
let port: number;

beforeAll(async () => {
  const app = express();
  app.use((_request, response, next) => {
    response.locals.requestId = "req-test-1234";
    next();
  });
  app.use(closeWhenBodyUnread());
  app.use(refuseCrossSitePosts());
  // Stands in for Remix: answers without reading the body, as a refusal does.
  app.all("*", (_request, response) => {
    response.send("reached");
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer = "email=a%40example.kr",
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // The length stated: Node's client sends a DELETE's body unframed otherwise.
    const framed = { ...headers, "content-length": String(Buffer.byteLength(body)) };
    const request = httpRequest({ host: "127.0.0.1", port, method, path, headers: framed }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });
}

const form = { "content-type": "application/x-www-form-urlencoded" };

describe("a post from another site", () => {
  it("gets a 403 page in Korean by default, saying why, with the request id", async () => {
    const answer = await send("POST", "/sign-in", { ...form, origin: "https://evil.example" });
    expect(answer.status).toBe(403);
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
    expect(answer.body).toContain('<html lang="ko">');
    expect(answer.body).toContain("다른 사이트에서 보낸 요청이라 받지 않았습니다");
    expect(answer.body).toContain("req-test-1234");
  });

  it("gets the page in English for an English reader, by cookie or by Accept-Language", async () => {
    const english = (await localeCookie.serialize("en")).split(";")[0] as string;
    const readers: Record<string, string>[] = [{ cookie: english }, { "accept-language": "en-US,en;q=0.9" }];
    for (const reader of readers) {
      const answer = await send("POST", "/sign-in", { ...form, origin: "https://evil.example", ...reader });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('<html lang="en">');
      expect(answer.body).toContain("The request came from another site and was not accepted");
    }
  });

  it("is refused whatever the method, and so is an Origin that is not an address", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const answer = await send(method, "/x/admin/members", { ...form, origin: "http://evil.example" });
      expect(answer.status, answer.body).toBe(403);
    }
    expect((await send("POST", "/sign-in", { ...form, origin: "not a url" })).status).toBe(403);
  });
});

describe("what goes on to Remix", () => {
  it("a post from this site, one without Origin and one whose Origin is hidden ('null')", async () => {
    const here = `http://127.0.0.1:${port}`;
    const origins: Record<string, string>[] = [{ origin: here }, {}, { origin: "null" }];
    for (const headers of origins)
      expect((await send("POST", "/sign-in", { ...form, ...headers })).body).toBe("reached");
  });

  it("a post through a proxy that names the host it was sent to", async () => {
    const answer = await send("POST", "/sign-in", {
      ...form,
      origin: "https://mentoring.example.kr",
      "x-forwarded-host": "mentoring.example.kr",
    });
    expect(answer.body).toBe("reached");
  });

  it("the API and the Stripe webhook, which authenticate by token and signature", async () => {
    for (const path of ["/api/v1/staff:import", "/webhooks/stripe"])
      expect((await send("POST", path, { origin: "https://hr.example.kr" })).body).toBe("reached");
  });

  it("reads, from anywhere", async () => {
    expect((await send("GET", "/sign-in", { origin: "https://evil.example" }, "")).body).toBe("reached");
  });
});

describe("an answer given before the request's body was read", () => {
  it("closes the connection instead of keeping it alive with the rest of the body to come", async () => {
    const large = Buffer.alloc(8 * 1024 * 1024, "a");
    const answer = await send("POST", "/sign-in", form, large);
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe("close");
  });

  it("keeps the connection of a request read to its end", async () => {
    const answer = await send("GET", "/sign-in", {}, "");
    expect(answer.headers.connection).toBe("keep-alive");
  });
});
