import type { ZodError, ZodIssue } from "zod";
import type { TransitionProblem } from "../cohort-lifecycle";
import { activityErrors } from "./activity";
import { attachmentErrors } from "./attachment";
import { attendanceErrors } from "./attendance";
import { authErrors } from "./auth";
import { awardErrors } from "./award";
import { billingErrors } from "./billing";
import { boardErrors } from "./board";
import { brandingErrors } from "./branding";
import { calendarErrors } from "./calendar";
import { certificateErrors } from "./certificate";
import { cohortErrors } from "./cohort";
import { directoryErrors } from "./directory";
import type { ErrorDefinition } from "./error-table";
import { evaluationErrors } from "./evaluation";
import { inputErrors } from "./input";
import { insightsErrors } from "./insights";
import { matchingErrors } from "./matching";
import { memberErrors } from "./member";
import { myDataErrors } from "./my-data";
import { notificationErrors } from "./notification";
import { onboardingErrors } from "./onboarding";
import { rateLimitErrors } from "./rate-limit";
import { recruitmentErrors } from "./recruitment";
import { reportErrors } from "./report";
import { retentionErrors } from "./retention";
import { ssoErrors } from "./sso";
import { submissionErrors } from "./submission";
import { surveyErrors } from "./survey";

/**
 * Every expected refusal a use case can answer with, by code: its HTTP status and message key. Codes are
 * what code compares (`error.code === "cohort.not_found"`); messages can be reworded without changing
 * behaviour. A new area adds its own table file beside this one and spreads it in here.
 */
export const appErrors = {
  ...inputErrors,
  ...cohortErrors,
  ...recruitmentErrors,
  ...surveyErrors,
  ...matchingErrors,
  ...certificateErrors,
  ...calendarErrors,
  ...submissionErrors,
  ...evaluationErrors,
  ...awardErrors,
  ...reportErrors,
  ...retentionErrors,
  ...activityErrors,
  ...attachmentErrors,
  ...attendanceErrors,
  ...notificationErrors,
  ...memberErrors,
  ...myDataErrors,
  ...directoryErrors,
  ...onboardingErrors,
  ...insightsErrors,
  ...brandingErrors,
  ...ssoErrors,
  ...billingErrors,
  ...authErrors,
  ...rateLimitErrors,
  ...boardErrors,
} as const satisfies Record<string, ErrorDefinition>;

export type AppErrorCode = keyof typeof appErrors;
export const appErrorCodes = Object.keys(appErrors) as AppErrorCode[];

export type AppErrorParams = Record<string, string | number>;

/**
 * Why one field's value was refused: the field's path in the input ("teamShape.mentors.min"), the message
 * key and its values. The page names the field; a path "" is about the input as a whole.
 */
export interface FieldIssue {
  path: string;
  message: string;
  params: AppErrorParams;
}

export interface AppErrorDetails {
  /** For input.invalid: what was wrong with which field. */
  fields?: FieldIssue[];
  /** For cohort.transition_refused: every lifecycle problem that refused the move. */
  problems?: TransitionProblem[];
  /** For a refusal to try again later (429): the seconds to wait, sent as Retry-After. */
  retryAfterSeconds?: number;
}

/** An expected refusal: not found, wrong phase, invalid input. Anything else thrown is a bug (a 500). */
export class AppError extends Error {
  readonly status: ErrorDefinition["status"];
  constructor(
    readonly code: AppErrorCode,
    readonly params: AppErrorParams = {},
    readonly details: AppErrorDetails = {},
  ) {
    super(code);
    this.name = "AppError";
    this.status = appErrors[code].status;
  }

  /** The message key the error is shown with. */
  get messageKey(): string {
    return appErrors[this.code].message;
  }

  /** Input refused by a schema, each issue kept with its field. */
  static invalid(error: ZodError): AppError {
    return new AppError("input.invalid", {}, { fields: error.issues.map(fieldIssueOf) });
  }
}

