import { redirect } from "@remix-run/node";
import { notFound } from "../services/guard.server";
import { signedInLoader } from "../services/route-builder.server";

/** Home is where the user works: their first organisation, or the operator's console. */
export const loader = signedInLoader({}, async ({ user, services }) => {
  if (user.platformRole === "operator") throw redirect("/platform");
  const membership = await services.db.withUser(user.id, (tx) =>
    tx.membership.findFirst({
      where: { userId: user.id },
      orderBy: { createdAt: "asc" },
      select: { tenantId: true },
    }),
  );
  const tenant = membership
    ? await services.db.platform.tenant.findUnique({
        where: { id: membership.tenantId },
        select: { slug: true },
      })
    : null;
  if (!tenant) throw notFound();
  throw redirect(`/${tenant.slug}`);
});
