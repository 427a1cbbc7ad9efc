import type { searchAuditLog } from "@mentoring/tenants";
import type { TFunction } from "i18next";
import { formatDateTime, formatNumber } from "../services/format.server";

type AuditPage = Awaited<ReturnType<typeof searchAuditLog>>;
type AuditRow = AuditPage["rows"][number];
type Json = AuditRow["after"];

interface Formatting {
  locale: string;
  timeZone: string;
  t: TFunction;
  /** Names of the ids the rows hold, as searchAuditLog resolved them. */
  names: Record<string, string>;
}

/** One field of a change in words: what the page calls it, and its value before and after (when each is known). */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A field holding an id ("cohortId") or ids ("publishedRunIds"): named when the page can, left out otherwise. */
const ID_FIELD = /Ids?$/;
/** A field holding a storage key (logoKey, sealKey): only whether it is set means anything to a reader. */
const STORAGE_KEY_FIELD = /^(logo|seal)Key$/;
/** An instant as audit rows record it (ISO 8601). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const isPlainObject = (value: Json): value is { [key: string]: Json } =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** "businessRegistrationNumber" → "business registration number": a field the tables have no label for yet. */
const spelledOut = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();

function fieldLabel(key: string, t: TFunction): string {
  return t(`auditField.${key}`, { defaultValue: spelledOut(key) });
}

/** A recorded word (a status, a role, who moved it) as the pages elsewhere word it. */
function wordFor(field: string, value: string, entityType: string, t: TFunction): string {
  const lookups: string[] = [];
  if (field === "status") {
    if (entityType === "cohort") lookups.push(`programs.status.${value}`);
    if (entityType === "application") lookups.push(`recruitment.status.${value}`);
    if (entityType === "certificate_batch") lookups.push(`certificates.batch.status.${value}`);
  }
  if (field === "subscriptionStatus") lookups.push(`billing.status.${value}`);
  if (field === "role" || field === "roles") lookups.push(`programs.role.${value}`, `role.${value}`);
  lookups.push(`auditValue.${value}`);
  for (const key of lookups) {
    const text = t(key, { defaultValue: "" });
    if (text !== "") return text;
  }
  return value;
}

/**
 * One recorded value in words, or null when it should not be shown: an id the page cannot name. Lists of
 * words are joined; lists of records are counted.
 */
function valueInWords(field: string, value: Json, row: AuditRow, f: Formatting): string | null {
  const { t, locale, timeZone, names } = f;
  if (value === null) return t("audit.empty");
  if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "string") {
    if (ID_FIELD.test(field)) return names[value] ?? null;
    if (STORAGE_KEY_FIELD.test(field)) return t("audit.set");
    if (INSTANT.test(value)) return formatDateTime(new Date(value), locale, timeZone);
    return wordFor(field, value, row.entityType, t);
  }
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === "string" || typeof item === "number")) {
      const words = value
        .map((item) => valueInWords(field, item, row, f))
        .filter((word): word is string => word !== null);
      if (words.length === 0) return value.length === 0 ? t("audit.empty") : null;
      return words.join(", ");
    }
    return t("audit.items", { count: value.length });
  }
  return t("audit.changed");
}

/**
 * A change's fields, flattened one level where a part is a small record of plain values ("signer" →
 * "서명자 · 이름"); larger parts (a template's question sets) are said to have changed.
 */
function flatten(value: Json, prefix: string[] = []): Map<string, { path: string[]; value: Json }> {
  const fields = new Map<string, { path: string[]; value: Json }>();
  if (!isPlainObject(value)) return fields;
  for (const [key, inner] of Object.entries(value)) {
    const path = [...prefix, key];
    const small =
      isPlainObject(inner) &&
      prefix.length === 0 &&
      Object.values(inner).every((part) => !isPlainObject(part));
    if (small) for (const [name, field] of flatten(inner, path)) fields.set(name, field);
    else fields.set(path.join("."), { path, value: inner ?? null });
  }
  return fields;
}

/** A row's before and after as fields in words, in the order the row recorded them. */
export function auditChanges(row: AuditRow, f: Formatting): AuditChange[] {
  const before = flatten(row.before);
  const after = flatten(row.after);
  const names = [...new Set([...after.keys(), ...before.keys()])];
  return names.flatMap((name) => {
    const field = (after.get(name) ?? before.get(name)) as { path: string[] };
    const last = field.path[field.path.length - 1] as string;
    const was = before.has(name) ? valueInWords(last, before.get(name)?.value ?? null, row, f) : null;
    const now = after.has(name) ? valueInWords(last, after.get(name)?.value ?? null, row, f) : null;
    if (was === null && now === null) return [];
    return [
      {
        field: field.path.map((part) => fieldLabel(part, f.t)).join(" · "),
        // An unchanged value (the pair a rule is about) is said once.
        before: was === now ? null : was,
        after: now,
      },
    ];
  });
}

/**
 * Audit rows as the audit page lists them: the time worded, the record they are about named (its kind,
 * and its name where the page can tell), and the change as fields and values in words.
 */
export function presentAuditRows(rows: AuditPage["rows"], f: Formatting) {
  return rows.map((row) => {
    const kind = f.t(`auditEntity.${row.entityType}`, { defaultValue: spelledOut(row.entityType) });
    const name = row.entityId ? f.names[row.entityId] : undefined;
    return {
      id: row.id,
      at: formatDateTime(row.at, f.locale, f.timeZone, { dateStyle: "medium", timeStyle: "medium" }),
      action: row.action,
      entity: name ? `${kind} · ${name}` : kind,
      actor: row.actor,
      changes: auditChanges(row, f),
    };
  });
}
