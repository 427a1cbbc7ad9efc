import { type Criterion, criterionId, type Participant } from "./problem";

/**
 * Scores are kept as integers in millionths of a point, so sums are exact, the flow solver compares
 * integers, and the same input gives the same objective to the last digit.
 */
export const SCORE_UNIT = 1_000_000;

export const toPoints = (units: number) => Math.round(units) / SCORE_UNIT;

type PairValue = (mentor: number, mentee: number) => number;

interface PairCriterion {
  id: string;
  weight: number;
  value: PairValue;
}

/** A criterion on the people of one side of a team: how many pairs of them share an attribute. */
export interface DiversityCriterion {
  id: string;
  /** Weight in score units. */
  weightUnits: number;
  among: "mentors" | "mentees";
  attribute: "department" | "office" | "position" | "grade";
  /** Attribute code per mentor (or mentee) index; a missing value gets a code of its own. */
  codes: Int32Array;
}

/** One criterion's part of a pair's score: `value` in [0, 1] times the criterion's weight gives `points`. */
export interface PairCriterionPoints {
  criterionId: string;
  value: number;
  points: number;
}

export interface Scoring {
  pairCriterionIds: readonly string[];
  diversity: readonly DiversityCriterion[];
  /** Weighted pair score in score units (an integer). */
  pairUnits(mentor: number, mentee: number): number;
  /** Each pair criterion's value in [0, 1] and weighted points for this pair, in the criteria's order. */
  pairBreakdown(mentor: number, mentee: number): PairCriterionPoints[];
  /** Team-internal criteria in score units for a team of these mentors and mentees (indices). */
  teamInternalUnits(mentors: readonly number[], mentees: readonly number[]): number;
  teamInternalBreakdown(mentors: readonly number[], mentees: readonly number[]): Record<string, number>;
  /** The most a single pair can score, in units. */
  maxPairUnits: number;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** Penalty in units for each pair of same-attribute people in a team of `size` on that side. */
export function diversityPenaltyUnits(weightUnits: number, size: number): number {
  return size < 2 ? 0 : Math.floor(weightUnits / ((size * (size - 1)) / 2));
}

/** Diversity units of one side of a team: full weight minus the penalty per same-attribute pair. */
export function diversityUnits(criterion: DiversityCriterion, members: readonly number[]): number {
  const size = members.length;
  if (size < 2) return criterion.weightUnits;
  let same = 0;
  for (let a = 0; a < size; a++)
    for (let b = a + 1; b < size; b++)
      if (criterion.codes[members[a] as number] === criterion.codes[members[b] as number]) same++;
  return criterion.weightUnits - same * diversityPenaltyUnits(criterion.weightUnits, size);
}

/** Gives each distinct string a small integer; absent values get distinct negative codes. */
function encode(values: readonly (string | number | undefined)[]): Int32Array {
  const codes = new Int32Array(values.length);
  const known = new Map<string | number, number>();
  values.forEach((value, index) => {
    if (value === undefined || value === "") {
      codes[index] = -1 - index;
      return;
    }
    let code = known.get(value);
    if (code === undefined) {
      code = known.size;
      known.set(value, code);
    }
    codes[index] = code;
  });
  return codes;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Jaccard similarity of option sets, with bit masks when there are few distinct options. */
function setSimilarity(mentorSets: readonly string[][], menteeSets: readonly string[][]): PairValue {
  const options = new Map<string, number>();
  for (const set of [...mentorSets, ...menteeSets])
    for (const option of set) if (!options.has(option)) options.set(option, options.size);
  const sorted = (sets: readonly string[][]) =>
    sets.map((set) => Int32Array.from(new Set(set.map((option) => options.get(option) as number))).sort());
  const a = sorted(mentorSets);
  const b = sorted(menteeSets);
  if (options.size <= 31) {
    const mask = (codes: Int32Array) => codes.reduce((bits, code) => bits | (1 << code), 0);
    const aMask = Int32Array.from(a, mask);
    const bMask = Int32Array.from(b, mask);
    return (mentor, mentee) => {
      const x = aMask[mentor] as number;
      const y = bMask[mentee] as number;
      const union = popcount(x | y);
      return union === 0 ? 0 : popcount(x & y) / union;
    };
  }
  return (mentor, mentee) => {
    const x = a[mentor] as Int32Array;
    const y = b[mentee] as Int32Array;
    let i = 0;
    let j = 0;
    let common = 0;
    while (i < x.length && j < y.length) {
      const p = x[i] as number;
      const q = y[j] as number;
      if (p === q) {
        common++;
        i++;
        j++;
      } else if (p < q) i++;
      else j++;
    }
    const union = x.length + y.length - common;
    return union === 0 ? 0 : common / union;
  };
}

function numbers(people: readonly Participant[], read: (person: Participant) => number | undefined) {
  return Float64Array.from(people, (person) => read(person) ?? Number.NaN);
}

function rangeOf(...arrays: Float64Array[]): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const array of arrays)
    for (const value of array)
      if (!Number.isNaN(value)) {
        if (value < min) min = value;
        if (value > max) max = value;
      }
  return max > min ? { min, max } : { min: 0, max: 1 };
}

