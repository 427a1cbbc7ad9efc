export * from "./billing-access";
export {
  type CalendarDate,
  calendarDate,
  calendarDateIn,
  calendarDateParts,
  calendarDateSchema,
  compareCalendarDates,
  daysInMonth,
  isLeapYear,
  parseCalendarDate,
} from "./calendar-date";
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
export { type Grade, type GradeParse, parseGrade } from "./grade";
export { type RoleChangeProblem, roleChangeProblems } from "./membership-roles";
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
export { type YearsOfService, yearsOfService } from "./service-years";
export {
  brandColorProblem,
  contrastRatio,
  isValidSlug,
  koreanRegions,
  parseBusinessRegistrationNumber,
  RESERVED_SLUGS,
} from "./tenant-profile";
