import { describe, expect, it } from "vitest";
import { composeEmail, type EmailMessage } from "./compose";

// The monthly access review mail, worded in each language: the month named as the reader's language names
// it, the totals, the lists with their times in the tenant's zone, and what was left out counted.

const review = (overrides: Partial<Extract<EmailMessage, { kind: "access_review" }>> = {}): EmailMessage => ({
  kind: "access_review",
  name: "이우진",
  tenantName: "강릉시",
  month: new Date("2026-11-01T00:00:00Z"),
  views: 3,
  byKind: [
    { kind: "applicant_list", views: 2, people: 40 },
    { kind: "applicant_export", views: 1, people: 400 },
  ],
  unusual: [{ viewer: "안명수", people: 400, views: 3 }],
  median: 20,
  exports: [
    { viewer: "안명수", kind: "applicant_export", people: 400, at: new Date("2026-11-07T12:30:00Z") },
  ],
  exportCount: 1,
  outOfHours: [
    { viewer: "안명수", kind: "applicant_export", people: 400, at: new Date("2026-11-07T12:30:00Z") },
  ],
  outOfHoursCount: 3,
  timeZone: "Asia/Seoul",
  link: "https://mentoring.example.kr/gangneung/admin/access-log?from=2026-11-01&to=2026-11-30",
  ...overrides,
});

describe("the access review mail", () => {
  it("words the month, the totals and the lists in Korean, times in the tenant's zone", () => {
    const mail = composeEmail(review(), "ko");
    expect(mail.subject).toBe("[개인정보 열람 기록] 2026년 11월 월간 점검 보고");
    expect(mail.text).toContain("강릉시의 2026년 11월 개인정보 열람 기록");
    expect(mail.text).toContain("· 신청자 명단 조회: 2건, 40명");
    expect(mail.text).toContain("중앙값 20명의 3배 초과");
    expect(mail.text).toContain("· 안명수: 400명을 3번에 걸쳐 열람");
    // 12:30 UTC is 21:30 in Seoul.
    expect(mail.text).toContain("21:30 안명수 — 신청자 명단 내려받기 (400명)");
    expect(mail.text).toContain("· 외 2건은 열람 기록 화면에서 확인하십시오.");
    expect(mail.html).toContain("white-space:pre-line");
  });

  it("words the same in English", () => {
    const mail = composeEmail(review(), "en");
    expect(mail.subject).toBe("[Access log] Monthly review for November 2026");
    expect(mail.text).toContain("· Applicant list viewed: 2 views, 40 people");
    expect(mail.text).toContain("· 2 more in the access log.");
  });

  it("says none where a month had nothing to list", () => {
    const mail = composeEmail(
      review({
        views: 0,
        byKind: [],
        unusual: [],
        exports: [],
        exportCount: 0,
        outOfHours: [],
        outOfHoursCount: 0,
      }),
      "ko",
    );
    expect(mail.text).toContain("· 열람 기록이 없습니다.");
    expect(mail.text).toContain("내려받기 0건\n· 없음");
  });
});
