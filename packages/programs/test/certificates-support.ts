import type { Database } from "@mentoring/db";

/**
 * Publishes teams for a seeded cohort the way the matching service leaves them (a succeeded, published
 * run; Team and TeamMember rows): as many teams as the smaller side has people, both sides dealt round
 * the teams in turn (1:1-2 for Yongin's cohort, 3:1 for Gangneung's). Returns the teams' application ids.
 */
export async function publishTeams(db: Database, tenantId: string, cohortId: string) {
  return db.withTenant(tenantId, async (tx) => {
    const accepted = await tx.application.findMany({
      where: { tenantId, cohortId, status: "accepted" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, role: true, staffMemberId: true },
    });
    const mentors = accepted.filter((application) => application.role === "mentor");
    const mentees = accepted.filter((application) => application.role === "mentee");
    const last = await tx.matchingRun.aggregate({ where: { tenantId, cohortId }, _max: { number: true } });
    const run = await tx.matchingRun.create({
      data: {
        tenantId,
        cohortId,
        number: (last._max.number ?? 0) + 1,
        status: "succeeded",
        problem: {},
        publishedAt: new Date(),
      },
    });
    await tx.teamMember.deleteMany({ where: { tenantId, cohortId } });
    await tx.team.deleteMany({ where: { tenantId, cohortId } });
    const teams: { id: string; mentors: string[]; mentees: string[] }[] = [];
    for (let index = 0; index < Math.min(mentors.length, mentees.length); index++) {
      const team = await tx.team.create({
        data: { tenantId, cohortId, runId: run.id, number: index + 1, score: 1, breakdown: {} },
      });
      teams.push({ id: team.id, mentors: [], mentees: [] });
    }
    for (const [index, mentor] of mentors.entries()) teams[index % teams.length]?.mentors.push(mentor.id);
    for (const [index, mentee] of mentees.entries()) teams[index % teams.length]?.mentees.push(mentee.id);
    for (const team of teams)
      await tx.teamMember.createMany({
        data: [
          ...team.mentors.map((applicationId) => ({ applicationId, role: "mentor" as const })),
          ...team.mentees.map((applicationId) => ({ applicationId, role: "mentee" as const })),
        ].map((member) => ({ tenantId, cohortId, teamId: team.id, ...member })),
      });
    return {
      teams,
      staffOf: new Map(accepted.map((application) => [application.id, application.staffMemberId])),
    };
  });
}

/**
 * A seeded city's cohort (its latest, or its first with `which: "first"`) and its coordinator: what a use
 * case acting there takes as tenantId, cohortId and actorUserId.
 */
export async function seededCohortOf(db: Database, slug: string, which: "first" | "latest" = "latest") {
  const tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug } })).id;
  return db.withTenant(tenantId, async (tx) => ({
    tenantId,
    cohortId: (
      await tx.cohort.findFirstOrThrow({
        where: { tenantId },
        orderBy: { number: which === "first" ? "asc" : "desc" },
      })
    ).id,
    actorUserId: (
      await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
    ).userId,
  }));
}
