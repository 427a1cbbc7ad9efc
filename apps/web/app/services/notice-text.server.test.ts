import { describe, expect, it } from "vitest";
import { translatorIn } from "./i18n.server";
import { noticeText } from "./notice-text.server";

// The notices of a person's rights, worded when read: who withdrew and from which team, for the
// coordinators; the field and the outcome of a correction request, for the person who asked.
describe("the wording of a person's rights notices", () => {
  const ko = translatorIn("ko");
  const en = translatorIn("en");
  const zone = "Asia/Seoul";

  it("tells the coordinators who withdrew their consent and which team they left", () => {
    const params = { cohortTitle: "거꾸로 멘토링 2기", name: "이승우", teamNumber: 4 };
    expect(noticeText({ kind: "consent_withdrawn", params }, ko, "ko", zone)).toBe(
      "이승우 님이 거꾸로 멘토링 2기 참여 동의를 철회하여 4팀에서 빠졌습니다. 팀 구성을 확인해 주세요.",
    );
    expect(
      noticeText({ kind: "consent_withdrawn", params: { ...params, teamNumber: null } }, en, "en", zone),
    ).toBe("이승우 withdrew their consent for 거꾸로 멘토링 2기: their application is withdrawn.");
  });

  it("tells the person the outcome of their correction request, naming the field in their language", () => {
    expect(
      noticeText(
        { kind: "correction_resolved", params: { field: "position_title", outcome: "applied" } },
        ko,
        "ko",
        zone,
      ),
    ).toBe("요청하신 직위 정정이 직원 명부에 반영되었습니다.");
    expect(
      noticeText(
        { kind: "correction_resolved", params: { field: "phone", outcome: "declined" } },
        en,
        "en",
        zone,
      ),
    ).toBe("Your correction request (Phone) was declined. The reason is on your My data page.");
  });

  it("says the kind's name for values it cannot read, rather than fail the page", () => {
    expect(noticeText({ kind: "correction_resolved", params: { field: "salary" } }, ko, "ko", zone)).toBe(
      "정보 정정 요청 처리",
    );
  });
});
