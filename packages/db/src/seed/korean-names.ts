import type { Random } from "./seeded-random";

/**
 * Fictional Korean names for seed data: a common surname (weighted roughly by how often it occurs) and a
 * two-syllable given name typical of the person's birth cohort. Any resemblance to a real official is
 * coincidence.
 */

export interface Surname {
  hangul: string;
  /** The spelling most families use in passports, not the strict Revised Romanization. */
  roman: string;
  /** Relative frequency, in tenths of a percent of the population. */
  weight: number;
}

export const SURNAMES: readonly Surname[] = [
  { hangul: "김", roman: "kim", weight: 215 },
  { hangul: "이", roman: "lee", weight: 147 },
  { hangul: "박", roman: "park", weight: 84 },
  { hangul: "최", roman: "choi", weight: 47 },
  { hangul: "정", roman: "jung", weight: 43 },
  { hangul: "강", roman: "kang", weight: 23 },
  { hangul: "조", roman: "cho", weight: 21 },
  { hangul: "윤", roman: "yoon", weight: 21 },
  { hangul: "장", roman: "jang", weight: 20 },
  { hangul: "임", roman: "lim", weight: 17 },
  { hangul: "한", roman: "han", weight: 15 },
  { hangul: "오", roman: "oh", weight: 15 },
  { hangul: "서", roman: "seo", weight: 15 },
  { hangul: "신", roman: "shin", weight: 15 },
  { hangul: "권", roman: "kwon", weight: 14 },
  { hangul: "황", roman: "hwang", weight: 14 },
  { hangul: "안", roman: "ahn", weight: 13 },
  { hangul: "송", roman: "song", weight: 13 },
  { hangul: "류", roman: "ryu", weight: 12 },
  { hangul: "홍", roman: "hong", weight: 11 },
  { hangul: "전", roman: "jeon", weight: 11 },
  { hangul: "고", roman: "ko", weight: 9 },
  { hangul: "문", roman: "moon", weight: 9 },
  { hangul: "손", roman: "son", weight: 9 },
  { hangul: "양", roman: "yang", weight: 8 },
  { hangul: "배", roman: "bae", weight: 8 },
  { hangul: "백", roman: "baek", weight: 7 },
  { hangul: "허", roman: "heo", weight: 6 },
  { hangul: "남", roman: "nam", weight: 5 },
  { hangul: "노", roman: "noh", weight: 4 },
];

/** Given names common among people born before 1975. */
// biome-ignore format: a packed table is easier to scan than one entry a line
const GIVEN_NAMES_BEFORE_1975 = [
  "영수", "영호", "영철", "정호", "성호", "상철", "명수", "광수", "종수", "재호", "성훈", "상우",
  "동욱", "병철", "승호", "기현", "태식", "진호", "영숙", "정숙", "미경", "영희", "경희", "은숙",
  "미숙", "현숙", "정희", "미영", "혜숙", "선희", "경숙", "은희", "순희", "명희",
] as const;

/** Given names common among people born 1975-1989. */
// biome-ignore format: a packed table is easier to scan than one entry a line
const GIVEN_NAMES_1975_TO_1989 = [
  "지훈", "성민", "현우", "준호", "민수", "동현", "상현", "재훈", "정민", "영민", "진우", "승민",
  "태호", "민호", "성준", "지현", "은정", "수진", "지영", "혜진", "미진", "은영", "선영", "지은",
  "혜영", "수연", "보람", "민정", "은주", "소영", "현정", "유진", "나영",
] as const;

/** Given names common among people born from 1990 on. */
// biome-ignore format: a packed table is easier to scan than one entry a line
const GIVEN_NAMES_FROM_1990 = [
  "준영", "민혁", "승우", "성현", "재원", "민석", "지환", "태현", "준혁", "상민", "우진", "도현",
  "건우", "현준", "지원", "수빈", "민지", "예진", "혜린", "수정", "다혜", "은지", "보영", "지혜",
  "가영", "하영", "소희", "민경", "예슬", "다솜", "아름", "채은", "서영", "유나",
] as const;

export function givenNamesFor(birthYear: number | null): readonly string[] {
  if (birthYear === null) return GIVEN_NAMES_1975_TO_1989;
  if (birthYear < 1975) return GIVEN_NAMES_BEFORE_1975;
  if (birthYear < 1990) return GIVEN_NAMES_1975_TO_1989;
  return GIVEN_NAMES_FROM_1990;
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
// biome-ignore format: a packed table is easier to scan than one entry a line
const INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
// biome-ignore format: a packed table is easier to scan than one entry a line
const MEDIALS = [
  "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
  "eu", "ui", "i",
];
// biome-ignore format: a packed table is easier to scan than one entry a line
const FINALS = [
  "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
  "t", "t", "k", "t", "p", "t",
];

/**
 * Revised Romanization of Hangul, syllable by syllable (the way given names are usually written, without
 * the sound changes applied across syllables): 서연 → "seoyeon", 민준 → "minjun". Other characters pass
 * through unchanged.
 */
export function romanizeHangul(text: string): string {
  let result = "";
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < HANGUL_FIRST || code > HANGUL_LAST) {
      result += character;
      continue;
    }
    const offset = code - HANGUL_FIRST;
    result +=
      (INITIALS[Math.floor(offset / 588)] ?? "") +
      (MEDIALS[Math.floor((offset % 588) / 28)] ?? "") +
      (FINALS[offset % 28] ?? "");
  }
  return result;
}

export interface KoreanName {
  /** Full name in Hangul, surname first: 김민준. */
  name: string;
  surname: Surname;
  givenName: string;
  /** ASCII given name, e.g. "minjun". */
  givenNameRoman: string;
}

const ATTEMPTS_FOR_A_NEW_NAME = 50;

/**
 * Draws names from `random`, avoiding names it has already handed out when it can (with about a thousand
 * combinations per birth cohort, a directory of a few hundred people gets unique names).
 */
export function createNameSource(random: Random): (birthYear: number | null) => KoreanName {
  const used = new Set<string>();
  const surnameWeights = SURNAMES.map((surname) => [surname, surname.weight] as const);
  return (birthYear) => {
    const givenNames = givenNamesFor(birthYear);
    let drawn: KoreanName | undefined;
    for (let attempt = 0; attempt < ATTEMPTS_FOR_A_NEW_NAME; attempt += 1) {
      const surname = random.weighted(surnameWeights);
      const givenName = random.pick(givenNames);
      drawn = {
        name: surname.hangul + givenName,
        surname,
        givenName,
        givenNameRoman: romanizeHangul(givenName),
      };
      if (!used.has(drawn.name)) break;
    }
    const name = drawn as KoreanName;
    used.add(name.name);
    return name;
  };
}
