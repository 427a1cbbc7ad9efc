import type { TenantDb } from "@mentoring/db";
import { localize } from "@mentoring/domain";
import { requireCohort } from "../records/certificate-cohort";
import { teamsOfCohort } from "../records/certificate-teams";
import { loadCohort } from "../records/cohort-record";

export interface AwardCategoryView {
  index: number;
  name: string;
  teams: number;
  prize: string;
  certificateTitle: string;
}

export interface AwardGrantView {
  category: number;
  name: string;
  prize: string;
  certificateTitle: string;
  teamId: string;
  teamNumber: number;
  teamName: string | null;
  /** The team's members as its certificate names them: mentors, then mentees. */
  members: string[];
  /** The team's award certificate once approved: its serial, and whether its PDF is ready. */
  certificate: { serial: string; ready: boolean; revoked: boolean } | null;
}

export interface CohortAwards {
  cohort: { id: string; title: string };
  /** The template's award categories, best first, worded in `locale`. */
  categories: AwardCategoryView[];
  teams: { id: string; number: number; name: string | null }[];
  decision: {
    id: string;
    status: "draft" | "proposed" | "approved" | "returned";
    proposedBy: string | null;
    proposedAt: Date | null;
    decidedBy: string | null;
    decidedAt: Date | null;
    comment: string | null;
    grants: AwardGrantView[];
  } | null;
}

/**
 * What the cohort's awards page shows (coordinator and executive): the template's award categories, the
 * cohort's teams, and the decision (none before a proposal) with its grants, who proposed and decided it,
 * the executive's comment, and each winning team's certificate. cohort.not_found (404) outside the tenant.
 */
export async function getCohortAwards(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; locale: string },
): Promise<CohortAwards> {
  const { tenantId, cohortId, locale } = input;
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const { definition } = await loadCohort(tx, tenantId, cohortId);
  const [teams, decision, people] = await Promise.all([
    tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: { id: true, number: true, name: true },
    }),
    tx.awardDecision.findFirst({
      where: { tenantId, cohortId },
      select: {
        id: true,
        status: true,
        proposedByUserId: true,
        proposedAt: true,
        decidedByUserId: true,
        decidedAt: true,
        comment: true,
        certificateBatchId: true,
        grants: {
          where: { tenantId },
          orderBy: [{ categoryIndex: "asc" }, { team: { number: "asc" } }],
          select: {
            categoryIndex: true,
            name: true,
            prize: true,
            certificateTitle: true,
            teamId: true,
            team: { select: { number: true, name: true } },
          },
        },
      },
    }),
    teamsOfCohort(tx, tenantId, cohortId),
  ]);
  const membersOf = new Map(
    people.map((team) => [team.id, [...team.mentors, ...team.mentees].map((person) => person.name)]),
  );
  const userIds = [decision?.proposedByUserId, decision?.decidedByUserId].filter(
    (id): id is string => typeof id === "string",
  );
  const users = userIds.length
    ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })
    : [];
  const nameOf = (id: string | null | undefined) =>
    id ? (users.find((user) => user.id === id)?.displayName ?? null) : null;
  const certificates = decision?.certificateBatchId
    ? await tx.certificate.findMany({
        where: { tenantId, batchId: decision.certificateBatchId },
        select: { teamId: true, serial: true, fileKey: true, revokedAt: true },
      })
    : [];
  return {
    cohort,
    categories: definition.awards.map((award, index) => ({
      index,
      name: localize(award.name, locale),
      teams: award.teams,
      prize: localize(award.prize, locale),
      certificateTitle: award.certificateTitle,
    })),
    teams,
    decision: decision && {
      id: decision.id,
      status: decision.status,
      proposedBy: nameOf(decision.proposedByUserId),
      proposedAt: decision.proposedAt,
      decidedBy: nameOf(decision.decidedByUserId),
      decidedAt: decision.decidedAt,
      comment: decision.comment,
      grants: decision.grants.map((grant) => {
        const certificate = certificates.find((row) => row.teamId === grant.teamId);
        return {
          category: grant.categoryIndex,
          name: grant.name,
          prize: grant.prize,
          certificateTitle: grant.certificateTitle,
          teamId: grant.teamId,
          teamNumber: grant.team.number,
          teamName: grant.team.name,
          members: membersOf.get(grant.teamId) ?? [],
          certificate: certificate
            ? {
                serial: certificate.serial,
                ready: certificate.fileKey !== null,
                revoked: certificate.revokedAt !== null,
              }
            : null,
        };
      }),
    },
  };
}
