import { z } from "zod";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf, translatorFor } from "../services/i18n.server";
import { applicantFilterFrom, applicantsFile } from "../services/recruitment.server";

const cohortIdSchema = z.string().uuid();
const formatSchema = z.enum(["csv", "xlsx"]);

/**
 * The applicant list as a file (`?format=csv|xlsx`, with the list's filters). It holds personal data:
 * every download is audited with its filter and row count, and the response is never cached.
 */
export const loader = tenantRoute(
  "applications.review",
  async ({ request, params, context, tenant, user }) => {
    const cohortId = cohortIdSchema.safeParse(params.cohortId);
    if (!cohortId.success) throw notFound();
    const url = new URL(request.url);
    const format = formatSchema.safeParse(url.searchParams.get("format") ?? "csv");
    if (!format.success) throw new Response(null, { status: 400 });
    const file = await applicantsFile(context.services, {
      tenant,
      userId: user.id,
      requestId: context.requestId,
      cohortId: cohortId.data,
      filter: applicantFilterFrom(url),
      format: format.data,
      t: await translatorFor(request),
      locale: await localeOf(request),
    });
    const asciiName = `applicants.${format.data}`;
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  },
);
