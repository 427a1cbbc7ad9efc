import { data, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { pageTitle } from "../components/page-title";
import { Shell } from "../components/shell";
import { notFound } from "../services/guard.server";
import { localeCookie } from "../services/i18n.server";
import { publicLoader } from "../services/route-builder.server";
import { endSession, startSession } from "../services/session.server";
import { completeSsoSignIn, parseSsoFlow, ssoFlowCookie } from "../services/sso.server";

export const handle = pageTitle("sso.error.title");

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

/**
 * GET /sso/{tenant}/callback: where the identity provider sends the browser back. The flow cookie (state,
 * nonce, PKCE) is spent whatever happens; on success the person is signed in and taken to the tenant's
 * home, otherwise this page says why (403 when nobody in the tenant matches: nobody is created).
 */
export const loader = publicLoader(
  { params: z.object({ tenant: z.string() }) },
  async ({ request, params, services, requestId }) => {
    const slug = params.tenant;
    const cookie = ssoFlowCookie(services.config, slug);
    const flow = parseSsoFlow(await cookie.parse(request.headers.get("cookie")));
    // The provider's answer as it sent it (code, state, issuer or its error), for the OpenID Connect client.
    const answer = new URL(request.url).searchParams;
    const outcome = await completeSsoSignIn(services, { slug, params: answer, flow, requestId });
    const headers = new Headers({ "Set-Cookie": await cookie.serialize("", { maxAge: 0 }) });
    if (outcome.ok) {
      // A session this browser had before (perhaps someone else's) ends; a new one starts.
      await endSession(request, services);
      headers.append("Set-Cookie", await startSession(services, outcome.userId));
      if (outcome.locale) headers.append("Set-Cookie", await localeCookie.serialize(outcome.locale));
      // A nominee whose account was just made goes on to their nomination.
      throw redirect(outcome.cohortId ? `/${slug}/recruiting/${outcome.cohortId}` : `/${slug}`, { headers });
    }
    if (outcome.problem === "not_found") throw notFound();
    return data(
      { problem: outcome.problem, slug },
      { status: outcome.problem === "no_match" ? 403 : 400, headers },
    );
  },
);

export default function SsoCallback() {
  const { t } = useTranslation();
  const { problem, slug } = useLoaderData<typeof loader>();
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("sso.error.title")}</h1>
        <p role="alert" className="form-error">
          {t(`sso.error.${problem}`)}
        </p>
        {problem !== "no_match" ? (
          <p>
            <Link to={`/sso/${slug}/start`} reloadDocument>
              {t("sso.error.retry")}
            </Link>
          </p>
        ) : null}
        <p>
          <Link to="/sign-in">{t("sso.error.passwordSignIn")}</Link>
        </p>
      </div>
    </Shell>
  );
}
