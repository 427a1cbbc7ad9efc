/**
 * An expected refusal (not found, wrong phase, invalid input) that the web shows as a translated message:
 * `key` is an i18n key of the "common" namespace and `params` its values. Anything else is a bug.
 */
export class ProgramError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(key);
    this.name = "ProgramError";
  }
}
