import type { TenantDb } from "@mentoring/db";
import { notify } from "./notify";
import { teamRecipients } from "./notify-recipients";
import { tenantFacts } from "./survey-mail";

const roleWords = {
  ko: { mentor: "멘토", mentee: "멘티" },
  en: { mentor: "mentor", mentee: "mentee" },
} as const;

/**
 * Tells every member of the cohort's published teams (in the publishing transaction, through notify():
 * in the app and by mail through the outbox) which team they are in, with whom, and what comes next (the
 * ceremony when it is set and ahead). In each person's language, else the tenant's. Once per person and team.
 */
export async function mailPublishedTeams(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    cohortTitle: string;
    appUrl: string;
    /** The moment of publishing (a ceremony before it is over and not named); now when not given. */
    now?: Date;
  },
): Promise<number> {
  const { tenantId, cohortId, cohortTitle } = input;
  const now = input.now ?? new Date();
  const tenant = await tenantFacts(tx, tenantId);
  const [members, ceremony] = await Promise.all([
    teamRecipients(tx, tenantId, { cohortId }),
    // A ceremony already held is no next step: the mail names it only while it is ahead.
    tx.ceremony.findFirst({
      where: { tenantId, cohortId, startsAt: { gt: now } },
      select: { startsAt: true, place: true },
    }),
  ]);
  const teammatesOf = (member: (typeof members)[number], locale: "ko" | "en") =>
    members
      .filter((other) => other.teamId === member.teamId && other !== member)
      .map((other) => `${other.name} (${roleWords[locale][other.role]})`);
  const { mails } = await notify(tx, {
    tenantId,
    tenant,
    kind: "team_published",
    subject: (member) => `team:${member.teamId}`,
    path: "/team",
    appUrl: input.appUrl,
    // A team of one has no one to be told about.
    recipients: members.filter((member) => teammatesOf(member, "ko").length > 0),
    params: (member) => ({ cohortTitle, teamNumber: member.teamNumber, role: member.role }),
    mail: (member, locale, link) => ({
      kind: "team_published",
      name: member.name,
      tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
      cohortTitle,
      teamNumber: member.teamNumber,
      role: member.role,
      teammates: teammatesOf(member, locale),
      ...(ceremony && { ceremony: { startsAt: ceremony.startsAt, place: ceremony.place } }),
      timeZone: tenant.timeZone,
      link,
    }),
  });
  return mails;
}
