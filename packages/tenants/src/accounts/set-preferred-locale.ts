import type { Database } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";

/** Remembers the language a signed-in person chose: their pages and mails use it from now on. */
export async function setPreferredLocale(
  db: Database,
  input: { userId: string; locale: Locale },
): Promise<void> {
  await db.platform.user.update({ where: { id: input.userId }, data: { locale: input.locale } });
}
