import { redirect } from "@remix-run/node";
import { z } from "zod";
import { notFound } from "../services/guard.server";
import { publicLoader } from "../services/route-builder.server";
import { beginSsoSignIn, ssoFlowCookie } from "../services/sso.server";

/**
 * GET /sso/{tenant}/start: sends the browser to the tenant's identity provider, keeping state, nonce and
 * the PKCE verifier in a signed, HttpOnly cookie for the callback. 404 unless the tenant has SSO enabled.
 * Best linked with `<a href>` or `<Link reloadDocument>`, since it always leaves the app.
 */
export const loader = publicLoader(
  {
    params: z.object({ tenant: z.string() }),
    // From a nominee's invitation page: the token goes along to the callback in the flow cookie.
    query: z.object({ invitation: z.string().max(200).optional() }),
  },
  async ({ params, query, services, requestId }) => {
    const slug = params.tenant;
    const begun = await beginSsoSignIn(services, slug, {
      requestId,
      ...(query.invitation ? { invitation: query.invitation } : {}),
    });
    if (begun.kind === "not_found") throw notFound();
    // The callback page explains, as it does when the provider itself answers so.
    if (begun.kind === "unavailable") throw redirect(`/sso/${slug}/callback?error=temporarily_unavailable`);
    throw redirect(begun.url.href, {
      headers: { "Set-Cookie": await ssoFlowCookie(services.config, slug).serialize(begun.flow) },
    });
  },
);

/**
 * Never shown: the loader always redirects or throws. Having a component makes this a page route, so a
 * 404 renders the translated error page rather than an empty response.
 */
export default function SsoStart() {
  return null;
}
