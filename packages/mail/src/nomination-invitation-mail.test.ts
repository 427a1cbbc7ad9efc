import { describe, expect, it } from "vitest";
import { composeEmail, type EmailMessage, InvalidEmailMessageError } from "./compose";

const link = "https://mentoring.example.kr/join/gangneung/Qw8_def-456";

const nomination = (overrides: Partial<Extract<EmailMessage, { kind: "nomination_invitation" }>> = {}) =>
  ({
    kind: "nomination_invitation",
    name: "김하늘",
    tenantName: "강릉시",
    cohortTitle: "거꾸로 멘토링 2기",
    outcome: "accepted",
    sso: false,
    link,
    // 09:05 UTC is 18:05 in Seoul.
    expiresAt: new Date("2026-12-20T09:05:00Z"),
    timeZone: "Asia/Seoul",
    ...overrides,
  }) satisfies EmailMessage;

describe("the invitation a nominee without an account gets", () => {
  it("names the cohort, asks them to set a password, and says until when the one-time link works", () => {
    const mail = composeEmail(nomination(), "ko");
    expect(mail.subject).toBe("[거꾸로 멘토링 2기] 참여 추천 안내: 계정을 만들고 답해 주십시오");
    expect(mail.text).toContain("김하늘 님, 안녕하십니까.");
    expect(mail.text).toContain(
      "강릉시 주관부서에서 귀하를 거꾸로 멘토링 2기에 추천하여 자리가 배정되었습니다.",
    );
    expect(mail.text).toContain("비밀번호를 정해 계정을 만드시면");
    expect(mail.text).toContain("한 번만 쓸 수 있으며 2026년 12월 20일 일요일 18:05 (GMT+9)까지 유효합니다");
    expect(mail.text.split("\n")).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
  });

  it("gives a waitlisted nominee their place in the line", () => {
    const mail = composeEmail(nomination({ outcome: "waitlisted", waitlistPosition: 3 }), "ko");
    expect(mail.text).toContain("대기자 3번으로 접수되었습니다");
  });

  it("offers the organisation's single sign-on where it has one", () => {
    const mail = composeEmail(nomination({ sso: true }), "ko");
    expect(mail.text).toContain("통합 로그인(SSO)으로 로그인하거나 비밀번호를 정해");
    expect(composeEmail(nomination(), "ko").text).not.toContain("SSO");
  });

  it("is worded in English for an English reader", () => {
    const mail = composeEmail(nomination({ tenantName: "Gangneung City" }), "en");
    expect(mail.subject).toBe("[거꾸로 멘토링 2기] You have been nominated: create your account to answer");
    expect(mail.text).toContain(
      "The coordinators of Gangneung City have nominated you for 거꾸로 멘토링 2기",
    );
    expect(mail.text).toContain("The link can be used once, until Sunday, December 20, 2026");
  });

  it("is refused without a link that a browser can open", () => {
    expect(() => composeEmail(nomination({ link: "/join/gangneung/abc" }), "ko")).toThrow(
      InvalidEmailMessageError,
    );
  });
});
