/**
 * The shortest password an account may have. A rule of the domain rather than of the hashing code, so
 * that forms in the browser can state it without bundling the hashing library.
 */
export const MIN_PASSWORD_LENGTH = 12;
