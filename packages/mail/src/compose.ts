import { defaultLocale, formatters, type Locale, resources, supportedLocales } from "@mentoring/i18n";
import { createInstance } from "i18next";
import { z } from "zod";
import { type MailLayout, renderHtml, renderText } from "./layout";

/** Zones already found valid: checking one builds an Intl.DateTimeFormat, too dear to do for every mail. */
const validZones = new Set<string>();
const isTimeZone = (zone: string) => {
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return false;
  }
  validZones.add(zone);
  return true;
};

/** Links in mail are absolute web addresses: a relative or javascript: link would be a bug. */
const webLink = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), "must be an http:// or https:// address");

/** A view listed in the access review: who, what kind, how many people, when (shown in `timeZone`). */
const reviewedView = z.object({
  viewer: z.string().trim().min(1),
  kind: z.string().min(1),
  people: z.number().int().min(0),
  at: z.date(),
});

/**
 * The monthly review of a tenant's personal-data access log, to one of its privacy officers: the month's
 * totals by kind (access kinds of the domain), the viewers far above the others, every export and every
 * view outside working hours (the first few of each listed, the rest counted).
 */
const accessReviewMessage = z.object({
  kind: z.literal("access_review"),
  name: z.string().trim().min(1),
  tenantName: z.string().trim().min(1),
  /** The month's first day (the mail names its month and year). */
  month: z.date(),
  views: z.number().int().min(0),
  byKind: z.array(z.object({ kind: z.string().min(1), views: z.number().int(), people: z.number().int() })),
  unusual: z.array(
    z.object({ viewer: z.string().trim().min(1), people: z.number().int(), views: z.number().int() }),
  ),
  median: z.number().min(0),
  exports: z.array(reviewedView),
  exportCount: z.number().int().min(0),
  outOfHours: z.array(reviewedView),
  outOfHoursCount: z.number().int().min(0),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul"),
  link: webLink,
});

