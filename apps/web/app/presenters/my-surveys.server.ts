import { localize } from "@mentoring/domain";
import type { ParticipantRoundSummary } from "@mentoring/programs";

/** The rounds a participant is asked to answer, their titles in the reader's language. */
export function presentMyRounds(rounds: ParticipantRoundSummary[], locale: string) {
  return rounds.map((round) => ({ ...round, title: localize(round.title, locale) }));
}
