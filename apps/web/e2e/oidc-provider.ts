import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (the `oidc-provider` package) for tests: on 127.0.0.1 at a random port,
 * with one confidential client and a few accounts. Its sign-in and consent pages are ours (below), small
 * and labelled, so Playwright can drive them and plain HTTP can too (`signInAtProvider`).
 *
 * Like most providers, it releases e-mail and profile claims (employee_number is part of `profile` here)
 * from the userinfo endpoint, not in the ID token, unless `claimsInIdToken` is set.
 */

export interface ProviderAccount {
  /** The subject (`sub`) the provider asserts for this account. */
  sub: string;
  username: string;
  password: string;
  /** Claims besides `sub`, e.g. email, email_verified, name, employee_number. */
  claims: Record<string, unknown>;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export const PROVIDER_LOGIN = {
  username: "Username",
  password: "Password",
  submit: "Sign in",
  allow: "Allow",
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function loginPage(uid: string, error?: string) {
  return page(
    "Test identity provider",
    `${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="username">${PROVIDER_LOGIN.username}</label> <input id="username" name="username" autocomplete="username" required>
<label for="password">${PROVIDER_LOGIN.password}</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${PROVIDER_LOGIN.submit}</button></form>`,
  );
}

function consentPage(uid: string, clientId: string) {
  return page(
    "Test identity provider",
    `<p>${escapeHtml(clientId)} asks to know who you are.</p><form method="post" action="/interaction/${escapeHtml(uid)}/consent"><button type="submit">${PROVIDER_LOGIN.allow}</button></form>`,
  );
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(response: ServerResponse, status: number, html: string) {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  response.end(html);
}

export async function startOidcProvider({
  redirectUris,
  accounts,
  claimsInIdToken = false,
}: {
  redirectUris: string[];
  accounts: ProviderAccount[];
  claimsInIdToken?: boolean;
}): Promise<TestProvider> {
  const clientId = `mentoring-${randomBytes(4).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  let provider: Provider | undefined;

  async function interaction(request: IncomingMessage, response: ServerResponse, uid: string, step?: string) {
    if (!provider) throw new Error("provider not ready");
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) return send(response, 400, page("Error", "<p>Unknown interaction.</p>"));
    if (request.method === "GET") {
      return details.prompt.name === "login"
        ? send(response, 200, loginPage(uid))
        : send(response, 200, consentPage(uid, details.params.client_id));
    }
    if (step === "login") {
      const form = await formBody(request);
      const account = accounts.find(
        (candidate) =>
          candidate.username === form.get("username") && candidate.password === form.get("password"),
      );
      if (!account) return send(response, 200, loginPage(uid, "Wrong username or password."));
      return provider.interactionFinished(
        request,
        response,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
    }
    if (step === "consent") {
      const accountId = details.session?.accountId;
      if (!accountId) return send(response, 400, page("Error", "<p>Not signed in.</p>"));
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId: details.params.client_id });
      if (!grant) return send(response, 400, page("Error", "<p>Unknown grant.</p>"));
      const missingScope = details.prompt.details.missingOIDCScope as string[] | undefined;
      const missingClaims = details.prompt.details.missingOIDCClaims as string[] | undefined;
      if (missingScope) grant.addOIDCScope(missingScope.join(" "));
      if (missingClaims) grant.addOIDCClaims(missingClaims);
      return provider.interactionFinished(
        request,
        response,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    }
    return send(response, 404, page("Not found", ""));
  }

  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    send(response, 503, "");
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const match = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec(path);
    if (match) {
      interaction(request, response, match[1] as string, match[2]).catch((error: unknown) => {
        send(response, 400, page("Error", `<p>${escapeHtml(String(error))}</p>`));
      });
      return;
    }
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "employee_number"],
    },
    conformIdTokenClaims: !claimsInIdToken,
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.find((candidate) => candidate.sub === id);
      if (!account) return undefined;
      return { accountId: account.sub, claims: async () => ({ ...account.claims, sub: account.sub }) };
    },
  });
  handle = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Drives the provider's sign-in and consent pages with plain HTTP, as a browser would, starting from the
 * authorization URL, and returns the URL the provider finally sends the browser back to (the redirect URI
 * with `code` and `state`, or with `error`).
 */
export async function signInAtProvider(
  authorizationUrl: URL,
  { username, password }: { username: string; password: string },
): Promise<URL> {
  const cookies = new Map<string, string>();
  const providerOrigin = authorizationUrl.origin;
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = (pair ?? "").indexOf("=");
      if (at > 0) cookies.set((pair as string).slice(0, at).trim(), (pair as string).slice(at + 1));
    }
    body = undefined;
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      if (url.origin !== providerOrigin) return url;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action) throw new Error(`unexpected provider page ${url}: ${html}`);
    if (html.includes('role="alert"')) throw new Error("the provider refused the username or password");
    url = new URL(action.replace(/&amp;/g, "&"), url);
    body = action.endsWith("/login") ? new URLSearchParams({ username, password }) : new URLSearchParams();
  }
  throw new Error("the provider did not send the browser back");
}
