import type { Database } from "@mentoring/db";
import { tenantToday } from "../records/cohort-record";
import { closeDueRounds } from "./close-due-rounds";
import { remindRound } from "./remind-round";

export interface ReminderRun {
  tenants: number;
  closed: number;
  rounds: number;
  reminded: number;
}

/**
 * The daily surveys run over every tenant in use (trial or active; a read-only tenant takes no answers):
 * closes rounds whose last day has passed, then reminds those who have not submitted an open round when a
 * reminder is due, each tenant on its own calendar and in its own transaction. Running it twice on a day
 * has the effect of running it once.
 */
export async function sendSurveyReminders(
  db: Database,
  input: { now: Date; appUrl: string },
): Promise<ReminderRun> {
  const { now, appUrl } = input;
  const tenants = await db.platform.tenant.findMany({
    where: { status: { in: ["trial", "active"] } },
    select: { id: true, timeZone: true },
    orderBy: { createdAt: "asc" },
  });
  const run: ReminderRun = { tenants: tenants.length, closed: 0, rounds: 0, reminded: 0 };
  for (const tenant of tenants) {
    const today = tenantToday(tenant.timeZone, now);
    await db.withTenant(
      tenant.id,
      async (tx) => {
        run.closed += await closeDueRounds(tx, { tenantId: tenant.id, today, now });
        const open = await tx.surveyRound.findMany({
          where: { tenantId: tenant.id, closedAt: null, openedAt: { not: null } },
          select: { id: true },
        });
        for (const round of open) {
          const outcome = await remindRound(tx, {
            tenantId: tenant.id,
            roundId: round.id,
            today,
            appUrl,
            trigger: "schedule",
          });
          if (outcome.status === "sent") {
            run.rounds++;
            run.reminded += outcome.reminded;
          }
        }
      },
      { timeout: 120_000 },
    );
  }
  return run;
}
