import { findFirstOrganisation } from "@mentoring/tenants";
import { redirect } from "@remix-run/node";
import { notFound } from "../services/guard.server";
import { signedInLoader } from "../services/route-builder.server";

/** Home is where the user works: their first organisation, the operator's console or national insights. */
export const loader = signedInLoader({}, async ({ user, services }) => {
  if (user.platformRole === "operator") throw redirect("/platform");
  if (user.platformRole === "insights_analyst") throw redirect("/insights");
  const tenant = await findFirstOrganisation(services.db, { userId: user.id });
  if (!tenant) throw notFound();
  throw redirect(`/${tenant.slug}`);
});