function answerValue(
  criterion: Extract<Criterion, { kind: "answer" }>,
  mentors: readonly Participant[],
  mentees: readonly Participant[],
): PairValue {
  const read = (person: Participant) => person.answers?.[criterion.question];
  const all = [...mentors, ...mentees].map(read).filter((answer) => answer !== undefined);
  const flip = criterion.mode === "complementary";
  if (all.some((answer) => Array.isArray(answer))) {
    const asSet = (person: Participant) => {
      const answer = read(person);
      return answer === undefined ? [] : Array.isArray(answer) ? answer : [String(answer)];
    };
    const similarity = setSimilarity(mentors.map(asSet), mentees.map(asSet));
    // A missing answer scores 0 either way: no evidence of fit.
    return flip
      ? (mentor, mentee) => {
          const x = read(mentors[mentor] as Participant);
          const y = read(mentees[mentee] as Participant);
          return x === undefined || y === undefined ? 0 : 1 - similarity(mentor, mentee);
        }
      : similarity;
  }
  if (all.length > 0 && all.every((answer) => typeof answer === "number")) {
    const a = numbers(mentors, (person) => read(person) as number | undefined);
    const b = numbers(mentees, (person) => read(person) as number | undefined);
    const { min, max } = criterion.scale ?? rangeOf(a, b);
    const width = max - min;
    return (mentor, mentee) => {
      const difference = Math.abs((a[mentor] as number) - (b[mentee] as number));
      if (Number.isNaN(difference)) return 0;
      return flip ? clamp01(difference / width) : clamp01(1 - difference / width);
    };
  }
  const codes = encode(
    [...mentors, ...mentees].map((person) => (read(person) as string | number) ?? undefined),
  );
  const offset = mentors.length;
  return (mentor, mentee) => {
    const x = codes[mentor] as number;
    const y = codes[offset + mentee] as number;
    if (x < 0 || y < 0) return 0;
    return (x === y) !== flip ? 1 : 0;
  };
}

function attributeOf(person: Participant, attribute: "department" | "office" | "position" | "grade") {
  return person[attribute];
}

