import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resources } from "@mentoring/i18n";
import { expect, type Page } from "@playwright/test";

/** Every seeded account's password in the browser tests (only the sign-in tests use the form). */
export const E2E_PASSWORD = "e2e-password-long-enough";

/**
 * Seeded accounts. Tests that only read the seeded cities sign in as them (e2e/fixtures.ts); tests that
 * change something copy the person into a city of their own (e2e/factories).
 */
export const accounts = {
  yonginCoordinator: "sujin.kwon@yongin.example.kr",
  yonginAdmin: "seonghun.park@yongin.example.kr",
  yonginExecutive: "sunhui.choi@yongin.example.kr",
  yonginEvaluator: "jiyeong.heo@yongin.example.kr",
  yonginParticipant: "chaeeun.ryu@yongin.example.kr",
  operator: "operator@platform.example.kr",
};

export const baseURL = () => process.env.E2E_BASE_URL as string;

/** Signs in through the form, as a person does: for the tests of signing in (others use the login fixture). */
export async function signIn(page: Page, email: string, password = E2E_PASSWORD) {
  // Loaded and hydrated before typing: a click that lands while the page hydrates can be lost.
  await page.goto(`${baseURL()}/sign-in`, { waitUntil: "networkidle" });
  await page.getByLabel(/^(이메일|E-mail)$/).fill(email);
  await page.getByLabel(/^(비밀번호|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(로그인|Sign in)$/ }).click();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe on the page as it is: no serious or critical violation of WCAG 2.1 A/AA. */
export async function expectAccessible(page: Page) {
  // Evaluated through the DevTools protocol (the page's CSP refuses injected script tags), once per
  // document: a second copy of its 550 KB cost half a second of the browser's CPU per check.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const serious = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof import("axe-core") };
    const { violations } = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // Only violations are read: axe then skips describing every node that passed.
      resultTypes: ["violations"],
    });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  expect(serious).toEqual([]);
  await expectTitled(page);
}

/** The page names itself in the browser's tab as its heading does, then the platform (KWCAG 6.4.2). */
async function expectTitled(page: Page) {
  const headings = await page.locator("h1").allInnerTexts();
  const platform = (await page.locator("html").getAttribute("lang")) === "en" ? resources.en : resources.ko;
  const heading = headings.length === 1 ? headings[0]?.replace(/\s+/g, " ").trim() : undefined;
  if (heading) expect(await page.title()).toBe(`${heading} - ${platform.common.app.name}`);
  else expect(await page.title()).toMatch(new RegExp(`. - ${platform.common.app.name}$`));
}

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
}

/** Mails the SMTP sink has received for `to`, newest last. */
export function mailsTo(to: string): CapturedMail[] {
  const dir = process.env.E2E_MAIL_DIR as string;
  return readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as CapturedMail)
    .filter((mail) => mail.to.includes(to));
}

/**
 * Tells whether a text is a Korean message of the i18n resources: messages without placeholders by exact
 * text, the others as patterns where `{{name}}` matches any text. Built once per test process.
 */
const isKoreanMessage = (() => {
  const values: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") values.push(node.replace(/\s+/g, " ").trim());
    else if (node && typeof node === "object") for (const child of Object.values(node)) walk(child);
  };
  walk(resources.ko);
  const exact = new Set(values.filter((value) => !value.includes("{{")));
  const patterns = values
    .filter((value) => value.includes("{{"))
    .map(
      (value) =>
        new RegExp(
          `^${value
            .split(/\{\{[^}]*\}\}/)
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
            .join(".+?")}$`,
        ),
    );
  return (text: string) => exact.has(text) || patterns.some((pattern) => pattern.test(text));
})();

/**
 * Fails when the page shows text that is neither a Korean message from the i18n resources nor data
 * (`data`: names, addresses and other values the test knows come from the database). Catches a
 * hard-coded string in any route. Text without letters (numbers, dates, punctuation) is data.
 */
export async function expectOnlyTranslatedText(page: Page, data: string[] = []) {
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript")) continue;
      found.push(node.textContent ?? "");
    }
    for (const element of Array.from(
      document.querySelectorAll("[aria-label], [title], [placeholder], [alt]"),
    )) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value) found.push(value);
      }
    }
    found.push(document.title);
    return found;
  });
  const known = new Set(data);
  const untranslated = [...new Set(texts.map((text) => text.replace(/\s+/g, " ").trim()))]
    .filter((text) => /[\p{L}]/u.test(text))
    // A placeholder left in the page ("{{value}}") means a message was given the wrong parameters.
    .filter((text) => text.includes("{{") || (!known.has(text) && !isKoreanMessage(text)))
    // A list of translated labels joined with commas (e.g. several roles) is translated too.
    .filter((text) => !text.split(", ").every((part) => known.has(part) || isKoreanMessage(part)));
  expect(untranslated).toEqual([]);
}

/**
 * Collects hydration errors, uncaught exceptions and failed requests, any of which would throw away what
 * the person entered on the page. A refusal the page answers with its message (a form post answered
 * 400, 409, 410, 422 or 429 by the route builder) is the page working, not failing: the browser logs
 * those responses too, and they are left out.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  const refusal = /^Failed to load resource: the server responded with a status of (400|409|410|422|429)\b/;
  page.on("console", (message) => {
    const text = message.text().split("\n")[0] as string;
    if (message.type() === "error" && !refusal.test(text)) errors.push(text);
  });
  page.on("pageerror", (error) => errors.push(error.message.split("\n")[0] as string));
  return errors;
}
