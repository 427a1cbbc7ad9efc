import { fillBody } from "@mentoring/certificates";
import { builtinTemplate } from "@mentoring/domain";
import { describe, expect, it } from "vitest";
import { designOf, templateBody } from "./certificate-content";

describe("a template's certificate section as the printed design", () => {
  it("names the template's placeholders as the certificate package does", () => {
    expect(templateBody("{mentors} 멘토와 {mentees} 멘티는 {tenant} {program} {cohort} ({date})")).toBe(
      "{mentorNames} 멘토와 {menteeNames} 멘티는 {tenant} {program} {cohort} ({date})",
    );
  });

  it("fills the built-in wording with the certificate's own statements", () => {
    const design = designOf(builtinTemplate("new_official_mentoring"), {
      name: "최순희",
      title: "제1부시장",
    });
    expect(design.title).toBe("결연증서");
    expect(design.signer).toEqual({ name: "최순희", title: "제1부시장" });
    const body = fillBody(design.body, {
      serial: "0000-0000-0000-0000-0000-0000-0000" as never,
      tenant: { id: "aa42d107-5002-4dda-b2d4-ebb09f04aef0", name: "용인특례시" },
      program: "신규 공직자 멘토링",
      cohort: "1기",
      mentors: ["김민준"],
      mentees: ["이서연", "박지후"],
      date: "2025-03-05" as never,
      signer: { name: "최순희", title: "제1부시장" },
      issuedAt: "2025-03-05T03:00:00.000Z",
    });
    expect(body).toBe(
      "김민준 멘토와 이서연, 박지후 멘티는 용인특례시 신규 공직자 멘토링 1기의 멘토와 멘티로서 서로 믿고 함께 성장할 것을 약속하며 이에 결연합니다.",
    );
  });
});
