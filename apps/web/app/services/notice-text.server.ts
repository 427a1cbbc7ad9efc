import type { NotificationKind } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { z } from "zod";
import { formatDateTime } from "./format.server";

/*
 * A notice's words, in the reader's language when they read it: from its kind and the values it keeps
 * (packages/programs records/notify.ts NoticeParams), moments in the tenant's time zone. A notice whose
 * values do not read as its kind's (written by older code) says its kind's name rather than fail the page.
 */

const titled = z.object({ cohortTitle: z.string(), title: z.string(), titleEn: z.string().nullable() });
const shapes = {
  team_published: z.object({ cohortTitle: z.string(), teamNumber: z.number() }),
  ceremony_scheduled: z.object({
    cohortTitle: z.string(),
    startsAt: z.string().datetime(),
    place: z.string(),
    changed: z.boolean(),
  }),
  certificate_issued: z.object({ cohortTitle: z.string(), teamNumber: z.number() }),
  assignment_set: titled.extend({ dueAt: z.string().datetime() }),
  assignment_due_soon: titled.extend({ dueAt: z.string().datetime() }),
  assignment_late: titled.extend({ dueAt: z.string().datetime() }),
  revision_requested: titled,
  submission_featured: titled,
  event_tomorrow: titled.extend({ startsAt: z.string().datetime(), place: z.string() }),
  team_nudge: z.object({ cohortTitle: z.string(), teamNumber: z.number(), days: z.number() }),
  award_granted: z.object({
    cohortTitle: z.string(),
    teamNumber: z.number(),
    award: z.string(),
    prize: z.string(),
  }),
  consent_withdrawn: z.object({
    cohortTitle: z.string(),
    name: z.string(),
    teamNumber: z.number().nullable(),
  }),
  correction_resolved: z.object({
    field: z.enum([
      "name",
      "department",
      "grade",
      "position_title",
      "hire_date",
      "birth_year",
      "email",
      "phone",
    ]),
    outcome: z.enum(["applied", "declined"]),
  }),
  board_proposal_updated: z.object({
    cohortTitle: z.string(),
    title: z.string(),
    status: z.enum(["reviewed", "adopted", "declined"]),
  }),
} satisfies Record<NotificationKind, z.ZodTypeAny>;

const long = { dateStyle: "long", timeStyle: "short" } as const;

export function noticeText(
  notice: { kind: NotificationKind; params: unknown },
  t: TFunction,
  locale: Locale,
  timeZone: string,
): string {
  const when = (iso: string) => formatDateTime(new Date(iso), locale, timeZone, long);
  const title = (p: z.infer<typeof titled>) => (locale === "en" && p.titleEn ? p.titleEn : p.title);
  const fallback = t(`notifications.kind.${notice.kind}`);
  switch (notice.kind) {
    case "team_published":
    case "certificate_issued": {
      const p = shapes[notice.kind].safeParse(notice.params);
      if (!p.success) return fallback;
      return t(`notifications.message.${notice.kind}`, {
        cohort: p.data.cohortTitle,
        number: p.data.teamNumber,
      });
    }
    case "award_granted": {
      const p = shapes.award_granted.safeParse(notice.params);
      if (!p.success) return fallback;
      return t("notifications.message.award_granted", {
        cohort: p.data.cohortTitle,
        number: p.data.teamNumber,
        award: p.data.award,
      });
    }
    case "ceremony_scheduled": {
      const p = shapes.ceremony_scheduled.safeParse(notice.params);
      if (!p.success) return fallback;
      return t(
        p.data.changed
          ? "notifications.message.ceremony_changed"
          : "notifications.message.ceremony_scheduled",
        {
          cohort: p.data.cohortTitle,
          when: when(p.data.startsAt),
          place: p.data.place,
        },
      );
    }
    case "assignment_set":
    case "assignment_due_soon":
    case "assignment_late": {
      const p = shapes[notice.kind].safeParse(notice.params);
      if (!p.success) return fallback;
      return t(`notifications.message.${notice.kind}`, { title: title(p.data), when: when(p.data.dueAt) });
    }
    case "revision_requested":
    case "submission_featured": {
      const p = shapes[notice.kind].safeParse(notice.params);
      if (!p.success) return fallback;
      return t(`notifications.message.${notice.kind}`, { title: title(p.data) });
    }
    case "event_tomorrow": {
      const p = shapes.event_tomorrow.safeParse(notice.params);
      if (!p.success) return fallback;
      return p.data.place
        ? t("notifications.message.event_tomorrow_at", {
            title: title(p.data),
            when: when(p.data.startsAt),
            place: p.data.place,
          })
        : t("notifications.message.event_tomorrow", { title: title(p.data), when: when(p.data.startsAt) });
    }
    case "team_nudge": {
      const p = shapes.team_nudge.safeParse(notice.params);
      if (!p.success) return fallback;
      return t("notifications.message.team_nudge", { number: p.data.teamNumber, days: p.data.days });
    }
    case "consent_withdrawn": {
      const p = shapes.consent_withdrawn.safeParse(notice.params);
      if (!p.success) return fallback;
      const values = { cohort: p.data.cohortTitle, name: p.data.name, number: p.data.teamNumber ?? 0 };
      return p.data.teamNumber === null
        ? t("notifications.message.consent_withdrawn", values)
        : t("notifications.message.consent_withdrawn_team", values);
    }
    case "correction_resolved": {
      const p = shapes.correction_resolved.safeParse(notice.params);
      if (!p.success) return fallback;
      return t(`notifications.message.correction_${p.data.outcome}`, {
        field: t(`myData.field.${p.data.field}`),
      });
    }
    case "board_proposal_updated": {
      const p = shapes.board_proposal_updated.safeParse(notice.params);
      if (!p.success) return fallback;
      return t(`board.notice.${p.data.status}`, { cohort: p.data.cohortTitle, title: p.data.title });
    }
  }
}
