import type { MatchingIssue } from "./diagnostics";
import { issue } from "./diagnostics";
import type { Instance } from "./instance";
import type { TeamDraft } from "./team";

/**
 * Pinned pairs joined into groups that must share a team (a mentee pinned to two mentors puts all three
 * together). Returns the groups, or the reasons they cannot all be honoured.
 */
export function pinGroups(instance: Instance): { groups: TeamDraft[]; problems: MatchingIssue[] } {
  const M = instance.mentors.length;
  const parent = Array.from({ length: M + instance.mentees.length }, (_, index) => index);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) {
      const next = parent[x] as number;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const problems: MatchingIssue[] = [];
  for (const pin of instance.pinned) {
    const rule = instance.brokenRule(pin.mentor, pin.mentee);
    if (rule)
      problems.push(
        issue("pinned_pair_breaks_rule", {
          mentorId: (instance.mentors[pin.mentor] as { id: string }).id,
          menteeId: (instance.mentees[pin.mentee] as { id: string }).id,
          rule,
        }),
      );
    const a = find(pin.mentor);
    const b = find(M + pin.mentee);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const byRoot = new Map<number, TeamDraft>();
  for (const pin of instance.pinned)
    for (const node of [pin.mentor, M + pin.mentee]) {
      const root = find(node);
      let group = byRoot.get(root);
      if (!group) {
        group = { mentors: [], mentees: [] };
        byRoot.set(root, group);
      }
      if (node < M) {
        if (!group.mentors.includes(node)) group.mentors.push(node);
      } else if (!group.mentees.includes(node - M)) group.mentees.push(node - M);
    }
  const groups = [...byRoot.values()].map((group) => ({
    mentors: group.mentors.sort((x, y) => x - y),
    mentees: group.mentees.sort((x, y) => x - y),
  }));
  const { shape } = instance;
  for (const group of groups) {
    if (group.mentors.length > shape.mentors.max || group.mentees.length > shape.mentees.max)
      problems.push(
        issue("pinned_team_too_large", {
          mentorIds: group.mentors.map((m) => (instance.mentors[m] as { id: string }).id),
          menteeIds: group.mentees.map((e) => (instance.mentees[e] as { id: string }).id),
          maxMentors: shape.mentors.max,
          maxMentees: shape.mentees.max,
        }),
      );
    // Pins put every mentor of a group with every mentee of it: those pairs must be allowed too.
    for (const mentor of group.mentors)
      for (const mentee of group.mentees) {
        const rule = instance.brokenRule(mentor, mentee);
        const direct = instance.pinned.some((pin) => pin.mentor === mentor && pin.mentee === mentee);
        if (rule && !direct)
          problems.push(
            issue("pinned_pair_breaks_rule", {
              mentorId: (instance.mentors[mentor] as { id: string }).id,
              menteeId: (instance.mentees[mentee] as { id: string }).id,
              rule,
            }),
          );
      }
  }
  return { groups, problems };
}

/** True when every pinned pair shares a team. */
export function pinsKept(instance: Instance, teams: readonly TeamDraft[]): boolean {
  const mentorTeam = new Map<number, number>();
  const menteeTeam = new Map<number, number>();
  teams.forEach((team, index) => {
    for (const m of team.mentors) mentorTeam.set(m, index);
    for (const e of team.mentees) menteeTeam.set(e, index);
  });
  return instance.pinned.every((pin) => {
    const team = mentorTeam.get(pin.mentor);
    return team !== undefined && team === menteeTeam.get(pin.mentee);
  });
}
