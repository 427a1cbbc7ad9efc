export {
  ACCESS_LOG_RETENTION_YEARS,
  type AccessEvent,
  type AccessKind,
  type AccessMonth,
  type AccessReviewSummary,
  accessKinds,
  exportAccessKinds,
  isOutsideWorkingHours,
  median,
  previousAccessMonth,
  reviewAccessMonth,
  UNUSUAL_MIN_PEOPLE,
  UNUSUAL_VOLUME_FACTOR,
  WORKING_DAY_END_HOUR,
  WORKING_DAY_START_HOUR,
} from "./access-log";
export {
  type AssignmentReminder,
  assignmentReminder,
  LATE_NOTICE_HOURS,
  type ReminderSettings,
  reminderWindow,
} from "./assignment-reminders";
export {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_COUNT_LIMITS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  ATTACHMENT_NAME_MAX,
  type AttachmentKind,
  type AttachmentRefusal,
  attachmentKinds,
  attachmentName,
  kindTakes,
  uploadRefusal,
} from "./attachment";
export {
  type AuditAction,
  auditActions,
  type PlatformAuditAction,
  platformAuditActions,
} from "./audit-actions";
export { type AwardGrantChoice, type AwardProposalProblem, awardProposalProblems } from "./award-proposal";
export {
  type AllocatableTeam,
  type AwardAllocation,
  type AwardCategory,
  allocateAwards,
  type BoundaryTie,
  type RankableTeam,
  type Ranked,
  type RankingCriterion,
  rankTeams,
  tieBreakOrder,
} from "./award-ranking";
export * from "./billing-access";
export { BLANK_TEMPLATE_QUOTA, blankTemplate, blankTemplatePhases } from "./blank-template";
export {
  acceptsProposalReplies,
  acceptsProposals,
  BOARD_PROPOSAL_BODY_MAX,
  BOARD_PROPOSAL_REPLY_MAX,
  BOARD_PROPOSAL_TITLE_MAX,
  BOARD_PROPOSERS_MAX,
  type BoardProposalChangeProblem,
  type BoardProposalDraft,
  type BoardProposalStatus,
  boardMemberRole,
  boardProposalChangeProblem,
  boardProposalDraftSchema,
  boardProposalReplySchema,
  boardProposalStatuses,
  formsTeams,
  isFinalProposalStatus,
  recruitedRoles,
} from "./board-proposal";
export { type BuiltinTemplateKey, builtinTemplate, builtinTemplateKeys } from "./builtin-templates";
export {
  addDays,
  addYears,
  type CalendarDate,
  calendarDate,
  calendarDateIn,
  calendarDateParts,
  calendarDateSchema,
  compareCalendarDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  fixedUtcOffset,
  instantAt,
  isLeapYear,
  parseCalendarDate,
  startOfDayIn,
  wallClockIn,
} from "./calendar-date";
export {
  acceptsApplications,
  allowsWithdrawal,
  CLOSING_POST_SURVEY_THRESHOLD,
  type CohortStatus,
  cohortPathOf,
  cohortStatuses,
  dueTransition,
  nextStatus,
  postSurveyCompletionLow,
  statusStartsOn,
  type TransitionFacts,
  type TransitionProblem,
  transitionAllowed,
  transitionProblems,
} from "./cohort-lifecycle";
export {
  type CohortSchedule,
  cohortScheduleSchema,
  plannedFields,
  type ScheduleField,
  type ScheduleOffsets,
  type ScheduleProblem,
  scheduleFields,
  scheduleFromOffsets,
  scheduleProblems,
  withSkippedPhases,
} from "./cohort-schedule";
export {
  type ApplicationState,
  type ConsentWithdrawalEffects,
  type CorrectableField,
  consentWithdrawalEffects,
  correctableFields,
} from "./consent-withdrawal";
export { closesBeforeOpens, type DateWindow } from "./date-window";
export { type DepartmentNode, DepartmentTree, departmentsAtLevel } from "./department-level";
export {
  type EligibilityCandidate,
  type EligibilityFailure,
  type EligibilityFailureCode,
  type EligibilityResult,
  type EligibilityRule,
  eligibilityFailureCodes,
  eligibilityRuleSchema,
  evaluateEligibility,
} from "./eligibility";
export * from "./errors";
export {
  EVALUATION_COMMENT_MAX,
  type EvaluationEntry,
  type EvaluationInputCode,
  type EvaluationInputProblem,
  type EvaluatorCriterion,
  evaluationDraftProblems,
  missingScores,
  normalisedComment,
} from "./evaluation-input";
export {
  aggregateEvaluations,
  type ComputedScore,
  type CriterionResult,
  type EvaluationScoringInput,
  type ScoredTeam,
  type ScoreNormalisation,
  type ScoreSpread,
  type ScoringCriterion,
  type SubmittedScore,
  type TeamEvaluation,
} from "./evaluation-scoring";
export { type ConflictParty, type EvaluatorConflict, evaluatorConflict } from "./evaluator-conflict";
export {
  EVENT_CAPACITY_MAX,
  type EventSignUpTerms,
  placesLeft,
  type SignUpRefusal,
  signUpClosesAt,
  signUpRefusal,
  withdrawalRefusal,
} from "./event-sign-up";
export { type Grade, type GradeParse, parseGrade } from "./grade";
export {
  type Distribution,
  distributionOf,
  INSIGHTS_MIN_COHORTS,
  type QuartilePosition,
  quantile,
  quartilePositionOf,
  quartilePositions,
} from "./insight-distribution";
export {
  INSIGHTS_MIN_CELL,
  type InsightMetric,
  type InsightSizeBand,
  insightMetricKeys,
  insightMetrics,
  insightSizeBands,
  sizeBandOf,
} from "./insight-metrics";
export {
  type CohortFigure,
  type CohortFigures,
  insightRelations,
  roundInsightValue,
  type SuppressedFigure,
  type SuppressionReason,
  suppressTenantFigures,
  type TenantSuppression,
} from "./insight-suppression";
export { type LinearForm, LinearKnowledge } from "./linear-knowledge";
export { type LocalizedText, localize, localizedTextSchema } from "./localized-text";
export { type RoleChangeProblem, roleChangeProblems } from "./membership-roles";
export {
  type ChangeDirection,
  type ChangeVerdict,
  CONFIDENCE_LEVEL,
  type CohortDifference,
  type CohortOutcomes,
  type CohortSide,
  changeVerdicts,
  cohortOutcomes,
  compareCohortChange,
  displayCohortDifference,
  displayLikertSummary,
  displayNumber,
  displayPairedChange,
  type Interval,
  type LikertSummary,
  likertSummary,
  MIN_PEOPLE_FOR_CLAIM,
  type OutcomePerson,
  type PairedChange,
  type PrePostScores,
  pairedChange,
} from "./outcomes";
export { MIN_PASSWORD_LENGTH } from "./password-policy";
export {
  can,
  isPlatformPermission,
  isTenantPermission,
  type Permission,
  type PlatformPermission,
  type PlatformRole,
  permissions,
  permissionsOf,
  platformPermissions,
  platformRoles,
  type Role,
  type TenantPermission,
  type TenantRole,
  tenantPermissions,
  tenantRoles,
} from "./permissions";
export {
  type AssignmentEntry,
  activityMonths,
  type CalendarAudience,
  type CalendarEntry,
  type CalendarItemKind,
  calendarAudiences,
  calendarEntrySchema,
  calendarItemKinds,
  type DayInMonth,
  dayOfActivityMonth,
  type PlannedCalendarItem,
  planCohortCalendar,
} from "./program-calendar";
export {
  type ApplicationRole,
  applicationRoles,
  criterionFields,
  type DepartmentLevel,
  type DepartmentPair,
  departmentLevels,
  type MatchingCriterionKind,
  type MatchingSection,
  matchingCriterionKinds,
  matchingSectionSchema,
  type PhaseOffsets,
  type ProgramKind,
  phaseOffsetsSchema,
  programKinds,
  type Question,
  type QuestionSet,
  type QuestionType,
  questionSchema,
  questionSetSchema,
  questionTypes,
  type SurveyPhase,
  surveyPhases,
  type TemplateCriterion,
  type TemplateDefinition,
  type TemplateDefinitionInput,
  templateCriterionId,
  templateCriterionSchema,
  templateDefinitionSchema,
} from "./program-template";
export {
  type ApplicationDecision,
  type ApplicationStatus,
  applicationStatuses,
  CONSENT_VERSION,
  decideApplication,
  placesToFill,
  type RecruitmentWindow,
  recruitmentWindowAt,
  recruitmentWindowOn,
} from "./recruitment";
export {
  addMonths,
  defaultRetentionPeriods,
  isDue,
  lastDueStart,
  type RetentionAction,
  type RetentionCutoffs,
  type RetentionKind,
  type RetentionPeriods,
  type RetentionRule,
  type RetentionStart,
  retentionCutoffs,
  retentionKinds,
  retentionPeriodsOf,
  retentionPeriodsSchema,
  retentionRules,
} from "./retention";
export {
  type ComputedRubricCriterion,
  type ComputedRubricSource,
  type EvaluationNormalisation,
  type EvaluationSettings,
  evaluationNormalisations,
  evaluationSettingsSchema,
  isComputedCriterion,
  type Rubric,
  type RubricCriterion,
  type RubricLevel,
  type RubricMetric,
  type RubricSource,
  rubricCriterionSchema,
  rubricMetrics,
  rubricMetricTakesTarget,
  rubricSchema,
  rubricSourceSchema,
} from "./rubric";
export { computedCriterionScore, type TeamFacts } from "./rubric-metrics";
export { type YearsOfService, yearsOfService } from "./service-years";
export {
  staleWorkReason,
  type UnfinishedWork,
  WORK_LEASE_MS,
  type WorkFailureCode,
  workFailureCodes,
} from "./stale-work";
export { normalQuantile, tQuantile } from "./student-t";
export {
  isLate,
  SUBMISSION_LIMITS,
  type SubmissionRefusal,
  type SubmissionStatus,
  submissionLinkSchema,
  submissionRefusal,
  submissionStatuses,
} from "./submission";
export * from "./survey";
export { attendanceRate, isTeamAtRisk, SILENT_DAYS_AT_RISK } from "./team-progress";
export {
  describeTeamShape,
  TEAM_SIDE_LIMIT,
  type TeamShape,
  teamCountRange,
  teamShapeSchema,
} from "./team-shape";
export {
  BEYOND_ACTIVITIES_MESSAGE,
  monthsBeyondActivities,
  templateActivityMonths,
} from "./template-activity-span";
export {
  DEFAULT_ASSIGNMENT_REMINDER_DAYS,
  MAX_ASSIGNMENT_REMINDER_DAYS,
  MIN_SILENT_TEAM_DAYS,
  type NotificationSettings,
  notificationSettingsOf,
  notificationSettingsSchema,
} from "./template-notifications";
export {
  brandColorProblem,
  contrastRatio,
  isValidSlug,
  koreanRegions,
  parseBusinessRegistrationNumber,
  RESERVED_SLUGS,
} from "./tenant-profile";