/** The mails the platform sends, each with what its wording needs. */
export const emailMessageSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("password_reset"),
    /** The person's name as they would be greeted. */
    name: z.string().trim().min(1),
    link: webLink,
    validMinutes: z.number().int().min(1),
  }),
  z.object({
    /** A national insights analyst's account, made by the operator: the link sets its first password. */
    kind: z.literal("analyst_invitation"),
    name: z.string().trim().min(1),
    agency: z.string().trim().min(1),
    link: webLink,
    expiresAt: z.date(),
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul"),
  }),
  z.object({
    kind: z.literal("sign_in_throttled"),
    name: z.string().trim().min(1),
    /** Where a new password can be asked for: resetting it lifts the throttle. */
    link: webLink,
  }),
  z.object({
    kind: z.literal("invitation"),
    tenantName: z.string().trim().min(1),
    /** Role labels already translated into the mail's locale; joined as a list ("A, B 및 C"). */
    roles: z.array(z.string().trim().min(1)).min(1),
    link: webLink,
    expiresAt: z.date(),
    /** IANA time zone the expiry is shown in, usually the tenant's: "Asia/Seoul". */
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul"),
  }),
  z.object({
    /**
     * A nominee with no account: the coordinators put them forward, and the link makes their account (tied
     * to their staff record) and opens the nomination, where they consent or decline.
     */
    kind: z.literal("nomination_invitation"),
    name: z.string().trim().min(1),
    tenantName: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    outcome: z.enum(["accepted", "waitlisted"]),
    waitlistPosition: z.number().int().min(1).optional(),
    /** The tenant signs its people in through single sign-on: the mail offers it beside a password. */
    sso: z.boolean(),
    link: webLink,
    expiresAt: z.date(),
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul"),
  }),
  z.object({
    kind: z.literal("application_decision"),
    name: z.string().trim().min(1),
    tenantName: z.string().trim().min(1),
    /** "거꾸로 멘토링 2기": the program and cohort as the applicant knows them. */
    cohortTitle: z.string().trim().min(1),
    /** accepted, waitlisted (with its place), promoted from the waitlist, or rejected by the coordinator. */
    outcome: z.enum(["accepted", "waitlisted", "promoted", "rejected"]),
    waitlistPosition: z.number().int().min(1).optional(),
    link: webLink,
  }),
  z.object({
    kind: z.literal("team_published"),
    name: z.string().trim().min(1),
    tenantName: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    teamNumber: z.number().int().min(1),
    role: z.enum(["mentor", "mentee"]),
    /** The others of the team, each "이름 (멘토)" as the reader's language words it. */
    teammates: z.array(z.string().trim().min(1)).min(1),
    /** The ceremony, when it is scheduled: its start is shown in `timeZone`, the tenant's. */
    ceremony: z.object({ startsAt: z.date(), place: z.string().trim().min(1) }).optional(),
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul"),
    link: webLink,
  }),
  z.object({
    kind: z.literal("event_tomorrow"),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    /** The training, event or mentoring day, in the reader's language. */
    title: z.string().trim().min(1),
    startsAt: z.date(),
    place: z.string().trim(),
    /** IANA time zone the time is shown in, the tenant's. */
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul"),
    link: webLink,
  }),
  z.object({
    kind: z.literal("team_nudge"),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    teamNumber: z.number().int().min(1),
    /** Days since the team last logged anything (or since activities began). */
    silentDays: z.number().int().min(1),
    link: webLink,
  }),
  z.object({
    kind: z.literal("ceremony_scheduled"),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    startsAt: z.date(),
    place: z.string().trim().min(1),
    /** A ceremony already announced whose moment or place changed. */
    changed: z.boolean(),
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul"),
    link: webLink,
  }),
  z.object({
    kind: z.literal("award_granted"),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    teamNumber: z.number().int().min(1),
    /** The award's name and prize, as decided. */
    award: z.string().trim().min(1),
    prize: z.string().trim().min(1),
    link: webLink,
  }),
  z.object({
    /** To a coordinator: a participant withdrew their consent for the cohort (and left their team). */
    kind: z.literal("consent_withdrawn"),
    /** The coordinator, as greeted. */
    recipient: z.string().trim().min(1),
    /** Who withdrew. */
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    /** The team they left; none when they were in no team. */
    teamNumber: z.number().int().min(1).nullable(),
    link: webLink,
  }),
  z.object({
    /** To a tenant admin: someone asks for their directory data to be corrected. */
    kind: z.literal("correction_requested"),
    /** The admin, as greeted. */
    recipient: z.string().trim().min(1),
    /** Who asks. */
    name: z.string().trim().min(1),
    /** The field's label, already in the mail's language. */
    field: z.string().trim().min(1),
    link: webLink,
  }),
  z.object({
    /** To a person: their request to correct their directory data was applied or declined. */
    kind: z.literal("correction_resolved"),
    name: z.string().trim().min(1),
    /** The field's label, already in the mail's language. */
    field: z.string().trim().min(1),
    outcome: z.enum(["applied", "declined"]),
    /** Why it was declined. */
    reason: z.string().trim().optional(),
    link: webLink,
  }),
  z.object({
    /** To a junior board proposal's proposers: it was reviewed, adopted or declined, with the reply. */
    kind: z.literal("board_proposal_updated"),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    title: z.string().trim().min(1),
    status: z.enum(["reviewed", "adopted", "declined"]),
    /** The executive's reply, as written. */
    reply: z.string().trim().optional(),
    link: webLink,
  }),
  z.object({
    kind: z.literal("certificate_issued"),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    teamNumber: z.number().int().min(1),
    link: webLink,
  }),
  z.object({
    /** A new assignment; its due moment is ahead, or soon ("due_soon"), or it passed without the team's work. */
    kind: z.enum(["assignment_set", "assignment_due_soon", "assignment_late"]),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    /** The assignment's title in the reader's language. */
    title: z.string().trim().min(1),
    dueAt: z.date(),
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul"),
    link: webLink,
  }),
  z.object({
    kind: z.literal("revision_requested"),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    title: z.string().trim().min(1),
    /** The coordinator's comment, as written. */
    comment: z.string().trim().min(1),
    link: webLink,
  }),
  z.object({
    kind: z.literal("submission_featured"),
    name: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    title: z.string().trim().min(1),
    link: webLink,
  }),
  z.object({
    kind: z.enum(["survey_invitation", "survey_reminder"]),
    name: z.string().trim().min(1),
    tenantName: z.string().trim().min(1),
    cohortTitle: z.string().trim().min(1),
    /** The questionnaire's title in the mail's language. */
    surveyTitle: z.string().trim().min(1),
    /** The last day to answer, already formatted for the reader ("2025년 2월 28일"). */
    closesOn: z.string().trim().min(1),
    link: webLink,
  }),
  accessReviewMessage,
]);

