export {
  PLATFORM_OPERATOR_EMAIL,
  type SeedAccount,
  type SeedOptions,
  type SeedSummary,
  seedAll,
  seedTenant,
} from "./apply";
export type {
  DirectorySpec,
  SeedDepartment,
  SeedEdgeCase,
  SeedStaffMember,
  SeedTenant,
  ServiceYears,
  StaffSlot,
  TenantKind,
} from "./directory";
export { buildDirectory } from "./directory";
export { GANGNEUNG_AS_OF, GANGNEUNG_EDGE_CASES, gangneungSeed } from "./gangneung";
export { romanizeHangul } from "./korean-names";
export {
  castOf,
  cohortCast,
  type SeededCohort,
  SPARE_APPLICANTS,
  seededCohorts,
} from "./program-cast";
export { YONGIN_AS_OF, YONGIN_EDGE_CASES, yonginSeed } from "./yongin";
