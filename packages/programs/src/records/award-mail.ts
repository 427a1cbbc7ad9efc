import type { TenantDb } from "@mentoring/db";
import { notify } from "./notify";
import { teamRecipients } from "./notify-recipients";
import { tenantFacts } from "./survey-mail";

/**
 * Tells every member of each winning team that the team won its award (in the app and by mail, in their
 * language), once per grant: approving cannot happen twice, and a repeat would find the notices there.
 */
export async function announceAwards(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    cohortTitle: string;
    grants: readonly { id: string; teamId: string; name: string; prize: string }[];
    appUrl: string;
  },
): Promise<number> {
  const { tenantId, cohortId, cohortTitle, grants } = input;
  if (grants.length === 0) return 0;
  const grantOf = new Map(grants.map((grant) => [grant.teamId, grant]));
  const grantFor = (teamId: string) => {
    const grant = grantOf.get(teamId);
    if (!grant) throw new Error(`team ${teamId} has no award in this decision`);
    return grant;
  };
  const { notified } = await notify(tx, {
    tenantId,
    tenant: await tenantFacts(tx, tenantId),
    kind: "award_granted",
    subject: (member) => `award:${grantFor(member.teamId).id}`,
    path: "/certificates",
    appUrl: input.appUrl,
    recipients: await teamRecipients(tx, tenantId, {
      cohortId,
      teamIds: grants.map((grant) => grant.teamId),
    }),
    params: (member) => ({
      cohortTitle,
      teamNumber: member.teamNumber,
      award: grantFor(member.teamId).name,
      prize: grantFor(member.teamId).prize,
    }),
    mail: (member, _locale, link) => ({
      kind: "award_granted",
      name: member.name,
      cohortTitle,
      teamNumber: member.teamNumber,
      award: grantFor(member.teamId).name,
      prize: grantFor(member.teamId).prize,
      link,
    }),
  });
  return notified;
}