export type EmailMessage = z.infer<typeof emailMessageSchema>;
export type EmailKind = EmailMessage["kind"];

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

export class InvalidEmailMessageError extends Error {
  readonly code = "invalid_email_message";
  constructor(readonly issues: z.ZodIssue[]) {
    super(
      `invalid e-mail message: ${issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`,
    );
    this.name = "InvalidEmailMessageError";
  }
}

// One i18next instance for the process, initialised synchronously from the bundled resources. Values are
// inserted as they are: the text body is plain text, and the HTML body escapes every string it uses.
const i18n = createInstance();
void i18n.use(formatters).init({
  resources,
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: [...supportedLocales],
  ns: ["email"],
  defaultNS: "email",
  initImmediate: false,
  interpolation: { escapeValue: false },
});

/*
 * i18next 23 keeps one Intl formatter per distinct set of the call's options, the other values included
 * (the name, the title, the place: `lng + JSON.stringify(options)`), so a long-running worker composing
 * mails with ever new titles grows that cache without end and builds a formatter for nearly every mail.
 * The mail's `datetime` and `list` formatters are replaced by ones that hand Intl only its own options and
 * keep one formatter per locale and those options (a few time zones and styles: bounded).
 */
const DATE_TIME_OPTIONS = [
  "dateStyle",
  "timeStyle",
  "timeZone",
  "hour12",
  "hourCycle",
  "weekday",
  "era",
  "year",
  "month",
  "day",
  "hour",
  "minute",
  "second",
  "timeZoneName",
  "calendar",
  "numberingSystem",
] as const;
const LIST_OPTIONS = ["type", "style"] as const;

const ownOptions = (options: Record<string, unknown> | undefined, names: readonly string[]) => {
  const own: Record<string, unknown> = {};
  for (const name of names) if (options?.[name] !== undefined) own[name] = options[name];
  return own;
};

function cachedFormatter<F>(build: (lng: string | undefined, options: Record<string, unknown>) => F) {
  const cache = new Map<string, F>();
  return (lng: string | undefined, options: Record<string, unknown>): F => {
    const key = `${lng ?? ""} ${JSON.stringify(options)}`;
    let formatter = cache.get(key);
    if (!formatter) {
      formatter = build(lng, options);
      cache.set(key, formatter);
    }
    return formatter;
  };
}

const dateTimeFormat = cachedFormatter((lng, options) => new Intl.DateTimeFormat(lng, options));
const listFormat = cachedFormatter((lng, options) => new Intl.ListFormat(lng, options));

i18n.services.formatter?.add("datetime", (value, lng, options) =>
  dateTimeFormat(lng, ownOptions(options, DATE_TIME_OPTIONS)).format(value as Date),
);
i18n.services.formatter?.add("list", (value, lng, options) =>
  listFormat(lng, ownOptions(options, LIST_OPTIONS)).format(value as string[]),
);

/*
 * A daily job words the same sentences for hundreds of readers (an event's title, moment and place, the
 * action, the footer): each translation is remembered by its locale, key and values, so that only what
 * differs per reader (the greeting with their name) goes through i18next again. Bounded: emptied when full.
 */
const remembered = new Map<string, string>();
const REMEMBERED_AT_MOST = 2_000;

function remembering<T extends (key: never, values?: never) => string>(lng: string, t: T): T {
  return ((key: string, values?: Record<string, unknown>) => {
    const id = `${lng}\u0000${key}\u0000${values === undefined ? "" : JSON.stringify(values)}`;
    let text = remembered.get(id);
    if (text === undefined) {
      text = (t as unknown as (key: string, values?: Record<string, unknown>) => string)(key, values);
      if (remembered.size >= REMEMBERED_AT_MOST) remembered.clear();
      remembered.set(id, text);
    }
    return text;
  }) as unknown as T;
}

/** A locale the platform does not know falls back to Korean; the result says which one was used. */
export function mailLocale(locale: string): Locale {
  return (supportedLocales as readonly string[]).includes(locale) ? (locale as Locale) : defaultLocale;
}

/** Subjects are one header line, whatever a tenant or person is called. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

/**
 * Words a mail in the given locale: subject, plain-text body and HTML body, each with the link. Throws
 * InvalidEmailMessageError when the message is incomplete (no name, a relative link, an invalid date).
 */
