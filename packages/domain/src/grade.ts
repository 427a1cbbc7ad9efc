/** Korean public-official grades (급): 1 is the most senior, 9 the most junior. */
export type Grade = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * `grade: null` is a recognised non-graded post (연구관, 지도사, …), which is different from text we could
 * not read: an import should accept the first and ask a person about the second.
 */
export type GradeParse = { ok: true; grade: Grade | null } | { ok: false; reason: "empty" | "unrecognised" };

/**
 * Rank titles and their grades, longest first. The text must end with the title, so 서기보 and 서기관 never
 * match 서기, nor 주사보 주사; only 부이사관 also ends with a shorter title (이사관), and longest first settles it.
 */
const RANK_TITLES: readonly (readonly [title: string, grade: Grade])[] = [
  ["부이사관", 3],
  ["관리관", 1],
  ["이사관", 2],
  ["서기관", 4],
  ["사무관", 5],
  ["주사보", 7],
  ["서기보", 9],
  ["주사", 6],
  ["서기", 8],
];

/** Research and extension posts (연구직, 지도직) and 전문경력관 have no grade. */
const NON_GRADED_TITLES = ["연구관", "연구사", "지도관", "지도사", "전문경력관"];

const HANGUL_ONLY = /^[가-힣]+$/;
/** "8급", "8", or a job-series prefix before the number: "행정8급", "지방행정8급". */
const NUMBERED_GRADE = /^(?:[가-힣]*([1-9])급|([1-9]))$/;

/**
 * Reads a grade from a directory or a form: "8급", "9 급", "８급", "지방행정8급", or a rank title with an
 * optional 지방 and job-series (직렬) prefix such as "지방행정주사보" (7) or "지방전산서기보" (9).
 */
export function parseGrade(text: string): GradeParse {
  // NFKC turns full-width digits and spaces into ASCII ones; spaces carry no meaning in these titles.
  const normalised = text.normalize("NFKC").replace(/\s+/g, "");
  if (normalised === "") return { ok: false, reason: "empty" };

  const numbered = NUMBERED_GRADE.exec(normalised);
  if (numbered) return { ok: true, grade: Number(numbered[1] ?? numbered[2]) as Grade };

  if (HANGUL_ONLY.test(normalised)) {
    if (NON_GRADED_TITLES.some((title) => normalised.endsWith(title))) return { ok: true, grade: null };
    const rank = RANK_TITLES.find(([title]) => normalised.endsWith(title));
    if (rank) return { ok: true, grade: rank[1] };
  }
  return { ok: false, reason: "unrecognised" };
}