/** Whether `error` is an AppError, of one of `codes` when given. */
export function isAppError(error: unknown, ...codes: AppErrorCode[]): error is AppError {
  return error instanceof AppError && (codes.length === 0 || codes.includes(error.code));
}

/** The domain's refinement codes (`params.code` of a custom zod issue) and the message each is shown with. */
const refinementMessages: Record<string, string> = {
  min_above_max: "programs.issue.belowMin",
  date_before: "programs.issue.dateBefore",
  above_max: "programs.issue.aboveMax",
  after_to: "programs.issue.afterTo",
  not_a_date: "programs.issue.date",
  duplicate_key: "programs.issue.duplicateKey",
  weights_sum: "programs.issue.weightsSum",
  level_above_scale: "programs.issue.levelAboveScale",
  duplicate_level: "programs.issue.duplicateLevel",
  target_required: "programs.issue.targetRequired",
  target_not_allowed: "programs.issue.targetNotAllowed",
  // A question's problems (program-template.ts), shown beside the question sets editor's fields.
  options_too_few: "templateEditor.issue.optionsTooFew",
  dimension_not_likert: "templateEditor.issue.dimensionNotLikert",
  pick_above_options: "templateEditor.issue.pickAboveOptions",
  // The matching section's problems (program-template.ts), shown beside the matching page's fields.
  required: "templateDesign.issue.needed",
  unknown_question: "templateDesign.issue.unknownQuestion",
  question_type: "templateDesign.issue.questionType",
  interests_twice: "templateDesign.issue.interestsTwice",
  unknown_dimension: "templateDesign.issue.unknownDimension",
  invalid_attribute: "templateDesign.issue.invalidAttribute",
  preferences_off: "templateDesign.issue.preferencesOff",
  // The department pairs of a cross-department program (program-template.ts).
  same_department: "matching.pairIssue.sameDepartment",
  duplicate_pair: "matching.pairIssue.duplicatePair",
  pairs_kind: "matching.pairIssue.pairsKind",
};

function messageOf(issue: ZodIssue): { message: string; params: AppErrorParams } {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined" || issue.received === "null")
        return { message: "programs.issue.required", params: {} };
      if (issue.received === "nan" || issue.expected === "number")
        return { message: "programs.issue.number", params: {} };
      if (issue.expected === "integer") return { message: "programs.issue.integer", params: {} };
      return { message: "programs.issue.invalid", params: {} };
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.type === "number" || issue.type === "bigint")
        return { message: "programs.issue.min", params: { minimum } };
      if (issue.type === "array" || issue.type === "set")
        return { message: "programs.issue.listMin", params: { minimum } };
      return { message: "programs.issue.required", params: {} };
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.type === "number" || issue.type === "bigint")
        return { message: "programs.issue.max", params: { maximum } };
      if (issue.type === "array" || issue.type === "set")
        return { message: "programs.issue.listMax", params: { maximum } };
      if (issue.type === "string") return { message: "programs.issue.tooLong", params: { maximum } };
      return { message: "programs.issue.invalid", params: {} };
    }
    case "invalid_enum_value":
    case "invalid_literal":
    case "invalid_union_discriminator":
      return { message: "programs.issue.choice", params: {} };
    case "custom": {
      const custom = issue.params as { code?: string; before?: string; sum?: number } | undefined;
      const message = (custom?.code && refinementMessages[custom.code]) || "programs.issue.invalid";
      // A date that must not come before another names that other field (a sibling of this one).
      if (custom?.code === "date_before" && custom.before)
        return { message, params: { beforePath: [...issue.path.slice(0, -1), custom.before].join(".") } };
      // A rubric whose weights do not add up to 100 says what they add up to.
      if (custom?.code === "weights_sum" && typeof custom.sum === "number")
        return { message, params: { sum: custom.sum } };
      return { message, params: {} };
    }
    default:
      return { message: "programs.issue.invalid", params: {} };
  }
}

/** One zod issue as a field issue; its message keys take the field's visible name as `{{field}}`. */
export function fieldIssueOf(issue: ZodIssue): FieldIssue {
  return { path: issue.path.join("."), ...messageOf(issue) };
}