export function composeEmail(message: EmailMessage, locale: Locale): ComposedEmail {
  const parsed = emailMessageSchema.safeParse(message);
  if (!parsed.success) throw new InvalidEmailMessageError(parsed.error.issues);
  const lng = mailLocale(locale);
  const t = remembering(lng, i18n.getFixedT(lng, "email"));
  const m = parsed.data;

  let layout: MailLayout;
  switch (m.kind) {
    case "password_reset":
      layout = {
        subject: oneLine(t("passwordReset.subject")),
        paragraphs: [
          t("passwordReset.greeting", { name: m.name }),
          t("passwordReset.body", { minutes: m.validMinutes }),
        ],
        action: { label: t("passwordReset.action"), link: m.link },
        afterAction: [t("passwordReset.ignore")],
      };
      break;
    case "analyst_invitation":
      layout = {
        subject: oneLine(t("analystInvitation.subject")),
        paragraphs: [
          t("analystInvitation.greeting", { name: m.name }),
          t("analystInvitation.body", { agency: m.agency }),
          t("analystInvitation.expires", {
            expiresAt: m.expiresAt,
            formatParams: { expiresAt: { timeZone: m.timeZone } },
          }),
        ],
        action: { label: t("analystInvitation.action"), link: m.link },
        afterAction: [t("analystInvitation.scope")],
      };
      break;
    case "sign_in_throttled":
      layout = {
        subject: oneLine(t("signInThrottled.subject")),
        paragraphs: [t("signInThrottled.greeting", { name: m.name }), t("signInThrottled.body")],
        action: { label: t("signInThrottled.action"), link: m.link },
        afterAction: [t("signInThrottled.advice")],
      };
      break;
    case "invitation": {
      layout = {
        subject: oneLine(t("invitation.subject", { tenant: m.tenantName })),
        paragraphs: [
          t("invitation.greeting"),
          t("invitation.body", { tenant: m.tenantName, roles: m.roles }),
          // "2026년 12월 1일 화요일 18:05 (GMT+9)": the message formats the date, in the zone given here.
          t("invitation.expires", {
            expiresAt: m.expiresAt,
            formatParams: { expiresAt: { timeZone: m.timeZone } },
          }),
        ],
        action: { label: t("invitation.action"), link: m.link },
        afterAction: [],
      };
      break;
    }
    case "nomination_invitation":
      layout = {
        subject: oneLine(t("nominationInvitation.subject", { cohort: m.cohortTitle })),
        paragraphs: [
          t("nominationInvitation.greeting", { name: m.name }),
          t(`nominationInvitation.body.${m.outcome}`, {
            tenant: m.tenantName,
            cohort: m.cohortTitle,
            position: m.waitlistPosition,
          }),
          t(m.sso ? "nominationInvitation.accountSso" : "nominationInvitation.account"),
          t("nominationInvitation.expires", {
            expiresAt: m.expiresAt,
            formatParams: { expiresAt: { timeZone: m.timeZone } },
          }),
        ],
        action: { label: t("nominationInvitation.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "application_decision":
      layout = {
        subject: oneLine(t(`application.subject.${m.outcome}`, { cohort: m.cohortTitle })),
        paragraphs: [
          t("application.greeting", { name: m.name }),
          t(`application.body.${m.outcome}`, {
            tenant: m.tenantName,
            cohort: m.cohortTitle,
            position: m.waitlistPosition ?? "",
          }),
        ],
        action: { label: t("application.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "team_published":
      layout = {
        subject: oneLine(t("teamPublished.subject", { cohort: m.cohortTitle, number: m.teamNumber })),
        paragraphs: [
          t("teamPublished.greeting", { name: m.name }),
          t("teamPublished.body", {
            name: m.name,
            tenant: m.tenantName,
            cohort: m.cohortTitle,
            number: m.teamNumber,
            role: t(`teamPublished.role.${m.role}`),
          }),
          t("teamPublished.teammates", { teammates: m.teammates }),
          m.ceremony
            ? t("teamPublished.ceremony", {
                startsAt: m.ceremony.startsAt,
                place: m.ceremony.place,
                formatParams: { startsAt: { timeZone: m.timeZone } },
              })
            : t("teamPublished.nextStep"),
        ],
        action: { label: t("teamPublished.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "event_tomorrow":
      layout = {
        subject: oneLine(t("eventTomorrow.subject", { cohort: m.cohortTitle, title: m.title })),
        paragraphs: [
          t("eventTomorrow.greeting", { name: m.name }),
          t(m.place ? "eventTomorrow.bodyAt" : "eventTomorrow.body", {
            title: m.title,
            place: m.place,
            startsAt: m.startsAt,
            formatParams: { startsAt: { timeZone: m.timeZone } },
          }),
        ],
        action: { label: t("eventTomorrow.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "team_nudge":
      layout = {
        subject: oneLine(t("teamNudge.subject", { cohort: m.cohortTitle, number: m.teamNumber })),
        paragraphs: [
          t("teamNudge.greeting", { name: m.name }),
          t("teamNudge.body", { number: m.teamNumber, days: m.silentDays }),
        ],
        action: { label: t("teamNudge.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "ceremony_scheduled": {
      const key = m.changed ? "changed" : "scheduled";
      layout = {
        subject: oneLine(t(`ceremony.subject.${key}`, { cohort: m.cohortTitle })),
        paragraphs: [
          t("ceremony.greeting", { name: m.name }),
          t(`ceremony.body.${key}`, {
            cohort: m.cohortTitle,
            startsAt: m.startsAt,
            place: m.place,
            formatParams: { startsAt: { timeZone: m.timeZone } },
          }),
        ],
        action: { label: t("ceremony.action"), link: m.link },
        afterAction: [],
      };
      break;
    }
    case "award_granted": {
      const values = { cohort: m.cohortTitle, number: m.teamNumber, award: m.award, prize: m.prize };
      layout = {
        subject: oneLine(t("awardGranted.subject", values)),
        paragraphs: [t("awardGranted.greeting", { name: m.name }), t("awardGranted.body", values)],
        action: { label: t("awardGranted.action"), link: m.link },
        afterAction: [],
      };
      break;
    }
    case "consent_withdrawn": {
      const values = { cohort: m.cohortTitle, name: m.name, number: m.teamNumber ?? 0 };
      layout = {
        subject: oneLine(t("myData.consentWithdrawn.subject", values)),
        paragraphs: [
          t("myData.consentWithdrawn.greeting", { recipient: m.recipient }),
          t(
            m.teamNumber === null ? "myData.consentWithdrawn.body" : "myData.consentWithdrawn.bodyTeam",
            values,
          ),
        ],
        action: { label: t("myData.consentWithdrawn.action"), link: m.link },
        afterAction: [],
      };
      break;
    }
    case "correction_requested":
      layout = {
        subject: oneLine(t("myData.correctionRequested.subject", { name: m.name })),
        paragraphs: [
          t("myData.correctionRequested.greeting", { recipient: m.recipient }),
          t("myData.correctionRequested.body", { name: m.name, field: m.field }),
        ],
        action: { label: t("myData.correctionRequested.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "correction_resolved":
      layout = {
        subject: oneLine(t("myData.correctionResolved.subject")),
        paragraphs: [
          t("myData.correctionResolved.greeting", { name: m.name }),
          t(`myData.correctionResolved.${m.outcome}`, { field: m.field, reason: m.reason ?? "" }),
        ],
        action: { label: t("myData.correctionResolved.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "board_proposal_updated": {
      const values = { cohort: m.cohortTitle, title: m.title };
      layout = {
        subject: oneLine(
          t("board.updated.subject", { title: m.title, status: t(`board.updated.statusWord.${m.status}`) }),
        ),
        paragraphs: [
          t("board.updated.greeting", { name: m.name }),
          t(`board.updated.${m.status}`, values),
          ...(m.reply ? [t("board.updated.reply", { reply: m.reply })] : []),
        ],
        action: { label: t("board.updated.action"), link: m.link },
        afterAction: [],
      };
      break;
    }
    case "certificate_issued":
      layout = {
        subject: oneLine(t("certificateIssued.subject", { cohort: m.cohortTitle, number: m.teamNumber })),
        paragraphs: [
          t("certificateIssued.greeting", { name: m.name }),
          t("certificateIssued.body", { cohort: m.cohortTitle, number: m.teamNumber }),
        ],
        action: { label: t("certificateIssued.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "assignment_set":
    case "assignment_due_soon":
    case "assignment_late": {
      const keys = {
        assignment_set: "set",
        assignment_due_soon: "dueSoon",
        assignment_late: "late",
      } as const;
      const key = keys[m.kind];
      layout = {
        subject: oneLine(t(`assignment.subject.${key}`, { cohort: m.cohortTitle, title: m.title })),
        paragraphs: [
          t("assignment.greeting", { name: m.name }),
          t(`assignment.body.${key}`, {
            title: m.title,
            dueAt: m.dueAt,
            formatParams: { dueAt: { timeZone: m.timeZone } },
          }),
        ],
        action: { label: t(`assignment.action.${key}`), link: m.link },
        afterAction: [],
      };
      break;
    }
    case "revision_requested":
      layout = {
        subject: oneLine(t("revisionRequested.subject", { cohort: m.cohortTitle, title: m.title })),
        paragraphs: [
          t("revisionRequested.greeting", { name: m.name }),
          t("revisionRequested.body", { title: m.title }),
          t("revisionRequested.comment", { comment: m.comment }),
        ],
        action: { label: t("revisionRequested.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "submission_featured":
      layout = {
        subject: oneLine(t("submissionFeatured.subject", { cohort: m.cohortTitle, title: m.title })),
        paragraphs: [
          t("submissionFeatured.greeting", { name: m.name }),
          t("submissionFeatured.body", { title: m.title }),
        ],
        action: { label: t("submissionFeatured.action"), link: m.link },
        afterAction: [],
      };
      break;
    case "survey_invitation":
    case "survey_reminder": {
      const key = m.kind === "survey_invitation" ? "surveyInvitation" : "surveyReminder";
      layout = {
        subject: oneLine(t(`${key}.subject`, { survey: m.surveyTitle, cohort: m.cohortTitle })),
        paragraphs: [
          t(`${key}.greeting`, { name: m.name }),
          t(`${key}.body`, {
            tenant: m.tenantName,
            cohort: m.cohortTitle,
            survey: m.surveyTitle,
            closesOn: m.closesOn,
          }),
        ],
        action: { label: t(`${key}.action`), link: m.link },
        afterAction: [t("survey.autosave")],
      };
      break;
    }
    case "access_review": {
      const kindName = (kind: string) => t(`accessReview.kind.${kind}` as "accessReview.kind.directory");
      const views = (title: string, listed: z.infer<typeof reviewedView>[], count: number) =>
        [
          title,
          ...(listed.length === 0 ? [t("accessReview.none")] : []),
          ...listed.map((view) =>
            t("accessReview.eventLine", {
              at: view.at,
              viewer: view.viewer,
              kind: kindName(view.kind),
              people: view.people,
              formatParams: { at: { timeZone: m.timeZone } },
            }),
          ),
          ...(count > listed.length ? [t("accessReview.more", { count: count - listed.length })] : []),
        ].join("\n");
      layout = {
        // "period", not "month": i18next hands a value's name to Intl as an option, and month is one.
        subject: oneLine(t("accessReview.subject", { period: m.month })),
        paragraphs: [
          t("accessReview.greeting", { name: m.name }),
          t("accessReview.body", { tenant: m.tenantName, period: m.month, views: m.views }),
          [
            t("accessReview.byKindTitle"),
            ...(m.byKind.length === 0 ? [t("accessReview.noViews")] : []),
            ...m.byKind.map((row) =>
              t("accessReview.byKindLine", {
                kind: kindName(row.kind),
                views: row.views,
                people: row.people,
              }),
            ),
          ].join("\n"),
          [
            t("accessReview.unusualTitle", { median: m.median }),
            ...(m.unusual.length === 0 ? [t("accessReview.none")] : []),
            ...m.unusual.map((row) => t("accessReview.unusualLine", row)),
          ].join("\n"),
          views(t("accessReview.exportsTitle", { count: m.exportCount }), m.exports, m.exportCount),
          views(
            t("accessReview.outOfHoursTitle", { count: m.outOfHoursCount }),
            m.outOfHours,
            m.outOfHoursCount,
          ),
        ],
        action: { label: t("accessReview.action"), link: m.link },
        afterAction: [t("accessReview.why")],
      };
      break;
    }
  }
  const shared = { locale: lng, linkFallback: t("linkFallback"), footer: t("footer") };
  return {
    subject: layout.subject,
    text: renderText(layout, shared),
    html: renderHtml(layout, shared),
  };
}
