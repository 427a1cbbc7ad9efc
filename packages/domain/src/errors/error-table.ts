/** How an expected refusal reaches a person: the HTTP status it answers with and its message's i18n key. */
export interface ErrorDefinition {
  status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 503;
  /** A key of the i18n "common" namespace; the error's params are its values. */
  message: string;
}

export type ErrorTable = Record<string, ErrorDefinition>;
