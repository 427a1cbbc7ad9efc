import { LocalFileStorage } from "@mentoring/storage";
import { brandingKinds, getBrandingImage } from "@mentoring/tenants";
import { z } from "zod";
import { notFound } from "../services/guard.server";
import { tenantLoader } from "../services/route-builder.server";

/** The stored logo or seal, for the settings page's preview; its address changes with every upload. */
export const loader = tenantLoader(
  { permission: "tenant.settings.manage", params: z.object({ kind: z.enum(brandingKinds) }) },
  async ({ params, tenant, services }) => {
    const { db, config } = services;
    const file = await getBrandingImage(db, {
      tenantId: tenant.id,
      kind: params.kind,
      storage: new LocalFileStorage(config.STORAGE_DIR),
    });
    if (!file) throw notFound();
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.bytes.length),
        "Cache-Control": "private, max-age=3600",
        "Content-Disposition": "inline",
      },
    });
  },
);
