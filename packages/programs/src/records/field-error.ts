import { AppError, type AppErrorCode, type AppErrorParams, appErrors } from "@mentoring/domain";

/**
 * A refusal about one input field: the code as usual, and the field named in `details.fields` with the
 * code's own message, so that a form shows the message beside that field.
 */
export function fieldError(code: AppErrorCode, path: string, params: AppErrorParams = {}): AppError {
  return new AppError(code, params, { fields: [{ path, message: appErrors[code].message, params }] });
}
