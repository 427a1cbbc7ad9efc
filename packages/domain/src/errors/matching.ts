import type { ErrorTable } from "./error-table";

/** Matching runs, their review (moves, swaps, pins) and publication. */
export const matchingErrors = {
  /**
   * Publishing new teams while certificates issued for the published ones are not revoked: they name the
   * published teams' people, so the coordinator revokes them first. Params: count.
   */
  "matching.certificates_issued": { status: 409, message: "matching.error.certificatesIssued" },
  /**
   * Publishing new teams while evaluators are assigned to the published ones: the assignments (and any
   * evaluation) belong to those teams, so the coordinator removes them first. Params: count.
   */
  "matching.evaluators_assigned": { status: 409, message: "matching.error.evaluatorsAssigned" },
  "matching.cohort_not_matching": { status: 409, message: "matching.error.cohortNotMatching" },
  /** A move without a team chosen, a swap without a person: the review page asks for the choice. */
  "matching.edit_target_missing": { status: 400, message: "matching.edit.missingTarget" },
  /** Excluding without choosing whom: the coordinator's slip, answered beside the person field. */
  "matching.exclusion_person_missing": { status: 400, message: "matching.exclusions.missingPerson" },
  "matching.invalid_criteria": { status: 400, message: "matching.error.invalidCriteria" },
  "matching.invalid_problem": { status: 400, message: "matching.error.invalidProblem" },
  "matching.no_teams": { status: 409, message: "matching.error.noTeams" },
  "matching.person_not_in_run": { status: 400, message: "matching.error.personNotInRun" },
  "matching.person_not_placed": { status: 400, message: "matching.error.personNotPlaced" },
  "matching.pin_excluded": { status: 400, message: "matching.error.pinExcluded" },
  /** Publication asks the coordinator to confirm they have reviewed the teams. */
  "matching.publish_unconfirmed": { status: 400, message: "matching.publish.confirmRequired" },
  "matching.roles_differ": { status: 400, message: "matching.error.rolesDiffer" },
  "matching.run_in_progress": { status: 409, message: "matching.error.runInProgress" },
  "matching.run_not_found": { status: 404, message: "matching.error.runNotFound" },
  "matching.run_not_ready": { status: 409, message: "matching.error.runNotReady" },
  "matching.same_team": { status: 400, message: "matching.error.sameTeam" },
  "matching.team_not_found": { status: 400, message: "matching.error.teamNotFound" },
  "matching.violations": { status: 409, message: "matching.error.violations" },
} as const satisfies ErrorTable;
