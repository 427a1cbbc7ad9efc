import { defaultNamespace } from "@mentoring/i18n";
import type { ApplicantRow } from "@mentoring/programs";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../services/i18n.server";
import { inertCell, presentApplicantsFile } from "./applicants-file.server";

let ko: TFunction;

// The app's own translator, as its loaders and actions get it.
beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
});

const row: ApplicantRow = {
  applicationId: "a1",
  name: '=HYPERLINK("http://example.com")',
  employeeNumber: "Y2025-0001",
  department: "자치행정과",
  grade: 7,
  positionTitle: "주무관",
  role: "mentor",
  status: "waitlisted",
  waitlistPosition: 2,
  consentAt: null,
  submittedAt: new Date("2025-07-01T00:30:00Z"),
  nominated: false,
  rejectionReason: null,
};

describe("the applicants file", () => {
  it("writes a CSV Korean Excel opens as UTF-8, headers and values in the reader's language", async () => {
    const file = await presentApplicantsFile(
      { cohortTitle: "신규공무원 멘토링 2기", rows: [row] },
      { format: "csv", t: ko, locale: "ko", timeZone: "Asia/Seoul" },
    );
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, line] = new TextDecoder().decode(file.body.subarray(3)).split(/\r?\n/);
    expect(header).toContain("이름,직원번호,부서");
    expect(line).toContain("Y2025-0001");
    expect(line).toContain("멘토");
    expect(line).toContain("2025");
    expect(file.fileName).toBe("신규공무원 멘토링 2기 신청자.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
  });

  it("writes a cell Excel would run as a formula as text", async () => {
    expect(inertCell("=1+1")).toBe("'=1+1");
    expect(inertCell("-3")).toBe("'-3");
    expect(inertCell("홍길동")).toBe("홍길동");
    expect(inertCell(3)).toBe(3);
    const file = await presentApplicantsFile(
      { cohortTitle: "2기", rows: [row] },
      { format: "csv", t: ko, locale: "ko", timeZone: "Asia/Seoul" },
    );
    expect(new TextDecoder().decode(file.body)).toContain("'=HYPERLINK");
  });
});
