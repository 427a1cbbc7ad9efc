/**
 * Text for a LIKE pattern (and for Prisma's `contains`, `startsWith`, `endsWith`, which become LIKE without
 * escaping) that matches itself: `%`, `_` and the escape character, a backslash (PostgreSQL's default),
 * escaped. Without it a search for "_" matches everything.
 */
export function literalLikeText(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
