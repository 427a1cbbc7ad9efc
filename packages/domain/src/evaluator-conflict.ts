/*
 * Whether an evaluator may score a team: the conflict-of-interest rule the coordinator's assignment
 * follows. Pure: the caller loads the people.
 */

/** A person as the rule sees them; an outside trainer has neither a staff record nor a department. */
export type ConflictParty = { staffMemberId: string | null; departmentId: string | null };

export type EvaluatorConflict = { reason: "member" | "same_department" };

/**
 * Null when the evaluator may score the team. Otherwise why not: "member" when the evaluator is one of the
 * team's members (checked first, whatever the template says); "same_department" when the template's rule
 * is on and the evaluator works in the very department of one of the members (the same department id:
 * a parent or child department does not count). Someone without a staff record or a department cannot
 * match on it.
 */
export function evaluatorConflict(input: {
  evaluator: ConflictParty;
  teamMembers: readonly ConflictParty[];
  sameDepartmentRule: boolean;
}): EvaluatorConflict | null {
  const { evaluator, teamMembers } = input;
  if (
    evaluator.staffMemberId !== null &&
    teamMembers.some((m) => m.staffMemberId === evaluator.staffMemberId)
  )
    return { reason: "member" };
  if (
    input.sameDepartmentRule &&
    evaluator.departmentId !== null &&
    teamMembers.some((m) => m.departmentId === evaluator.departmentId)
  )
    return { reason: "same_department" };
  return null;
}
