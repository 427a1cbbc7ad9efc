import { type MatchingProblemInput, matchingProblemSchema } from "./problem";
import type { MatchingResult } from "./result";

/**
 * Checks a result against its problem's hard rules from the outside (ids only, no solver state): team
 * shape, everyone at most once, excluded people out, pins kept, forbidden pairs, department (and
 * department pair) and supervisor rules, mentors of one team from different departments, grade gap. Returns one line per
 * violation; empty when the result is sound.
 */
export function hardRuleViolations(input: MatchingProblemInput, result: MatchingResult): string[] {
  const problem = matchingProblemSchema.parse(input);
  const byId = new Map(problem.participants.map((person) => [person.id, person]));
  const excluded = new Set(problem.constraints.excluded);
  const teamOf = new Map<string, number>();
  const problems: string[] = [];
  const { mentors, mentees } = problem.teamShape;
  for (const team of result.teams) {
    if (team.mentorIds.length < mentors.min || team.mentorIds.length > mentors.max)
      problems.push(`team ${team.number} has ${team.mentorIds.length} mentors`);
    if (team.menteeIds.length < mentees.min || team.menteeIds.length > mentees.max)
      problems.push(`team ${team.number} has ${team.menteeIds.length} mentees`);
    for (const [ids, role] of [
      [team.mentorIds, "mentor"],
      [team.menteeIds, "mentee"],
    ] as const)
      for (const id of ids) {
        const person = byId.get(id);
        if (!person || person.role !== role) problems.push(`team ${team.number} lists ${id} as a ${role}`);
        if (teamOf.has(id)) problems.push(`${id} is in two teams`);
        if (excluded.has(id)) problems.push(`${id} is excluded but placed`);
        teamOf.set(id, team.number);
      }
    if (problem.constraints.mentorsFromDifferentDepartments)
      team.mentorIds.forEach((mentorId, index) => {
        const department = byId.get(mentorId)?.department;
        if (department === undefined) return;
        for (const otherId of team.mentorIds.slice(index + 1))
          if (byId.get(otherId)?.department === department)
            problems.push(`mentors ${mentorId} and ${otherId} share a department in team ${team.number}`);
      });
    for (const mentorId of team.mentorIds)
      for (const menteeId of team.menteeIds) {
        const mentor = byId.get(mentorId);
        const mentee = byId.get(menteeId);
        if (!mentor || !mentee) continue;
        const { constraints } = problem;
        if (constraints.forbidden.some((pair) => pair.mentorId === mentorId && pair.menteeId === menteeId))
          problems.push(`forbidden pair ${mentorId}–${menteeId} in team ${team.number}`);
        if (
          constraints.differentDepartment &&
          mentor.department !== undefined &&
          mentor.department === mentee.department
        )
          problems.push(`${mentorId} and ${menteeId} share a department in team ${team.number}`);
        if (
          constraints.departmentPairs.length > 0 &&
          !constraints.departmentPairs.some(
            ([first, second]) =>
              first !== second &&
              ((first === mentor.department && second === mentee.department) ||
                (second === mentor.department && first === mentee.department)),
          )
        )
          problems.push(`${mentorId} and ${menteeId} are of no department pair in team ${team.number}`);
        if (
          constraints.noDirectSupervisor &&
          (mentor.supervisorId === menteeId || mentee.supervisorId === mentorId)
        )
          problems.push(`${mentorId} and ${menteeId} are supervisor and report in team ${team.number}`);
        if (constraints.gradeGap && mentor.grade !== undefined && mentee.grade !== undefined) {
          const gap = mentee.grade - mentor.grade;
          if (gap < (constraints.gradeGap.min ?? -Infinity) || gap > (constraints.gradeGap.max ?? Infinity))
            problems.push(`grade gap ${gap} for ${mentorId}–${menteeId}`);
        }
      }
  }
  if (result.status !== "infeasible")
    for (const pin of problem.constraints.pinned) {
      const team = teamOf.get(pin.mentorId);
      if (team === undefined || team !== teamOf.get(pin.menteeId))
        problems.push(`pinned pair ${pin.mentorId}–${pin.menteeId} is not in one team`);
    }
  const unplaced = new Set(result.unplaced.map((person) => person.participantId));
  for (const person of problem.participants)
    if (teamOf.has(person.id) === unplaced.has(person.id))
      problems.push(
        `${person.id} is ${teamOf.has(person.id) ? "both placed and unplaced" : "neither placed nor unplaced"}`,
      );
  return problems;
}
