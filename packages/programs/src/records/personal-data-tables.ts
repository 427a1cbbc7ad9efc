/**
 * Every column of the schema that points at a person (a staff member, a user, an application, an e-mail
 * address), and what a person's export does with the rows it points from: included in the section of the
 * same table name, or left out for a stated reason. The export test reads the catalog and fails for a
 * column found there and missing here, so a new table that names a person is decided on, not forgotten.
 */

export type ExclusionReason =
  /** The organisation's record of work done in a role (who created, reviewed, recorded): the act is in audit_logs. */
  | "work_record"
  /** Sign-in secrets (hashed tokens), kept by the platform across organisations. */
  | "sign_in_security"
  /** The platform's own records, not the organisation's. */
  | "platform_record"
  /** A record of the person looking at other people's data: it holds theirs. */
  | "names_others"
  /** A copy of what the export holds from its source. */
  | "copy_of_included"
  /** What an evaluator wrote about a team: theirs, not the team members'. The scores are included. */
  | "evaluator_notes"
  /** That a mail was sent to the person, kept so that it is not sent twice; the mail's content is theirs. */
  | "delivery_record";

/** How a person-pointing column is linked to the person, for the test that checks the export against it. */
export type PersonKey = "staff" | "user" | "application" | "email";

export type ColumnDecision = { include: PersonKey } | { exclude: ExclusionReason };

/** table → column → decision. Platform tables (no tenant) are listed too: the catalog has them. */
export const personalDataColumns = {
  users: { id: { include: "user" }, email: { include: "email" } },
  user_identities: { user_id: { include: "user" } },
  sessions: { user_id: { exclude: "sign_in_security" } },
  password_reset_tokens: { user_id: { exclude: "sign_in_security" } },
  outgoing_emails: { to_address: { exclude: "platform_record" } },
  tenant_applications: {
    contact_email: { exclude: "platform_record" },
    reviewed_by_user_id: { exclude: "platform_record" },
  },
  platform_audit_logs: { actor_user_id: { exclude: "platform_record" } },
  staff_members: { id: { include: "staff" }, email: { include: "email" } },
  memberships: { user_id: { include: "user" }, staff_member_id: { include: "staff" } },
  invitations: {
    email: { include: "email" },
    staff_member_id: { include: "staff" },
    invited_by_user_id: { exclude: "work_record" },
  },
  api_tokens: { created_by_user_id: { exclude: "work_record" } },
  directory_imports: { uploaded_by_user_id: { exclude: "work_record" } },
  audit_logs: { actor_user_id: { include: "user" } },
  program_templates: { created_by_user_id: { exclude: "work_record" } },
  program_template_versions: { created_by_user_id: { exclude: "work_record" } },
  cohorts: { created_by_user_id: { exclude: "work_record" } },
  applications: {
    staff_member_id: { include: "staff" },
    nominated_by_user_id: { exclude: "work_record" },
    submitted_by_user_id: { exclude: "work_record" },
  },
  survey_responses: { application_id: { include: "application" } },
  survey_invitations: { application_id: { exclude: "delivery_record" } },
  matching_runs: {
    // Not a person's column, but it copies their application's facts and answers for the engine.
    problem: { exclude: "copy_of_included" },
    created_by_user_id: { exclude: "work_record" },
    published_by_user_id: { exclude: "work_record" },
  },
  team_members: { application_id: { include: "application" } },
  ceremony_attendance: { application_id: { include: "application" } },
  certificate_batches: {
    signed_by_user_id: { exclude: "work_record" },
    created_by_user_id: { exclude: "work_record" },
  },
  certificates: { revoked_by_user_id: { exclude: "work_record" } },
  submissions: {
    submitted_by_user_id: { include: "user" },
    reviewed_by_user_id: { exclude: "work_record" },
  },
  activities: { logged_by_user_id: { exclude: "work_record" } },
  activity_participants: { application_id: { include: "application" } },
  attendance: { application_id: { include: "application" }, recorded_by_user_id: { exclude: "work_record" } },
  event_signups: { application_id: { include: "application" } },
  calendar_feeds: { staff_member_id: { include: "staff" } },
  notifications: { staff_member_id: { include: "staff" } },
  notification_preferences: { staff_member_id: { include: "staff" } },
  attachments: { uploaded_by_user_id: { include: "user" } },
  evaluator_assignments: {
    evaluator_user_id: { include: "user" },
    assigned_by_user_id: { exclude: "work_record" },
  },
  evaluations: { reopened_by_user_id: { exclude: "work_record" } },
  // Not a person's column: the comments beside the scores their team was given (team_evaluations).
  evaluation_scores: { comment: { exclude: "evaluator_notes" } },
  award_decisions: {
    proposed_by_user_id: { exclude: "work_record" },
    decided_by_user_id: { exclude: "work_record" },
  },
  cohort_report_runs: { requested_by_user_id: { exclude: "work_record" } },
  access_logs: {
    subject_staff_ids: { include: "staff" },
    viewer_user_id: { exclude: "names_others" },
    viewer_staff_member_id: { exclude: "names_others" },
  },
  correction_requests: {
    staff_member_id: { include: "staff" },
    resolved_by_user_id: { exclude: "work_record" },
  },
  // A junior board's proposals are made and answered in a role, as the organisation's policy record; who
  // proposed and who replied is in audit_logs.
  board_proposals: {
    created_by_user_id: { exclude: "work_record" },
    replied_by_user_id: { exclude: "work_record" },
  },
  board_proposal_proposers: { application_id: { exclude: "work_record" } },
} as const satisfies Record<string, Record<string, ColumnDecision>>;

type Decisions = typeof personalDataColumns;

/** The tables whose rows about the person the export holds, each its own section. */
export type PersonalTable = {
  [T in keyof Decisions]: {
    [C in keyof Decisions[T]]: Decisions[T][C] extends { include: PersonKey } ? T : never;
  }[keyof Decisions[T]];
}[keyof Decisions];

/** Every column left out, with its reason: the export lists them so the person knows what is not there. */
export function excludedColumns(): { table: string; column: string; reason: ExclusionReason }[] {
  return Object.entries(personalDataColumns).flatMap(([table, columns]) =>
    Object.entries(columns as Record<string, ColumnDecision>).flatMap(([column, decision]) =>
      "exclude" in decision ? [{ table, column, reason: decision.exclude }] : [],
    ),
  );
}
