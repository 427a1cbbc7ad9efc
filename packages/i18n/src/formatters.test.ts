import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { formatters, withParticle } from "./formatters";
import { defaultNamespace, resources } from "./resources";

describe("withParticle", () => {
  it("picks the particle by whether the word ends in a final consonant", () => {
    expect(withParticle("진단", "을/를")).toBe("진단을");
    expect(withParticle("춘천시", "을/를")).toBe("춘천시를");
    expect(withParticle("박지훈", "은/는")).toBe("박지훈은");
    expect(withParticle("김서연", "이/가")).toBe("김서연이");
    expect(withParticle("멘토", "이/가")).toBe("멘토가");
  });

  it("reads 으로/로 with ㄹ as a vowel, and takes 과/와 in either order", () => {
    expect(withParticle("멘티", "으로/로")).toBe("멘티로");
    expect(withParticle("서울", "으로/로")).toBe("서울로");
    expect(withParticle("팀장", "으로/로")).toBe("팀장으로");
    expect(withParticle("진단", "과/와")).toBe("진단과");
    expect(withParticle("멘토", "와/과")).toBe("멘토와");
  });

  it("reads digits as a Korean number", () => {
    expect(withParticle("2099-01-01", "이/가")).toBe("2099-01-01이");
    expect(withParticle("1990", "이/가")).toBe("1990이");
    expect(withParticle("2024.03.02", "을/를")).toBe("2024.03.02를");
    expect(withParticle("제3", "은/는")).toBe("제3은");
    expect(withParticle("12345678901234567890", "이/가")).toBe("12345678901234567890이");
  });

  it("looks through closing quotes", () => {
    expect(withParticle("'열급'", "을/를")).toBe("'열급'을");
  });

  it("refuses a pair it does not know", () => {
    expect(() => withParticle("진단", "을(를)")).toThrow(RangeError);
  });
});

describe("the josa formatter in i18next", () => {
  it("words a message with the particle its value needs", async () => {
    const i18n = createInstance();
    await i18n.use(formatters).init({
      lng: "ko",
      resources: { ko: { translation: { approved: "{{organisation, josa(을/를)}} 승인했습니다." } } },
      interpolation: { escapeValue: false },
    });
    // The message is this test's own, not one of the typed resources' keys.
    const t = i18n.t as (key: string, options: Record<string, string>) => string;
    expect(t("approved", { organisation: "춘천시" })).toBe("춘천시를 승인했습니다.");
    expect(t("approved", { organisation: "용인특례시청" })).toBe("용인특례시청을 승인했습니다.");
  });
});

describe("Korean messages with particles", () => {
  it("read right for values ending with and without a final consonant", async () => {
    const i18n = createInstance();
    await i18n.use(formatters).init({ lng: "ko", resources, defaultNS: defaultNamespace });
    const t = i18n.getFixedT("ko");
    expect(t("onboarding.applications.approved", { organisation: "춘천시", email: "a@b.kr" })).toBe(
      "춘천시를 승인했습니다. a@b.kr 주소로 관리자 초대를 보냈습니다.",
    );
    expect(t("directory.error.date_in_future", { value: "2099-01-01" })).toBe(
      "임용일 2099-01-01이 오늘 이후입니다",
    );
    expect(t("programs.transition.no_accepted", { role: "멘토" })).toBe("선정된 멘토가 없습니다");
    expect(t("programs.transition.no_accepted", { role: "관리자" })).toBe("선정된 관리자가 없습니다");
    expect(t("programs.transition.no_accepted", { role: "팀장" })).toBe("선정된 팀장이 없습니다");
    expect(
      t("surveyInvitation.body", {
        ns: "email",
        tenant: "강릉시",
        cohort: "2기",
        survey: "진단",
        closesOn: "3월 1일",
      }),
    ).toContain("매칭을 위한 진단을 시작합니다");
  });

  it("use the plural form that i18next picks in each language", async () => {
    const i18n = createInstance();
    await i18n.use(formatters).init({ lng: "ko", resources, defaultNS: defaultNamespace });
    expect(i18n.getFixedT("ko")("matching.summary.people", { count: 1 })).toBe("1명");
    expect(i18n.getFixedT("en")("matching.summary.people", { count: 1 })).toBe("1 person");
    expect(i18n.getFixedT("en")("matching.summary.people", { count: 2 })).toBe("2 people");
    expect(i18n.getFixedT("en")("matching.error.violations", { count: 1 })).toBe(
      "1 rule is broken, so nothing was published.",
    );
  });
});
