/**
 * Problems with an input and reasons people stay unplaced, each as a stable code with parameters (for a
 * UI to translate) and an English message (for the CLI and logs).
 */
type Role = "mentor" | "mentee";

export interface IssueParams {
  /** A pinned pair breaks a hard rule, so it cannot be honoured. */
  pinned_pair_breaks_rule: { mentorId: string; menteeId: string; rule: string };
  /** Pins join more people than one team holds. */
  pinned_team_too_large: { mentorIds: string[]; menteeIds: string[]; maxMentors: number; maxMentees: number };
  /** Pinned people cannot be completed into a team of the template's shape. */
  pinned_team_incomplete: { mentorIds: string[]; menteeIds: string[] };
  /** More people of `role` than the teams `otherRole` can form have room for. */
  too_few_for_capacity: {
    role: Role;
    count: number;
    otherRole: Role;
    needed: number;
    eligible: number;
    capacity: number;
  };
  /** Not enough people of `otherRole` to give every `role` a full team. */
  too_few_to_fill_teams: {
    role: Role;
    count: number;
    otherRole: Role;
    needed: number;
    eligible: number;
    perTeam: number;
  };
  /** No team of the template's shape can be formed at all. */
  no_team_possible: { mentors: number; mentees: number };
}

export type IssueCode = keyof IssueParams;
export type MatchingIssue = {
  [Code in IssueCode]: { code: Code; params: IssueParams[Code]; message: string };
}[IssueCode];

const plural = (count: number, role: Role) => `${count} ${role}${count === 1 ? "" : "s"}`;

const messages: { [Code in IssueCode]: (params: IssueParams[Code]) => string } = {
  pinned_pair_breaks_rule: (p) => `pinned pair ${p.mentorId} – ${p.menteeId} breaks the rule "${p.rule}"`,
  pinned_team_too_large: (p) =>
    `pins put ${plural(p.mentorIds.length, "mentor")} and ${plural(p.menteeIds.length, "mentee")} in one team; a team holds at most ${p.maxMentors} and ${p.maxMentees}`,
  pinned_team_incomplete: (p) =>
    `the team pinned around ${[...p.mentorIds, ...p.menteeIds].join(", ")} cannot be completed to the template's shape`,
  too_few_for_capacity: (p) =>
    `${plural(p.count, p.role)} need at least ${plural(p.needed, p.otherRole)} with capacity ${p.capacity}; ${p.eligible} ${p.eligible === 1 ? "is" : "are"} eligible`,
  too_few_to_fill_teams: (p) =>
    `${plural(p.count, p.role)} need ${plural(p.needed, p.otherRole)} (${p.perTeam} per team); ${p.eligible} ${p.eligible === 1 ? "is" : "are"} eligible`,
  no_team_possible: (p) =>
    `no team of the template's shape can be formed from ${plural(p.mentors, "mentor")} and ${plural(p.mentees, "mentee")}`,
};

export function issue<Code extends IssueCode>(code: Code, params: IssueParams[Code]): MatchingIssue {
  return { code, params, message: messages[code](params) } as MatchingIssue;
}

export interface UnplacedParams {
  /** Left out of this run by the coordinator. */
  excluded: Record<string, never>;
  /**
   * The hard rules allow no one of the other role to share a team with this person (under the
   * different-departments rule: none with whom a whole team could form).
   */
  no_eligible_partner: { role: Role };
  /** Every team already has the most people of this role the shape allows. */
  capacity_full: { role: Role; teams: number; capacity: number };
  /** Too few people of the other role are left to form another team. */
  not_enough_partners: { role: Role; perTeam: number };
  /** Teams have room, but the hard rules keep this person out of each of them. */
  no_compatible_team: { role: Role };
}

export type UnplacedCode = keyof UnplacedParams;
export type UnplacedReason = {
  [Code in UnplacedCode]: { code: Code; params: UnplacedParams[Code]; message: string };
}[UnplacedCode];

const unplacedMessages: { [Code in UnplacedCode]: (params: UnplacedParams[Code]) => string } = {
  excluded: () => "excluded from this run",
  no_eligible_partner: (p) =>
    `the hard rules leave no ${p.role === "mentor" ? "mentee" : "mentor"} this ${p.role} could form a team with`,
  capacity_full: (p) =>
    `all ${p.teams} teams already have ${p.capacity} ${p.role}${p.capacity === 1 ? "" : "s"}`,
  not_enough_partners: (p) =>
    `too few ${p.role === "mentor" ? "mentees" : "mentors"} are left to form another team (${p.perTeam} needed)`,
  no_compatible_team: (p) => `the teams with room for a ${p.role} all have someone this person may not join`,
};

export function unplacedReason<Code extends UnplacedCode>(
  code: Code,
  params: UnplacedParams[Code],
): UnplacedReason {
  return { code, params, message: unplacedMessages[code](params) } as UnplacedReason;
}
