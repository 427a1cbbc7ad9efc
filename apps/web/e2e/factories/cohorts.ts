import type { Database } from "@mentoring/db";
import {
  type BuiltinTemplateKey,
  CONSENT_VERSION,
  calendarDate,
  recruitmentWindowOn,
  type TemplateDefinition,
} from "@mentoring/domain";
import {
  applyToCohort,
  copyBuiltinTemplate,
  createCohort,
  publishRun,
  saveCalendarItem,
  saveTemplate,
  startMatchingRun,
  submitResponse,
  tenantToday,
  transitionCohort,
} from "@mentoring/programs";
import { as2025, seededAnswers } from "@mentoring/programs/seed";
import type { TestStaff, TestTenant } from "./tenants";

/** A DATE column's day ("2025-07-01"). */
const dayText = (value: Date) => value.toISOString().slice(0, 10);

export interface Applicant {
  person: TestStaff;
  role: "mentor" | "mentee";
}

export interface CohortPlan {
  /**
   * The built-in template the tenant's copy is made of (one copy per tenant, made on first use), or a
   * cohort already made in draft (by the page under test) to take on from there.
   */
  template: BuiltinTemplateKey | { cohortId: string };
  number?: number;
  title?: string;
  /** "YYYY-MM-DD": eligibility (years of service) is judged on this day. */
  recruitmentStart: string;
  /** How far the cohort goes: recruitment open, orientation (its pre-surveys open), matching, or teams published. */
  phase: "recruiting" | "orientation" | "matching" | "published";
  /** Who applies while it recruits; each must be accepted. */
  applicants?: Applicant[];
  /** In orientation, who submits every pre-survey of their role (default: nobody). */
  answers?: (applicant: Applicant) => boolean;
  /** Moves the cohort past what stands in the way (too few applicants, open surveys), with this reason. */
  override?: string;
  /** The coordinator acting (a user id): needed to start matching and publish. */
  actorUserId?: string | null;
  /** The web app's address, for the links in the mails the moves send. */
  appUrl: string;
}

export interface TestCohort {
  id: string;
  title: string;
  templateId: string;
  /** The published matching run, when the plan went that far. */
  runId?: string;
}

/**
 * A cohort of the test's own, taken through its lifecycle by the use cases the pages call: created from
 * the tenant's copy of a built-in template, recruited, moved on, its pre-surveys answered, matched by the
 * worker and published, as far as the plan says.
 */
