import { josa, numberToHangul } from "es-hangul";

/*
 * Formatters every i18next instance of the platform registers (web server and browser, mail, tests), so
 * that a message reads the same wherever it is rendered. i18next's own `datetime`, `number`, `currency`
 * and `list` formatters are built in; these are the ones it lacks: Korean particles and a zone's name.
 */

/** The particle pairs es-hangul chooses between; "과/와" is read as "와/과", in either order of writing. */
export const particlePairs = [
  "이/가",
  "을/를",
  "은/는",
  "와/과",
  "으로/로",
  "이나/나",
  "이란/란",
  "아/야",
  "이랑/랑",
  "이에요/예요",
  "으로서/로서",
  "으로써/로써",
  "으로부터/로부터",
  "이라/라",
] as const;
export type ParticlePair = (typeof particlePairs)[number];

const pairs = new Map<string, ParticlePair>(particlePairs.map((pair) => [pair, pair]));
pairs.set("과/와", "와/과");

/** Closing quotes and spaces after a word do not change how it ends: '열급'을. */
const TRAILING = /[\s'"’”」』]+$/u;
/** Trailing digits read to choose a particle: enough to decide the last syllable, few enough for Number(). */
const DIGITS_READ = 15;

/** How a value ends when read aloud: digits as a Sino-Korean number ("2025-01-22" → 이십이, "1990" → 천구백구십). */
function spokenEnding(value: string): string {
  const word = value.replace(TRAILING, "");
  const digits = /\d+$/.exec(word)?.[0];
  return digits ? numberToHangul(Number(digits.slice(-DIGITS_READ))) : word;
}

/**
 * `value` followed by the particle of `pair` that fits how it ends: withParticle("진단", "을/를") is
 * "진단을", withParticle("춘천시", "을/를") "춘천시를", withParticle("2099-01-01", "이/가") "2099-01-01이".
 * Throws a RangeError for a pair es-hangul does not know.
 */
export function withParticle(value: string, pair: string): string {
  const known = pairs.get(pair);
  if (!known) throw new RangeError(`unknown particle pair ${JSON.stringify(pair)}`);
  return value + josa.pick(spokenEnding(value), known);
}

const PAIR_OPTION = /^[가-힣]+\/[가-힣]+$/;

/**
 * `{{name, josa(을/를)}}`: the value with the Korean particle that fits it. i18next passes the text in
 * the parentheses as an option name (with the call's own options merged in), so the pair is the option
 * that looks like one.
 */
function josaFormatter(value: unknown, _lng: string | undefined, options: Record<string, unknown>): string {
  const pair = Object.keys(options ?? {}).find((name) => PAIR_OPTION.test(name));
  if (!pair) throw new RangeError("josa needs a particle pair, as in {{name, josa(을/를)}}");
  return withParticle(String(value), pair);
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

/**
 * `{{when, timeZoneName}}`: the short name of the zone a moment is shown in ("GMT+9", "GMT"), to write
 * beside `{{when, datetime(dateStyle: full; timeStyle: short)}}`, which Intl will not combine with a zone
 * name. The zone comes per call, as for `datetime`: `formatParams: { when: { timeZone } }`.
 */
function timeZoneNameFormatter(
  value: unknown,
  lng: string | undefined,
  options: Record<string, unknown>,
): string {
  const timeZone = typeof options?.timeZone === "string" ? options.timeZone : "UTC";
  const key = `${lng ?? ""} ${timeZone}`;
  let names = zoneNames.get(key);
  if (!names) {
    names = new Intl.DateTimeFormat(lng, { timeZone, timeZoneName: "short" });
    zoneNames.set(key, names);
  }
  const name = names.formatToParts(value as Date).find((part) => part.type === "timeZoneName")?.value;
  if (!name) throw new RangeError(`no name for time zone ${timeZone}`);
  return name;
}

/** The part of an i18next instance this needs, so that the package does not depend on i18next itself. */
export interface FormatterHost {
  services: {
    formatter?: {
      add(
        name: string,
        format: (value: unknown, lng: string | undefined, options: Record<string, unknown>) => string,
      ): void;
    };
  };
}

/** Adds the platform's formatters to an initialised i18next instance. */
export function addFormatters(i18n: FormatterHost): void {
  i18n.services.formatter?.add("josa", josaFormatter);
  i18n.services.formatter?.add("timeZoneName", timeZoneNameFormatter);
}

/**
 * The same as an i18next plugin, for `i18next.use(formatters).init(…)` and remix-i18next's `plugins`:
 * i18next calls a third-party module's `init` once its services, the formatter among them, exist.
 */
export const formatters = { type: "3rdParty", init: addFormatters } as const;
