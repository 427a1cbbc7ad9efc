import { LocalFileStorage } from "@mentoring/certificates";
import { brandingKinds, getBrandingImage } from "@mentoring/tenants";
import { tenantRoute } from "../services/guard.server";

/** The stored logo or seal, for the settings page's preview; its address changes with every upload. */
export const loader = tenantRoute("tenant.settings.manage", async ({ params, context, tenant }) => {
  const kind = brandingKinds.find((name) => name === params.kind);
  if (!kind) throw new Response(null, { status: 404 });
  const { db, config } = context.services;
  const file = await getBrandingImage(db, {
    tenantId: tenant.id,
    kind,
    storage: new LocalFileStorage(config.STORAGE_DIR),
  });
  if (!file) throw new Response(null, { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
});