export async function createCohortFor(
  db: Database,
  tenant: TestTenant,
  plan: CohortPlan,
): Promise<TestCohort> {
  const tenantId = tenant.id;
  const actorUserId = plan.actorUserId ?? null;
  const { appUrl } = plan;
  const today = tenantToday("Asia/Seoul");
  const { cohortId, templateId, definition } =
    typeof plan.template === "string"
      ? await newCohortOf(db, tenantId, plan.template, plan, actorUserId, today)
      : await db.withTenant(tenantId, async (tx) => {
          const cohort = await tx.cohort.findFirstOrThrow({
            where: { tenantId, id: (plan.template as { cohortId: string }).cohortId },
            select: { id: true, templateVersion: { select: { templateId: true, definition: true } } },
          });
          return {
            cohortId: cohort.id,
            templateId: cohort.templateVersion.templateId,
            definition: cohort.templateVersion.definition as unknown as TemplateDefinition,
          };
        });
  const move = (to: "recruiting" | "orientation" | "matching") =>
    db.withTenant(tenantId, (tx) =>
      transitionCohort(tx, {
        tenantId,
        cohortId,
        to,
        override: plan.override !== undefined,
        reason: plan.override ?? null,
        actorUserId,
        today,
        appUrl,
      }),
    );
  await move("recruiting");
  // Applications are taken on the cohort's days of recruitment alone: a cohort replaying a past year is
  // applied to on its last day (at noon in Seoul), one still recruiting now.
  const dates = await db.withTenant(tenantId, (tx) =>
    tx.cohort.findFirstOrThrow({
      where: { tenantId, id: cohortId },
      select: { recruitmentStart: true, recruitmentEnd: true },
    }),
  );
  const noonOf = (day: Date) => new Date(`${dayText(day)}T12:00:00+09:00`);
  const window = recruitmentWindowOn(
    {
      recruitmentStart: calendarDate(dayText(dates.recruitmentStart)),
      recruitmentEnd: calendarDate(dayText(dates.recruitmentEnd)),
    },
    today,
  );
  const applyAt =
    window.state === "open"
      ? new Date()
      : noonOf(window.state === "closed" ? dates.recruitmentEnd : dates.recruitmentStart);
  const applicants = plan.applicants ?? [];
  for (const { person, role } of applicants) {
    const placed = await db.withTenant(tenantId, (tx) =>
      applyToCohort(tx, {
        tenantId,
        cohortId,
        staffMemberId: person.id,
        role,
        consentVersion: CONSENT_VERSION,
        actorUserId: null,
        now: applyAt,
        appUrl,
      }),
    );
    if (placed.outcome !== "accepted")
      throw new Error(`${person.name} (${person.employeeNumber}) as ${role}: ${placed.outcome}`);
  }
  const cohort = await db.withTenant(tenantId, (tx) =>
    tx.cohort.findFirstOrThrow({ where: { tenantId, id: cohortId }, select: { title: true } }),
  );
  const made: TestCohort = { id: cohortId, title: cohort.title, templateId };
  if (plan.phase === "recruiting") return made;

  await move("orientation");
  const answering = applicants.filter((applicant) => plan.answers?.(applicant) ?? false);
  const rounds = await db.withTenant(tenantId, (tx) =>
    tx.surveyRound.findMany({ where: { tenantId, cohortId }, select: { id: true, questionSetKey: true } }),
  );
  for (const round of rounds) {
    const set = definition.questionSets.find((candidate) => candidate.key === round.questionSetKey);
    if (!set) throw new Error(`the template has no question set ${round.questionSetKey}`);
    for (const { person, role } of answering.filter((applicant) => set.roles.includes(applicant.role))) {
      const result = await db.withTenant(tenantId, (tx) =>
        submitResponse(tx, {
          tenantId,
          roundId: round.id,
          staffMemberId: person.id,
          answers: seededAnswers(set, person.employeeNumber, role, definition.kind),
          now: new Date(),
        }),
      );
      if (!result.submitted) throw new Error(`${person.name}'s ${set.key} was refused`);
    }
  }
  if (plan.phase === "orientation") return made;

  await move("matching");
  if (plan.phase === "matching") return made;

  if (!actorUserId) throw new Error("publishing teams needs the coordinator acting (actorUserId)");
  const { runId } = await db.withTenant(tenantId, (tx) =>
    startMatchingRun(tx, { tenantId, cohortId, actorUserId }),
  );
  // The worker solves the run (matching.run).
  const deadline = Date.now() + 90_000;
  for (;;) {
    const { status } = await db.withTenant(tenantId, (tx) =>
      tx.matchingRun.findFirstOrThrow({ where: { tenantId, id: runId }, select: { status: true } }),
    );
    if (status === "succeeded") break;
    if (status === "failed") throw new Error(`matching run ${runId} failed`);
    if (Date.now() > deadline) throw new Error(`matching run ${runId} still ${status} after 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await db.withTenant(tenantId, (tx) => publishRun(tx, { tenantId, cohortId, runId, actorUserId, appUrl }));
  return { ...made, runId };
}

/** A cohort of the tenant's copy of a built-in template (made on first use, on the rules of 2025). */
async function newCohortOf(
  db: Database,
  tenantId: string,
  key: BuiltinTemplateKey,
  plan: CohortPlan,
  actorUserId: string | null,
  today: ReturnType<typeof tenantToday>,
) {
  return db.withTenant(tenantId, async (tx) => {
    const existing = await tx.programTemplate.findFirst({
      where: { tenantId, builtinKey: key },
      select: { id: true },
    });
    let templateId = existing?.id;
    if (!templateId) {
      templateId = (await copyBuiltinTemplate(tx, { tenantId, builtinKey: key, actorUserId })).templateId;
      // The seeded casts were drawn for the rules of 2025 (as the demo's cohorts ran on them).
      await saveTemplate(tx, { tenantId, templateId, definition: as2025(key), actorUserId });
    }
    const { cohortId } = await createCohort(tx, {
      tenantId,
      form: { templateId, number: plan.number, title: plan.title, recruitmentStart: plan.recruitmentStart },
      actorUserId,
      today,
    });
    return { cohortId, templateId, definition: as2025(key) };
  });
}

/**
 * A two-hour training for the whole cohort at the city hall, its attendance taken, saved as the coordinator
 * would; the item's id, for marking who came.
 */
export async function createTraining(
  db: Database,
  tenant: TestTenant,
  training: { cohortId: string; actorUserId: string; title: string; startsAt: Date },
): Promise<string> {
  const { cohortId, actorUserId, title, startsAt } = training;
  const { itemId } = await db.withTenant(tenant.id, (tx) =>
    saveCalendarItem(tx, {
      tenantId: tenant.id,
      cohortId,
      itemId: null,
      actorUserId,
      item: {
        kind: "training",
        title,
        description: "",
        place: "시청 대회의실",
        audience: "all",
        teamId: null,
        attendance: true,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      },
    }),
  );
  return itemId;
}
