import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type ApplicationRole,
  type CohortDifference,
  cohortOutcomes,
  compareCohortChange,
  type DimensionScores,
  type LikertSummary,
  type LocalizedText,
  likertSummary,
  type OutcomePerson,
  type PairedChange,
  pairedChange,
  type SurveyAnswers,
} from "@mentoring/domain";
import { UUID } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";

/** One dimension of a diagnostic given before and after, keyed "<set>.<dimension>". */
export interface OutcomeDimension {
  key: string;
  questionSetKey: string;
  /** The template's texts: the diagnostic's title and the dimension's name. */
  setTitle: LocalizedText;
  label: LocalizedText;
  /** The whole cohort's paired change. */
  cohort: PairedChange;
}

export interface OutcomeTeam {
  teamId: string;
  number: number;
  name: string | null;
  members: number;
  /** Paired change per dimension key, over the team's members. */
  change: Record<string, PairedChange>;
}

export interface OutcomePersonRow {
  applicationId: string;
  name: string;
  department: string;
  role: ApplicationRole;
  teamNumber: number | null;
  /** Scores per dimension key at each phase (only dimensions scored), and the change where both are. */
  pre: DimensionScores;
  post: DimensionScores;
  change: DimensionScores;
}

export interface SatisfactionSet {
  questionSetKey: string;
  title: LocalizedText;
  /** Participants who submitted it. */
  respondents: number;
  questions: { key: string; prompt: LocalizedText; summary: LikertSummary }[];
}

export interface CohortOutcomesView {
  cohort: { id: string; title: string; number: number };
  dimensions: OutcomeDimension[];
  /** Published teams in number order. */
  teams: OutcomeTeam[];
  /** Accepted participants: in team order, then mentors before mentees, then by name. */
  people: OutcomePersonRow[];
  satisfaction: SatisfactionSet[];
  /** The cohort before it of the same template (number − 1), compared per dimension key; null when none. */
  previous: {
    cohort: { id: string; title: string; number: number };
    dimensions: Record<string, CohortDifference>;
  } | null;
}

interface PersonRow {
  applicationId: string;
  role: ApplicationRole;
  name: string;
  department: string;
  teamId: string | null;
  teamNumber: number | null;
  teamName: string | null;
}

interface PrePost {
  pre: DimensionScores;
  post: DimensionScores;
}

interface ResponseRow {
  cohortId: string;
  applicationId: string;
  questionSetKey: string;
  phase: "pre" | "post";
  scores: unknown;
  answers: unknown;
}

/**
 * What a cohort's surveys say it changed, for its coordinator and executives: for every dimension of the
 * template's diagnostics given before and after, the paired change (post − pre over the people who
 * submitted both) of the cohort, of each published team and of each person; the satisfaction survey's
 * likert questions (post-phase sets without dimensions) summarised; and the cohort's change against the
 * previous cohort of the same template (number − 1), none when there is none. Only accepted participants'
 * submitted responses count. Figures at full precision (domain outcomes.ts); pages round them. Not found
 * for another tenant's cohort.
 */
