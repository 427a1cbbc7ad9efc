/**
 * The columns of a directory file and the headers that name them. HR systems and people write headers in
 * Korean or English, with varying case and spacing, so headers are compared after `headerKey`.
 */
export const directoryFields = [
  "employeeNumber",
  "name",
  "department",
  "grade",
  "positionTitle",
  "hireDate",
  "email",
  "phone",
  "birthYear",
  "parentDepartment",
  "supervisorEmployeeNumber",
] as const;
export type DirectoryField = (typeof directoryFields)[number];

/** Every row must have these; the others may be left out of the file or blank. */
export const requiredFields: readonly DirectoryField[] = [
  "employeeNumber",
  "name",
  "department",
  "grade",
  "positionTitle",
  "hireDate",
];

const HEADERS: Record<DirectoryField, readonly string[]> = {
  employeeNumber: ["사번", "직원번호", "employee number", "employee no", "employee id"],
  name: ["성명", "이름", "name"],
  department: ["부서", "부서명", "부서코드", "department", "department code", "department name"],
  grade: ["직급", "grade"],
  positionTitle: ["직위", "직책", "position", "position title"],
  hireDate: ["임용일", "임용일자", "hire date"],
  email: ["이메일", "전자우편", "e-mail", "email"],
  phone: ["전화", "전화번호", "휴대전화", "휴대폰", "phone", "mobile"],
  birthYear: ["출생연도", "birth year"],
  parentDepartment: [
    "상위부서",
    "상위부서명",
    "상위부서코드",
    "parent department",
    "parent department code",
    "parent department name",
  ],
  supervisorEmployeeNumber: ["상급자사번", "상급자", "supervisor employee number", "supervisor"],
};

/**
 * What a header is compared by: full-width forms folded (NFKC), lower case, without spaces, underscores,
 * hyphens and a trailing required-marker "*". "Employee Number", "employee_number" and "employeeNumber" agree.
 */
export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-*]+/g, "");
}

const FIELD_BY_KEY = new Map<string, DirectoryField>(
  directoryFields.flatMap((field) => HEADERS[field].map((header) => [headerKey(header), field] as const)),
);

export function fieldOfHeader(header: string): DirectoryField | undefined {
  return FIELD_BY_KEY.get(headerKey(header));
}

/**
 * A problem with the file as a whole; `code` is translated as `directory.fileError.<code>`. What it
 * carries is bounded whatever the file holds: a few headers, each cut short, never a parser's message.
 */
export interface FileError {
  code:
    | "unsupported_format"
    /** A CSV the parser gave up on (e.g. a quote never closed); `row` where it stopped, when known. */
    | "unreadable"
    /** A file with a workbook's signature that is not a readable workbook (damaged, cut short, not Excel). */
    | "damaged_workbook"
    | "empty"
    | "missing_columns"
    | "unknown_columns"
    | "duplicate_columns"
    /** More data rows than the plan allows: reading stopped at `row`, the first beyond `limit`. */
    | "too_many_rows"
    /** A row (`row`, 1 for the header) with cells beyond the plan's `limit` of columns. */
    | "too_many_columns"
    /** A CSV row longer than any directory row could be (`row`): reading stopped there. */
    | "row_too_long";
  params?: {
    /** missing_columns: the fields (translated as `directory.field.<field>`). */
    fields?: DirectoryField[];
    /** unknown_columns, duplicate_columns: the first headers as written, each cut short. */
    headers?: string[];
    /** How many headers there are beyond those listed. */
    more?: number;
    row?: number;
    limit?: number;
  };
}

/** Headers listed in a file error at most, and the characters shown of each. */
export const HEADERS_LISTED = 10;
const HEADER_SHOWN_CHARS = 40;

function listed(headers: readonly string[]): { headers: string[]; more?: number } {
  const shown = headers
    .slice(0, HEADERS_LISTED)
    .map((header) =>
      header.length > HEADER_SHOWN_CHARS ? `${header.slice(0, HEADER_SHOWN_CHARS)}…` : header,
    );
  return headers.length > HEADERS_LISTED
    ? { headers: shown, more: headers.length - HEADERS_LISTED }
    : { headers: shown };
}

/** Which column (0-based) holds which field, or the file-level errors that make the header unusable. */
export type ColumnMap =
  | { ok: true; columns: Map<DirectoryField, number> }
  | { ok: false; errors: FileError[] };

/**
 * Maps the header row to fields. Unknown headers are refused rather than ignored: a misspelt "이매일" column
 * would otherwise drop every address silently. Blank header cells (trailing empty columns) are ignored.
 */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const columns = new Map<DirectoryField, number>();
  const unknown: string[] = [];
  const duplicated = new Set<string>();
  headers.forEach((header, index) => {
    if (header.trim() === "") return;
    const field = fieldOfHeader(header);
    if (!field) unknown.push(header.trim());
    else if (columns.has(field)) duplicated.add(header.trim());
    else columns.set(field, index);
  });
  const errors: FileError[] = [];
  const missing = requiredFields.filter((field) => !columns.has(field));
  if (columns.size === 0 && unknown.length === 0) return { ok: false, errors: [{ code: "empty" }] };
  if (missing.length > 0) errors.push({ code: "missing_columns", params: { fields: missing } });
  if (unknown.length > 0) errors.push({ code: "unknown_columns", params: listed(unknown) });
  if (duplicated.size > 0) errors.push({ code: "duplicate_columns", params: listed([...duplicated]) });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}
