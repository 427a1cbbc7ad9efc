import type { TenantDb } from "@mentoring/db";
import { type CalendarDate, roundWindow, type SurveyPhase } from "@mentoring/domain";
import { dateColumn, loadCohort } from "../records/cohort-record";
import { markInvited } from "../records/late-survey-invitations";
import { mailParticipants, tenantFacts } from "../records/survey-mail";
import { participantsOf } from "../records/survey-participants";

/**
 * Opens the cohort's rounds for `phase`: for each question set given at that phase, one round (once per
 * cohort × set × phase) open from today until the phase's closing day (a week from today when that day
 * has passed, for a cohort set up late: never a day gone by), and an invitation mailed to each
 * participant with an e-mail address. Called by the cohort's move into orientation (pre) or evaluation
 * (post), in its transaction. Idempotent: rounds already opened are left alone and no one is mailed twice.
 */
export async function openSurveyRounds(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; phase: SurveyPhase; today: CalendarDate; appUrl: string },
): Promise<{ rounds: number; invited: number }> {
  const { tenantId, cohortId, phase, today } = input;
  const { cohort, definition, schedule } = await loadCohort(tx, tenantId, cohortId);
  const { opensOn, closesOn } = roundWindow(schedule, phase, today);
  const tenant = await tenantFacts(tx, tenantId);
  let rounds = 0;
  let invited = 0;
  for (const set of definition.questionSets.filter((candidate) => candidate.phases.includes(phase))) {
    // ON CONFLICT DO NOTHING: of two openings at once, only one creates the round and sends its mail.
    const [created] = await tx.surveyRound.createManyAndReturn({
      data: [
        {
          tenantId,
          cohortId,
          questionSetKey: set.key,
          phase,
          opensOn: dateColumn(opensOn),
          closesOn: dateColumn(closesOn),
          openedAt: new Date(),
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!created) continue;
    rounds++;
    const recipients = await participantsOf(tx, tenantId, cohortId, set.roles, created.id);
    // Recorded, so that someone invited now is not invited again on being accepted or consenting later.
    await markInvited(
      tx,
      tenantId,
      created.id,
      recipients.map((recipient) => recipient.applicationId),
    );
    invited += await mailParticipants(tx, {
      kind: "survey_invitation",
      tenantId,
      tenant,
      cohortTitle: cohort.title,
      set,
      roundId: created.id,
      closesOn,
      appUrl: input.appUrl,
      recipients,
    });
  }
  return { rounds, invited };
}
