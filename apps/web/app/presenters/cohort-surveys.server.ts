import { localize } from "@mentoring/domain";
import type { RoundCompletion } from "@mentoring/programs";
import { formatDateTime, formatNumber } from "../services/format.server";

/** A cohort's survey rounds as the coordinator's completion page shows them: texts and times worded. */
export function presentCohortSurveys(rounds: RoundCompletion[], locale: string, timeZone: string) {
  const moment = (at: Date | null) => (at ? formatDateTime(at, locale, timeZone) : null);
  return rounds.map((round) => ({
    ...round,
    title: localize(round.title, locale),
    closedAt: moment(round.closedAt),
    submittedText: formatNumber(round.submitted, locale),
    expectedText: formatNumber(round.expected, locale),
    participants: round.participants.map((participant) => ({
      ...participant,
      submittedAt: moment(participant.submittedAt),
      savedAt: moment(participant.savedAt),
    })),
    dimensions: round.dimensions.map((dimension) => ({
      ...dimension,
      label: localize(dimension.label, locale),
      peopleText: formatNumber(dimension.people, locale),
    })),
  }));
}