export async function getCohortOutcomes(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<CohortOutcomesView> {
  const { tenantId, cohortId } = input;
  if (!UUID.test(cohortId)) throw new AppError("cohort.not_found");
  const { cohort, definition } = await loadCohort(tx, tenantId, cohortId);
  const diagnostics = definition.questionSets.filter(
    (set) => set.dimensions.length > 0 && set.phases.includes("pre") && set.phases.includes("post"),
  );
  const satisfactionSets = definition.questionSets.filter(
    (set) =>
      set.dimensions.length === 0 &&
      set.phases.includes("post") &&
      set.questions.some((question) => question.type === "likert"),
  );
  const dimensionKeys = diagnostics.flatMap((set) => set.dimensions.map(({ key }) => `${set.key}.${key}`));

  const [previous] = await tx.$queryRaw<{ id: string; number: number; title: string }[]>`
    select id::text as id, number, title from cohorts
     where tenant_id = ${tenantId}::uuid and template_id = ${cohort.templateId}::uuid
       and number = ${cohort.number - 1}`;
  const people = await tx.$queryRaw<PersonRow[]>`
    select a.id::text as "applicationId", a.role::text as role, s.name, d.name as department,
           t.id::text as "teamId", t.number as "teamNumber", t.name as "teamName"
      from applications a
      join staff_members s on s.tenant_id = a.tenant_id and s.id = a.staff_member_id
      join departments d on d.tenant_id = s.tenant_id and d.id = s.department_id
      left join team_members tm
        on tm.tenant_id = a.tenant_id and tm.cohort_id = a.cohort_id and tm.application_id = a.id
      left join teams t on t.tenant_id = tm.tenant_id and t.id = tm.team_id
     where a.tenant_id = ${tenantId}::uuid and a.cohort_id = ${cohortId}::uuid and a.status = 'accepted'`;
  const cohortIds = previous ? [cohortId, previous.id] : [cohortId];
  const satisfactionKeys = satisfactionSets.map((set) => set.key);
  // The answers are read only where they are summarised: this cohort's satisfaction sets.
  const responses = await tx.$queryRaw<ResponseRow[]>`
    select rd.cohort_id::text as "cohortId", r.application_id::text as "applicationId",
           rd.question_set_key as "questionSetKey", rd.phase::text as phase, r.scores,
           case when rd.cohort_id = ${cohortId}::uuid and rd.question_set_key = any(${satisfactionKeys}::text[])
                then r.answers end as answers
      from survey_responses r
      join survey_rounds rd on rd.tenant_id = r.tenant_id and rd.id = r.round_id
      join applications a
        on a.tenant_id = r.tenant_id and a.id = r.application_id and a.cohort_id = rd.cohort_id
       and a.status = 'accepted'
     where r.tenant_id = ${tenantId}::uuid and rd.cohort_id = any(${cohortIds}::uuid[])
       and rd.question_set_key = any(${[...diagnostics.map((set) => set.key), ...satisfactionKeys]}::text[])
       and r.submitted_at is not null`;

  const diagnosticKeys = new Set(diagnostics.map((set) => set.key));
  const scoresByCohort = new Map<string, Map<string, PrePost>>();
  for (const response of responses) {
    if (!diagnosticKeys.has(response.questionSetKey)) continue;
    const byPerson = scoresByCohort.get(response.cohortId) ?? new Map<string, PrePost>();
    const person = byPerson.get(response.applicationId) ?? { pre: {}, post: {} };
    Object.assign(person[response.phase], scoresOf(response.questionSetKey, response.scores));
    byPerson.set(response.applicationId, person);
    scoresByCohort.set(response.cohortId, byPerson);
  }
  const scored = scoresByCohort.get(cohortId) ?? new Map<string, PrePost>();
  const outcomePeople: OutcomePerson[] = people.map((person) => ({
    key: person.applicationId,
    team: person.teamId,
    ...(scored.get(person.applicationId) ?? { pre: {}, post: {} }),
  }));
  const outcomes = cohortOutcomes(outcomePeople, dimensionKeys);

  const teams = new Map<string, OutcomeTeam>();
  for (const person of people) {
    if (person.teamId === null || person.teamNumber === null) continue;
    const team = teams.get(person.teamId) ?? {
      teamId: person.teamId,
      number: person.teamNumber,
      name: person.teamName,
      members: 0,
      change: outcomes.teams[person.teamId] ?? pairedChange([], dimensionKeys),
    };
    team.members += 1;
    teams.set(person.teamId, team);
  }

  return {
    cohort: { id: cohort.id, title: cohort.title, number: cohort.number },
    dimensions: diagnostics.flatMap((set) =>
      set.dimensions.map((dimension) => {
        const key = `${set.key}.${dimension.key}`;
        return {
          key,
          questionSetKey: set.key,
          setTitle: set.title,
          label: dimension.label,
          cohort: entryOf(outcomes.cohort, key),
        };
      }),
    ),
    teams: [...teams.values()].sort((a, b) => a.number - b.number),
    people: people
      .map((person) => ({
        applicationId: person.applicationId,
        name: person.name,
        department: person.department,
        role: person.role,
        teamNumber: person.teamNumber,
        pre: scored.get(person.applicationId)?.pre ?? {},
        post: scored.get(person.applicationId)?.post ?? {},
        change: outcomes.people[person.applicationId] ?? {},
      }))
      .sort(
        (a, b) =>
          (a.teamNumber ?? Number.MAX_SAFE_INTEGER) - (b.teamNumber ?? Number.MAX_SAFE_INTEGER) ||
          (a.role === b.role ? a.name.localeCompare(b.name, "ko") : a.role === "mentor" ? -1 : 1),
      ),
    satisfaction: satisfactionSets.map((set) => {
      const sheets = responses
        .filter(
          (response) =>
            response.cohortId === cohortId &&
            response.questionSetKey === set.key &&
            response.phase === "post",
        )
        .map((response) => (response.answers ?? {}) as SurveyAnswers);
      const prompts = Object.fromEntries(set.questions.map((question) => [question.key, question.prompt]));
      return {
        questionSetKey: set.key,
        title: set.title,
        respondents: sheets.length,
        questions: likertSummary(set, sheets).map((summary) => ({
          key: summary.question,
          prompt: entryOf(prompts, summary.question),
          summary,
        })),
      };
    }),
    previous: previous
      ? {
          cohort: previous,
          dimensions: compareCohortChange(
            [...(scoresByCohort.get(previous.id)?.values() ?? [])],
            [...scored.values()],
            dimensionKeys,
          ),
        }
      : null,
  };
}

/** A record's entry that is there by construction (pairedChange gives every dimension asked for one). */
function entryOf<T>(record: Record<string, T>, key: string): T {
  const entry = record[key];
  if (entry === undefined) throw new Error(`no entry ${key}`);
  return entry;
}

/** A stored scores column as dimension scores (numbers only), keyed "<set>.<dimension>". */
function scoresOf(questionSetKey: string, scores: unknown): DimensionScores {
  if (typeof scores !== "object" || scores === null) return {};
  return Object.fromEntries(
    Object.entries(scores).flatMap(([dimension, value]) =>
      typeof value === "number" && Number.isFinite(value) ? [[`${questionSetKey}.${dimension}`, value]] : [],
    ),
  );
}
