export { hashPassword, verifyPassword } from "./password";
export { decryptSecret, encryptSecret, SecretBoxError } from "./secret-box";
export { hashToken, isBearer, newToken, sameToken } from "./token";
