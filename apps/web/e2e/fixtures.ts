import { createDatabase, type Database } from "@mentoring/db";
import { type BrowserContext, test as base, type Page } from "@playwright/test";
import { createCookie } from "@remix-run/node";
import { createSession } from "./factories";
import { baseURL } from "./support";

export { expect } from "@playwright/test";

/** The value of a cookie as the app's `createCookie` would set it (signed when given a secret). */
async function cookieValue(name: string, value: string, secret?: string): Promise<string> {
  const cookie = createCookie(name, { secrets: secret ? [secret] : [] });
  return (await cookie.serialize(value)).split(";")[0]?.slice(name.length + 1) as string;
}

/**
 * Signs `email`'s user in without the form: a fresh session row and its signed cookie in the browser
 * context, and, as sign-in does, the user's saved language.
 */
export async function logIn(db: Database, context: BrowserContext, email: string): Promise<void> {
  const { token, locale } = await createSession(db, email);
  const url = baseURL();
  const cookies = [
    {
      name: "session",
      value: await cookieValue("session", token, process.env.E2E_SESSION_SECRET as string),
      url,
      httpOnly: true,
      sameSite: "Lax" as const,
    },
  ];
  if (locale) {
    cookies.push({
      name: "lng",
      value: await cookieValue("lng", locale),
      url,
      httpOnly: true,
      sameSite: "Lax",
    });
  }
  await context.addCookies(cookies);
}

interface Fixtures {
  /** Signs the test's page in as the user with this e-mail address. */
  login: (email: string) => Promise<void>;
  /** A page in a browser context of its own (the config's locale and time zone), signed in as `email`. */
  pageAs: (email: string) => Promise<Page>;
  /** A page in a browser context of its own (the config's locale and time zone), signed in as nobody. */
  visitorPage: () => Promise<Page>;
}

interface WorkerFixtures {
  /** The e2e database, connected as the app role (row-level security on), for factories and checks. */
  db: Database;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  db: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture uses from this.
    async ({}, use) => {
      const db = createDatabase(process.env.E2E_DATABASE_URL as string, { poolSize: 4 });
      await use(db);
      await db.disconnect();
    },
    { scope: "worker" },
  ],
  login: async ({ db, page }, use) => {
    await use((email) => logIn(db, page.context(), email));
  },
  pageAs: async ({ db, browser, locale, timezoneId }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (email) => {
      const context = await browser.newContext({ locale, timezoneId });
      contexts.push(context);
      await logIn(db, context, email);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  visitorPage: async ({ browser, locale, timezoneId }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ locale, timezoneId });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});
