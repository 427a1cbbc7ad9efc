/**
 * Every action an audit row records, as the code writes it ("cohort.status.update"). The audit page words
 * each through `auditAction.<action>` in every locale (a test holds them to it), so a new action is added
 * here, where `recordAudit` takes its type from, and worded in ko.ts and en.ts.
 */
export const auditActions = [
  "tenant.seed",
  "tenant.create",
  "tenant.settings.update",
  "tenant.branding.update",
  "tenant.insights.opt_in",
  "tenant.insights.opt_out",
  "tenant.insights.naming",
  "invitation.create",
  "invitation.accept",
  "membership.roles.update",
  "certificate_signer.create",
  "certificate_signer.delete",
  "directory_import.apply",
  "directory_import.apply_requested",
  "directory_import.retry",
  "billing.subscription.update",
  "billing.customer.create",
  "billing.business_registration_number.update",
  "sso_config.create",
  "sso_config.update",
  "sso_identity.link",
  "survey_round.close",
  "survey_round.remind",
  "ceremony.create",
  "ceremony.update",
  "ceremony.attendance",
  "calendar.plan",
  "calendar_item.create",
  "calendar_item.update",
  "calendar_item.delete",
  "submission.submit",
  "submission.accept",
  "submission.request_revision",
  "submission.feature",
  "submission.unfeature",
  "evaluation.assign",
  "evaluation.unassign",
  "evaluation.submit",
  "evaluation.reopen",
  "award_decision.propose",
  "award_decision.approve",
  "award_decision.return",
  "activity.log",
  "attendance.mark",
  "team.nudge",
  "calendar_feed.create",
  "calendar_feed.revoke",
  "certificate_batch.prepare",
  "certificate_batch.refresh",
  "certificate_batch.sign",
  "certificate_batch.retry",
  "cohort_report.request",
  "certificate.revoke",
  "matching_run.start",
  "matching_run.edit",
  "matching_run.pair_rule",
  "matching_run.publish",
  "program_template.copy",
  "program_template.update",
  "cohort.create",
  "cohort.schedule.update",
  "cohort.status.update",
  "application.submit",
  "application.nominate",
  "application.consent",
  "application.decline",
  "application.withdraw",
  "application.reject",
  "application.promote",
  "applications.export",
] as const;

export type AuditAction = (typeof auditActions)[number];

/**
 * Every action a row of the platform's own audit log (platform_audit_logs) records: changes made outside
 * any tenant, by operators.
 */
export const platformAuditActions = ["analyst.create", "analyst.disable"] as const;

export type PlatformAuditAction = (typeof platformAuditActions)[number];
