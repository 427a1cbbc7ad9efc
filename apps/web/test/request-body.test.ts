// Request bodies are limited as they stream in, per kind of endpoint, before anything else reads them:
// every action declares its limit (a new one without fails here), refuses a declared length beyond it
// unread, and a chunked body with no length is cut off at the limit while it is still arriving.
import { readdirSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { parseConfig } from "@mentoring/config";
import { MAX_UPLOAD_BYTES } from "@mentoring/directory";
import { brandingKinds, MAX_BRANDING_BYTES } from "@mentoring/tenants";
import { type ActionFunctionArgs, createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as signIn } from "../app/routes/sign-in";
import { csrfToken } from "../app/services/csrf.server";
import { bodyLimitOf } from "../app/services/guard.server";
import { bodyLimits } from "../app/services/request-body.server";
import type { Services } from "../app/services/services.server";

// No database or Redis: every refusal here comes before anything needs them.
const services = {
  config: parseConfig({}),
  db: undefined as never,
  redis: undefined as never,
  log: pino({ level: "silent" }),
  close: async () => {},
} satisfies Services;
const context = { services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" };

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

const routesDir = fileURLToPath(new URL("../app/routes", import.meta.url));
const routeFiles = readdirSync(routesDir).filter(
  (file) => /\.(tsx?|jsx?)$/.test(file) && !/\.test\./.test(file),
);
const actions = await Promise.all(
  routeFiles.map(async (file) => {
    const module = (await import(/* @vite-ignore */ `../app/routes/${file}`)) as { action?: Action };
    return { file, action: module.action };
  }),
);
const withAction = actions.filter((route): route is { file: string; action: Action } => !!route.action);

/** A body that counts what is pulled from it: `size` bytes in 64 KiB chunks. */
function countedBody(size: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= size) {
          controller.close();
          return;
        }
        const part = chunk.subarray(0, Math.min(chunk.length, size - counter.pulled));
        counter.pulled += part.length;
        controller.enqueue(part);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

/** A thrown Response or a returned one, as Remix would answer it. */
async function answerOf(run: () => Promise<unknown>): Promise<Response> {
  try {
    const value = await run();
    if (value instanceof Response) return value;
    throw new Error(`expected a Response, got ${JSON.stringify(value)}`);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("every route that takes a request", () => {
  it("is found: the pages, the import API and the Stripe webhook", () => {
    const files = withAction.map((route) => route.file);
    expect(files).toEqual(
      expect.arrayContaining(["sign-in.tsx", "api.v1.$operation.ts", "webhooks.stripe.ts"]),
    );
  });

  it.each(withAction.map((route) => [route.file, route.action] as const))(
    "%s declares how large a body its action takes",
    (_, action) => {
      const limit = bodyLimitOf(action);
      expect(limit, "no body limit declared: build the action with the route builder or a guard").toBeTypeOf(
        "number",
      );
      expect(limit).toBeGreaterThanOrEqual(0);
    },
  );

  it.each(withAction.map((route) => [route.file, route.action] as const))(
    "%s refuses a declared length beyond its limit without reading a byte",
    async (file, action) => {
      // Without a declared limit, the form's: enough to show the body is read when it should not be.
      const limit = bodyLimitOf(action) ?? bodyLimits.form;
      const { stream, counter } = countedBody(limit + 1);
      const request = new Request(`http://127.0.0.1/${file}`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(limit + 1),
        },
        body: stream,
        duplex: "half",
      } as RequestInit);
      const answer = await answerOf(() => action({ request, params: { tenant: "city" }, context }));
      // An endpoint that takes no posts at all refuses the method instead, just as unread.
      if (answer.status === 405) expect(answer.headers.get("allow")).not.toContain("POST");
      else expect(answer.status).toBe(413);
      expect(counter.pulled).toBe(0);
    },
  );
});

describe("the limits", () => {
  it("keep a page's form to 1 MiB", () => {
    expect(bodyLimitOf(signIn)).toBe(1024 * 1024);
  });

  it("let the uploads through at the sizes their use cases accept", async () => {
    const limitOf = (file: string) => bodyLimitOf(withAction.find((route) => route.file === file)?.action);
    expect(limitOf("$tenant.admin.directory._index.tsx")).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(limitOf("$tenant.admin.settings.tsx")).toBeGreaterThan(brandingKinds.length * MAX_BRANDING_BYTES);
    expect(limitOf("api.v1.$operation.ts")).toBe(MAX_UPLOAD_BYTES);
    expect(limitOf("webhooks.stripe.ts")).toBe(bodyLimits.stripeEvent);
  });
});

const csrf = await csrfToken(new Request("http://127.0.0.1/"), services.config.SESSION_SECRET);
const csrfCookie = (csrf.setCookie ?? "").split(";")[0] as string;

describe("a page's post", () => {
  const cookie = `${csrfCookie}; lng=en`;

  it.each([
    ["JSON", "application/json", JSON.stringify({ email: "a@example.kr", password: "x", csrf: csrf.token })],
    ["plain text", "text/plain", `email=a@example.kr\r\npassword=x\r\ncsrf=${csrf.token}`],
    ["no type at all", null, ""],
  ])("refuses %s with 415, not as a forged form", async (_, type, body) => {
    const headers: Record<string, string> = { cookie };
    if (type) headers["content-type"] = type;
    const request = new Request("http://127.0.0.1/sign-in", { method: "POST", headers, body });
    const answer = await answerOf(() => signIn({ request, params: {}, context }));
    expect(answer.status).toBe(415);
  });

  it("refuses a form that cannot be read with 400, not as a forged form", async () => {
    const request = new Request("http://127.0.0.1/sign-in", {
      method: "POST",
      headers: { cookie, "content-type": "multipart/form-data; boundary=x" },
      body: "not multipart at all",
    });
    const answer = await answerOf(() => signIn({ request, params: {}, context }));
    expect(answer.status).toBe(400);
  });
});

describe("a chunked post with no Content-Length, over HTTP", () => {
  let server: Server;
  let port: number;
  /** What the server had read from the connection when it answered. */
  let readWhenAnswered = 0;

  beforeAll(async () => {
    // The sign-in action behind a real HTTP server, its request's body streamed from the connection as
    // the server streams it (services/remix-express.server.ts).
    const app = express();
    app.post("/sign-in", async (req, res) => {
      const request = new Request(`http://127.0.0.1:${port}/sign-in`, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: createReadableStreamFromReadable(req),
        duplex: "half",
      } as RequestInit);
      const answer = await answerOf(() => signIn({ request, params: {}, context }));
      readWhenAnswered = req.socket.bytesRead;
      res.status(answer.status).end(await answer.text());
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("is refused with 413 once past the form's limit, while the client is still sending", async () => {
    const total = 100 * 1024 * 1024;
    const chunk = Buffer.alloc(256 * 1024, "a");
    const outcome = await new Promise<{ status: number; sentBeforeAnswer: number }>((resolve, reject) => {
      const request = httpRequest({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/sign-in",
        headers: {
          cookie: csrfCookie,
          "content-type": "application/x-www-form-urlencoded",
          "transfer-encoding": "chunked",
        },
      });
      let sent = 0;
      let answered = false;
      request.on("response", (response) => {
        answered = true;
        resolve({ status: response.statusCode ?? 0, sentBeforeAnswer: sent });
        response.resume();
      });
      // Writing fails once the server stops reading and closes: expected after its answer.
      request.on("error", (error) => {
        if (!answered) reject(error);
      });
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!request.write(chunk)) {
            request.once("drain", pump);
            return;
          }
        }
        if (!answered) request.end();
      };
      pump();
    });
    expect(outcome.status).toBe(413);
    // The answer came long before the 100 MB were sent; what was read is the limit and a chunk or two,
    // not the body (what the client got out is that plus the sockets' buffers).
    expect(outcome.sentBeforeAnswer).toBeLessThan(24 * 1024 * 1024);
    expect(readWhenAnswered).toBeLessThan(bodyLimits.form + 2 * 1024 * 1024);
  });
});
