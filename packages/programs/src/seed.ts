import { createHash } from "node:crypto";
import type { Database, TenantDb } from "@mentoring/db";
import { cohortCast, gangneungSeed, type SeededCohort, seededCohorts, yonginSeed } from "@mentoring/db/seed";
import {
  type ApplicationRole,
  builtinTemplate,
  builtinTemplateKeys,
  CONSENT_VERSION,
  calendarDate,
  calendarDateIn,
  diagnosticScores,
  type Question,
  type QuestionSet,
  roundWindow,
  type SurveyAnswers,
  scheduleFromOffsets,
  type TemplateDefinition,
} from "@mentoring/domain";
import { dateColumn, scheduleColumns } from "./records/cohort-record";

/** A number in [0, 1) fixed by the text: seeded answers are the same on every run. */
function unit(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * What a seeded person answers. In reverse mentoring the juniors rate their digital skills high and the
 * managers low, as the program assumes, so that matching has something real to work with.
 */
function answerOf(
  question: Question,
  person: string,
  role: ApplicationRole,
  kind: TemplateDefinition["kind"],
) {
  const r = unit(`${person}:${question.key}`);
  switch (question.type) {
    case "likert": {
      let value = 1 + Math.floor(r * 5);
      if (kind === "reverse" && question.dimension === "digital_literacy") {
        const skilled = role === "mentor";
        value = skilled ? 4 + Math.floor(r * 2) : 1 + Math.floor(r * 3);
        if (question.reversed) value = 6 - value;
      }
      return value;
    }
    case "single":
      return question.options[Math.floor(r * question.options.length)]?.key;
    case "multiple": {
      const count = 1 + Math.floor(r * Math.min(3, question.options.length));
      return rotate(question.options, r)
        .slice(0, count)
        .map((o) => o.key);
    }
    case "ranked":
      return rotate(question.options, r)
        .slice(0, question.pick ?? question.options.length)
        .map((o) => o.key);
    case "short_text":
    case "long_text":
      return undefined;
  }
}

function rotate<T>(items: readonly T[], r: number): T[] {
  const start = Math.floor(r * items.length);
  return [...items.slice(start), ...items.slice(0, start)];
}

/** A complete, valid set of answers a seeded person gives to `set` (also used by tests for background people). */
export function seededAnswers(
  set: QuestionSet,
  person: string,
  role: ApplicationRole,
  kind: TemplateDefinition["kind"],
) {
  const answers: SurveyAnswers = {};
  for (const question of set.questions) {
    const value = answerOf(question, person, role, kind);
    if (value !== undefined) answers[question.key] = value;
  }
  return answers;
}

/**
 * A built-in template as the seeded programs ran it in 2025. Gangneung compared departments at team level
 * then; the built-in now compares bureaus with mentors of three bureaus (issue 18), which its seeded
 * juniors and managers, from two bureaus, could not fill.
 */
export function as2025(key: (typeof builtinTemplateKeys)[number]): TemplateDefinition {
  const definition = builtinTemplate(key);
  if (key !== "reverse_mentoring") return definition;
  return {
    ...definition,
    matching: { ...definition.matching, departmentLevel: "team", mentorsFromDifferentDepartments: false },
  };
}

/** The tenant's copy of each built-in template (made once), by key. */
async function copyBuiltins(tx: TenantDb, tenantId: string) {
  const templates = new Map<string, { id: string; versionId: string; definition: TemplateDefinition }>();
  for (const key of builtinTemplateKeys) {
    const definition = as2025(key);
    const existing = await tx.programTemplate.findFirst({
      where: { tenantId, builtinKey: key },
      select: { id: true, versions: { where: { version: 1 }, select: { id: true } } },
    });
    let template = existing && { id: existing.id, versionId: existing.versions[0]?.id };
    if (!template) {
      const created = await tx.programTemplate.create({
        data: { tenantId, name: definition.name, kind: definition.kind, builtinKey: key },
      });
      const version = await tx.programTemplateVersion.create({
        data: { tenantId, templateId: created.id, version: 1, definition },
      });
      template = { id: created.id, versionId: version.id };
    }
    if (!template.versionId) throw new Error(`template ${template.id} has no version 1`);
    templates.set(key, { id: template.id, versionId: template.versionId, definition });
  }
  return templates;
}

async function seedCohort(
  tx: TenantDb,
  tenantId: string,
  template: { id: string; versionId: string; definition: TemplateDefinition },
  seeded: SeededCohort,
  cast: ReturnType<typeof cohortCast>,
  staffIds: Map<string, string>,
  now: Date,
) {
  if (await tx.cohort.findFirst({ where: { tenantId, templateId: template.id, number: seeded.number } }))
    return;
  const { definition } = template;
  const schedule = scheduleFromOffsets(calendarDate(seeded.recruitmentStart), definition.phases);
  const cohort = await tx.cohort.create({
    data: {
      tenantId,
      templateId: template.id,
      templateVersionId: template.versionId,
      number: seeded.number,
      title: `${definition.name} ${seeded.number}기`,
      status: seeded.status,
      ...scheduleColumns(schedule),
      // Seeded in the past: its dates have all been passed, so none of them moves it by itself.
      scheduleCheckedOn: now,
      quotaMentor: definition.roles.mentor.quota,
      quotaMentee: definition.roles.mentee.quota,
    },
  });
  const answered = (index: number) => seeded.unansweredEvery === null || index % seeded.unansweredEvery !== 0;
  const applicants = [
    ...cast.mentors.map((person, index) => ({ person, role: "mentor" as const, answered: answered(index) })),
    ...cast.mentees.map((person, index) => ({ person, role: "mentee" as const, answered: answered(index) })),
  ];
  const submittedAt = new Date(`${schedule.recruitmentStart}T01:00:00Z`);
  const applications = new Map<string, { id: string; role: ApplicationRole }>();
  for (const [index, { person, role }] of applicants.entries()) {
    const staffMemberId = staffIds.get(person.employeeNumber);
    if (!staffMemberId) throw new Error(`${person.employeeNumber} is not in the directory`);
    const at = new Date(submittedAt.getTime() + index * 60_000);
    const application = await tx.application.create({
      data: {
        tenantId,
        cohortId: cohort.id,
        staffMemberId,
        role,
        status: "accepted",
        consentVersion: CONSENT_VERSION,
        consentAt: at,
        submittedAt: at,
        decidedAt: at,
        eligibility: {
          grade: person.grade,
          hireDate: person.hireDate,
          positionTitle: person.positionTitle,
          judgedOn: schedule.recruitmentStart,
        },
      },
    });
    applications.set(person.employeeNumber, { id: application.id, role });
  }
  if (seeded.status !== "orientation") return;
  // Opened when seeded, after its planned last day: open for a week from then, as a late opening is.
  const { opensOn, closesOn } = roundWindow(schedule, "pre", calendarDateIn(now, "Asia/Seoul"));
  for (const set of definition.questionSets.filter((s) => s.phases.includes("pre"))) {
    const round = await tx.surveyRound.create({
      data: {
        tenantId,
        cohortId: cohort.id,
        questionSetKey: set.key,
        phase: "pre",
        opensOn: dateColumn(opensOn),
        closesOn: dateColumn(closesOn),
        openedAt: now,
      },
    });
    for (const { person, role, answered } of applicants) {
      if (!answered || !set.roles.includes(role)) continue;
      const application = applications.get(person.employeeNumber);
      if (!application) continue;
      const answers = seededAnswers(set, person.employeeNumber, role, definition.kind);
      await tx.surveyResponse.create({
        data: {
          tenantId,
          roundId: round.id,
          applicationId: application.id,
          answers,
          ...(set.dimensions.length > 0 ? { scores: diagnosticScores(set, answers) } : {}),
          submittedAt: new Date(`${schedule.orientation}T03:00:00Z`),
        },
      });
    }
  }
}

/**
 * The two real programs as they stood: Gangneung's reverse mentoring 2nd cohort in orientation with every
 * pre-survey answered, Yongin's new-official mentoring in orientation with two thirds answered and its
 * 2nd cohort recruiting. Run after seedAll (it needs the directories); idempotent.
 */
export async function seedPrograms(db: Database, now: Date = new Date()): Promise<void> {
  for (const seed of [yonginSeed(), gangneungSeed()]) {
    const tenant = await db.platform.tenant.findUniqueOrThrow({
      where: { slug: seed.slug },
      select: { id: true },
    });
    await db.withTenant(
      tenant.id,
      async (tx) => {
        const templates = await copyBuiltins(tx, tenant.id);
        const staff = await tx.staffMember.findMany({
          where: { tenantId: tenant.id },
          select: { id: true, employeeNumber: true },
        });
        const staffIds = new Map(staff.map((row) => [row.employeeNumber, row.id]));
        for (const seeded of seededCohorts[seed.slug] ?? []) {
          const template = templates.get(seeded.template);
          if (!template) throw new Error(`no template ${seeded.template}`);
          await seedCohort(tx, tenant.id, template, seeded, cohortCast(seed, seeded), staffIds, now);
        }
      },
      { timeout: 120_000 },
    );
  }
}