function pairValue(
  criterion: Criterion,
  mentors: readonly Participant[],
  mentees: readonly Participant[],
): PairValue {
  const M = mentors.length;
  switch (criterion.kind) {
    case "answer":
      return answerValue(criterion, mentors, mentees);
    case "interest_overlap":
      return setSimilarity(
        mentors.map((person) => person.interests ?? []),
        mentees.map((person) => person.interests ?? []),
      );
    case "attribute": {
      const codes = encode(
        [...mentors, ...mentees].map((person) => attributeOf(person, criterion.attribute)),
      );
      const same = criterion.prefer === "same";
      return (mentor, mentee) => {
        const x = codes[mentor] as number;
        const y = codes[M + mentee] as number;
        if (x < 0 || y < 0) return 0;
        return (x === y) === same ? 1 : 0;
      };
    }
    case "grade_gap":
    case "years_gap": {
      const read =
        criterion.kind === "grade_gap"
          ? (person: Participant) => person.grade
          : (person: Participant) => person.yearsOfService;
      const a = numbers(mentors, read);
      const b = numbers(mentees, read);
      const sign = criterion.kind === "grade_gap" ? -1 : 1;
      const { ideal, range } = criterion;
      return (mentor, mentee) => {
        const gap = sign * ((a[mentor] as number) - (b[mentee] as number));
        return Number.isNaN(gap) ? 0 : clamp01(1 - Math.abs(gap - ideal) / range);
      };
    }
    case "diagnostic_complement": {
      const read = (person: Participant) => person.diagnostics?.[criterion.dimension];
      const a = numbers(mentors, read);
      const b = numbers(mentees, read);
      const { min, max } = criterion.scale ?? rangeOf(a, b);
      const width = max - min;
      return (mentor, mentee) => {
        const difference = (a[mentor] as number) - (b[mentee] as number);
        return Number.isNaN(difference) ? 0 : clamp01(difference / width);
      };
    }
    case "mentee_preference": {
      const mentorIndex = new Map(mentors.map((person, index) => [person.id, index]));
      const values = new Map<number, number>();
      mentees.forEach((mentee, e) => {
        const ranked = [...new Set(mentee.preferences ?? [])].filter((mentorId) => mentorIndex.has(mentorId));
        ranked.forEach((mentorId, rank) => {
          values.set(e * M + (mentorIndex.get(mentorId) as number), (ranked.length - rank) / ranked.length);
        });
      });
      return (mentor, mentee) => values.get(mentee * M + mentor) ?? 0;
    }
    case "pair_scores": {
      const mentorIndex = new Map(mentors.map((person, index) => [person.id, index]));
      const menteeIndex = new Map(mentees.map((person, index) => [person.id, index]));
      const { min, max } = criterion.scale;
      const normalise = (score: number) => clamp01((score - min) / (max - min));
      const missing = normalise(criterion.missing);
      const values = new Map<number, number>();
      for (const entry of criterion.scores) {
        const m = mentorIndex.get(entry.mentorId);
        const e = menteeIndex.get(entry.menteeId);
        if (m !== undefined && e !== undefined) values.set(e * M + m, normalise(entry.score));
      }
      return (mentor, mentee) => values.get(mentee * M + mentor) ?? missing;
    }
    case "team_diversity":
      throw new Error("team_diversity is a team criterion");
  }
}

/** Compiles the criteria for these mentors and mentees (in this order; indices refer to them). */
export function compileScoring(
  criteria: readonly Criterion[],
  mentors: readonly Participant[],
  mentees: readonly Participant[],
): Scoring {
  const pair: PairCriterion[] = [];
  const diversity: DiversityCriterion[] = [];
  for (const criterion of criteria) {
    if (criterion.weight === 0) continue;
    if (criterion.kind === "team_diversity") {
      const people = criterion.among === "mentors" ? mentors : mentees;
      diversity.push({
        id: criterionId(criterion),
        weightUnits: Math.round(criterion.weight * SCORE_UNIT),
        among: criterion.among,
        attribute: criterion.attribute,
        codes: encode(people.map((person) => attributeOf(person, criterion.attribute))),
      });
    } else
      pair.push({
        id: criterionId(criterion),
        weight: criterion.weight,
        value: pairValue(criterion, mentors, mentees),
      });
  }
  const weights = Float64Array.from(pair, (criterion) => criterion.weight);
  const values = pair.map((criterion) => criterion.value);
  const count = pair.length;
  const pairUnits = (mentor: number, mentee: number) => {
    let sum = 0;
    for (let c = 0; c < count; c++) sum += (weights[c] as number) * (values[c] as PairValue)(mentor, mentee);
    return Math.round(sum * SCORE_UNIT);
  };
  const teamInternalUnits = (mentorList: readonly number[], menteeList: readonly number[]) => {
    let sum = 0;
    for (const criterion of diversity)
      sum += diversityUnits(criterion, criterion.among === "mentors" ? mentorList : menteeList);
    return sum;
  };
  return {
    pairCriterionIds: pair.map((criterion) => criterion.id),
    diversity,
    pairUnits,
    pairBreakdown: (mentor, mentee) =>
      pair.map((criterion) => {
        const value = criterion.value(mentor, mentee);
        return {
          criterionId: criterion.id,
          value,
          points: toPoints(criterion.weight * value * SCORE_UNIT),
        };
      }),
    teamInternalUnits,
    teamInternalBreakdown: (mentorList, menteeList) =>
      Object.fromEntries(
        diversity.map((criterion) => [
          criterion.id,
          toPoints(diversityUnits(criterion, criterion.among === "mentors" ? mentorList : menteeList)),
        ]),
      ),
    maxPairUnits: Math.round(pair.reduce((sum, criterion) => sum + criterion.weight, 0) * SCORE_UNIT),
  };
}
