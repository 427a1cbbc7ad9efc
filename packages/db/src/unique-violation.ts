import { Prisma } from "./generated/prisma/client";

/**
 * Whether a write was refused by a unique constraint (Prisma's P2002): another request took the value
 * between a check and the insert, which the callers answer as their own refusal.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
