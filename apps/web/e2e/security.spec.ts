import { connect } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

test("pages carry security headers: a CSP with a script nonce, no framing, no sniffing", async ({ page }) => {
  const response = await page.goto(`${baseURL()}/sign-in`);
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["x-request-id"]).toMatch(/^[\w-]{8,}$/);
  // Over plain http there is no HSTS: it is sent only behind TLS.
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("a form post without the CSRF token is refused and changes nothing", async ({ page }) => {
  await page.goto(`${baseURL()}/sign-in`);
  const response = await page.request.post(`${baseURL()}/sign-in`, {
    form: { email: "sujin.kwon@yongin.example.kr", password: "e2e-password-long-enough" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("session=");
});

/** The browser's CSRF cookie, as "name=value", once it has opened the sign-in page. */
async function csrfCookieOf(page: Page): Promise<string> {
  await page.goto(`${baseURL()}/sign-in`);
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === "csrf");
  expect(csrf).toBeDefined();
  return `csrf=${csrf?.value}`;
}

test("a chunked 200 MB post to sign-in is refused with 413 while it is still being sent", async ({
  page,
}) => {
  const cookie = await csrfCookieOf(page);
  const url = new URL(`${baseURL()}/sign-in`);
  const total = 200 * 1024 * 1024;
  const chunk = Buffer.alloc(256 * 1024, "a");
  const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
  // A plain socket: the server answers and closes while the body is still coming, and an HTTP client
  // may report the refused write (EPIPE) before the answer it has already received.
  const answer = await new Promise<{ status: number; sent: number; body: string }>((resolve, reject) => {
    let sent = 0;
    let sentBeforeAnswer: number | undefined;
    const received: Buffer[] = [];
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => {
      socket.write(
        [
          `POST ${url.pathname} HTTP/1.1`,
          `Host: ${url.host}`,
          `Cookie: ${cookie}`,
          "Content-Type: application/x-www-form-urlencoded",
          "Transfer-Encoding: chunked",
          "",
          "",
        ].join("\r\n"),
      );
      pump();
    });
    const pump = () => {
      while (sentBeforeAnswer === undefined && sent < total && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(framed)) {
          socket.once("drain", pump);
          return;
        }
      }
      if (sentBeforeAnswer === undefined && !socket.destroyed) socket.end("0\r\n\r\n");
    };
    socket.on("data", (part: Buffer) => {
      sentBeforeAnswer ??= sent;
      received.push(part);
    });
    // The server closes the connection after its answer: writing then fails, as it should.
    socket.on("error", () => {});
    socket.on("close", () => {
      const text = Buffer.concat(received).toString("utf8");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      if (status === 0) reject(new Error(`no answer after ${sent} bytes`));
      else
        resolve({ status, sent: sentBeforeAnswer ?? sent, body: text.slice(text.indexOf("\r\n\r\n") + 4) });
    });
  });
  expect(answer.status).toBe(413);
  // Answered after the form's 1 MiB and what the sockets hold, not after the 200 MB.
  expect(answer.sent).toBeLessThan(32 * 1024 * 1024);
  expect(answer.body).toContain("보낸 내용이 너무 큽니다");
});

test("a post from another site gets a translated 403 page, not a 500", async ({ page }) => {
  await page.goto(`${baseURL()}/sign-in`);
  const response = await page.request.post(`${baseURL()}/sign-in`, {
    form: { email: "sujin.kwon@yongin.example.kr", password: "e2e-password-long-enough" },
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("다른 사이트에서 보낸 요청이라 받지 않았습니다");
});

test("JSON or plain text posted to a page's form gets 415 with a message, in the reader's language", async ({
  page,
}) => {
  await page.goto(`${baseURL()}/sign-in`);
  const json = await page.request.post(`${baseURL()}/sign-in`, {
    data: { email: "sujin.kwon@yongin.example.kr", password: "e2e-password-long-enough" },
    maxRedirects: 0,
  });
  expect(json.status()).toBe(415);
  expect(await json.text()).toContain("받을 수 없는 형식으로 보냈습니다");
  const text = await page.request.post(`${baseURL()}/sign-in`, {
    data: "email=sujin.kwon@yongin.example.kr",
    headers: { "content-type": "text/plain", "accept-language": "en-US,en;q=0.9" },
    maxRedirects: 0,
  });
  expect(text.status()).toBe(415);
  expect(await text.text()).toContain("What you sent is not in a form this page takes");
});

test("GET on the import API and the Stripe webhook is answered 405 with the method they take", async ({
  request,
}) => {
  for (const path of ["/api/v1/staff:import", "/webhooks/stripe"]) {
    const response = await request.get(`${baseURL()}${path}`);
    expect(response.status(), path).toBe(405);
    expect(response.headers().allow, path).toBe("POST");
  }
  const status = await request.post(`${baseURL()}/api/v1/imports/00000000-0000-4000-8000-000000000000`, {
    data: {},
  });
  expect(status.status()).toBe(405);
  expect(status.headers().allow).toBe("GET, HEAD");
});

test("Prometheus gets request durations by route with its token, and nobody else gets anything", async ({
  request,
}) => {
  const metrics = (authorization?: string) =>
    request.get(`${baseURL()}/metrics`, authorization ? { headers: { authorization } } : {});
  expect((await metrics()).status()).toBe(404);
  expect((await metrics("Bearer guessed-token-0123456789")).status()).toBe(404);
  // Each web process counts its own requests: behind the topology's proxy (npm test's second browser run)
  // the sign-in and the scrape may reach different ones, so both are sent until one process shows it.
  await expect
    .poll(async () => {
      await request.get(`${baseURL()}/sign-in`);
      const answer = await metrics(`Bearer ${process.env.E2E_METRICS_TOKEN}`);
      expect(answer.status()).toBe(200);
      const text = await answer.text();
      expect(text).toMatch(/db_pool_connections\{state="max"\} \d+/);
      return text;
    })
    .toMatch(/http_request_duration_seconds_count\{method="GET",route="\/sign-in",status="200"\} \d+/);
});

test("an English-speaking browser gets English pages until the language is switched", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Seoul" });
  const page = await context.newPage();
  await page.goto(`${baseURL()}/sign-in`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Change language: 한국어" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("로그인");
  await expectOnlyTranslatedText(page);
  await context.close();
});

test("on a phone the pages keep working: no sideways scrolling, the skip link reaches the content", async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: "ko-KR",
    viewport: { width: 360, height: 740 },
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(`${baseURL()}/sign-in`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "본문 바로가기" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.screenshot({ path: ".tmp/e2e-artifacts/sign-in-phone.png", fullPage: true });
  await expectAccessible(page);
  await context.close();
});
