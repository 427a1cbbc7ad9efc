import { openAttachment } from "@mentoring/programs";
import { z } from "zod";
import { serveStoredFile } from "../services/file-serving.server";
import { notFound } from "../services/guard.server";
import { tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

/**
 * A file attached to a team's work or activity (`?size=thumbnail` for a photo's thumbnail), for who may see it:
 * the team, who runs the program, and for a featured submission every staff member of the showcase.
 * Anyone else, and every other tenant, gets 404.
 */
export const loader = tenantLoader(
  {
    permission: "tenant.home.view",
    params: z.object({ fileId: id }),
    query: z.object({ size: z.enum(["thumbnail"]).optional().catch(undefined) }),
  },
  async ({ params, query, request, tenant, user, membership, may, services, withTenant }) => {
    const file = await withTenant((db) =>
      openAttachment(db, {
        tenantId: tenant.id,
        attachmentId: params.fileId,
        userId: user.id,
        staffMemberId: membership.staffMemberId,
        mayReview: may("programs.view"),
        mayViewShowcase: may("showcase.view"),
      }),
    );
    if (query.size !== "thumbnail")
      return serveStoredFile(services, request, {
        storageKey: file.storageKey,
        name: file.name,
        mediaType: file.mediaType,
      });
    if (!file.thumbnailKey) throw notFound();
    return serveStoredFile(services, request, {
      storageKey: file.thumbnailKey,
      name: `${file.name.replace(/\.[^.]*$/, "")}.jpg`,
      mediaType: "image/jpeg",
    });
  },
);
