import { describe, expect, it } from "vitest";
import { gangneungTeams, logoPng, sealPng, yonginDesign, yonginPair } from "../test/fixtures";
import { certificateContentSchema } from "./certificate-content";
import { certificateDesignSchema, DEFAULT_BODY, DEFAULT_TITLE, fillBody } from "./certificate-design";

const fieldErrors = (input: unknown) => {
  const result = certificateDesignSchema.safeParse(input);
  if (result.success) throw new Error("expected the design to be refused");
  return result.error.flatten().fieldErrors;
};

describe("a certificate design", () => {
  it("accepts Yongin's design with its logo and seal", () => {
    const design = certificateDesignSchema.parse(yonginDesign());
    expect(design.title).toBe("결연증서");
    expect(design.seal).toEqual(sealPng());
    expect(design.logo).toEqual(logoPng());
  });

  it("needs only the signer: title, wording and labels have Korean defaults", () => {
    const design = certificateDesignSchema.parse({ signer: { name: "김영수", title: "부시장" } });
    expect(design).toMatchObject({
      title: DEFAULT_TITLE,
      body: DEFAULT_BODY,
      mentorLabel: "멘토",
      menteeLabel: "멘티",
    });
  });

  it("says which field is wrong and why", () => {
    const errors = fieldErrors({
      title: "  ",
      body: "{mentorName}님께 드립니다",
      logo: new TextEncoder().encode("GIF89a not a png"),
      signer: { name: "홍길동" },
    });
    expect(errors.title).toEqual(["title must not be empty"]);
    expect(errors.body?.[0]).toMatch(/unknown placeholders \{mentorName\}; use \{mentorNames\}/);
    expect(errors.logo).toEqual(["logo must be a PNG or JPEG image"]);
    expect(errors.signer).toEqual(["signer title is required"]);
  });

  it("refuses a stray brace, a missing signer and unknown fields", () => {
    expect(fieldErrors({ body: "{tenant} 결연 }", signer: { name: "a", title: "b" } }).body).toEqual([
      "body has a brace that opens or closes no placeholder",
    ]);
    expect(fieldErrors({}).signer).toEqual(["signer is required"]);
    const result = certificateDesignSchema.safeParse({ signer: { name: "a", title: "b" }, colour: "red" });
    expect(result.success).toBe(false);
  });

  it("fills the placeholders from the certificate, with the date as Koreans write it", () => {
    const content = certificateContentSchema.parse(gangneungTeams()[0]);
    const body = fillBody("{mentorNames} / {menteeNames} / {tenant} {program} {cohort} / {date}", content);
    expect(body).toBe(
      `${content.mentors.join(", ")} / ${content.mentees[0]} / 강릉시 리버스 멘토링 제2기 / 2025년 2월 21일`,
    );
  });

  it("names the program once when the cohort is named after it", () => {
    const content = certificateContentSchema.parse({
      ...yonginPair(),
      program: "신규 공직자 멘토링",
      cohort: "신규 공직자 멘토링 1기",
    });
    expect(fillBody(DEFAULT_BODY, content)).toContain(
      `${content.tenant.name} 신규 공직자 멘토링 1기에 멘토와 멘티로`,
    );
  });
});

describe("certificate content", () => {
  it("is kept in one form: names in NFC and trimmed, the instant in UTC with milliseconds", () => {
    const input = yonginPair();
    const content = certificateContentSchema.parse({
      ...input,
      mentors: [` ${"김민준".normalize("NFD")} `],
      issuedAt: "2025-04-15T10:00:00+09:00",
    });
    expect(content.mentors).toEqual(["김민준"]);
    expect(content.issuedAt).toBe("2025-04-15T01:00:00.000Z");
  });

  it("says which field is wrong", () => {
    const result = certificateContentSchema.safeParse({
      ...yonginPair(),
      serial: "31ZX-VSQE-CA86-42SQ-NKHF-D420-YWTY",
      mentees: [],
      date: "2025-02-30",
    });
    expect(result.success).toBe(false);
    const errors = result.success ? {} : result.error.flatten().fieldErrors;
    expect(errors.serial).toEqual(["serial has a typo (its check symbol does not match)"]);
    expect(errors.mentees).toEqual(["at least one mentee name is required"]);
    expect(errors.date?.[0]).toMatch(/real calendar date/);
  });
});
