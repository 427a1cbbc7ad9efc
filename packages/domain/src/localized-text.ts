import { z } from "zod";

/**
 * Text a tenant writes into its own templates (question prompts, assignment titles), in Korean and
 * optionally English. It is data, not an interface string: i18n resources cannot hold what cities author.
 */
export const localizedTextSchema = z
  .object({ ko: z.string().trim().min(1).max(2000), en: z.string().trim().max(2000).optional() })
  .strict();

export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The text in `locale`, falling back to Korean, the language every tenant writes first. */
export function localize(text: LocalizedText, locale: string): string {
  return locale === "en" && text.en ? text.en : text.ko;
}
