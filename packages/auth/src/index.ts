export { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";
export { hashToken, newToken, sameToken } from "./token";
