import { describe, expect, it } from "vitest";
import {
  brandColorProblem,
  contrastRatio,
  isValidSlug,
  parseBusinessRegistrationNumber,
} from "./tenant-profile";

describe("an organisation's address on the platform", () => {
  it("is lower-case ASCII with inner hyphens", () => {
    expect(isValidSlug("yongin")).toBe(true);
    expect(isValidSlug("seoul-jongno")).toBe(true);
    expect(isValidSlug("Yongin")).toBe(false);
    expect(isValidSlug("-yongin")).toBe(false);
    expect(isValidSlug("용인")).toBe(false);
    expect(isValidSlug("y")).toBe(false);
  });

  it("cannot take a path the platform uses itself", () => {
    expect(isValidSlug("platform")).toBe(false);
    expect(isValidSlug("sign-in")).toBe(false);
  });
});

describe("a business registration number", () => {
  it("is accepted with or without hyphens when its check digit is right", () => {
    expect(parseBusinessRegistrationNumber("220-81-62517")).toBe("2208162517");
    expect(parseBusinessRegistrationNumber("1248100998")).toBe("1248100998");
  });

  it("is refused when a digit is wrong or it is too short", () => {
    expect(parseBusinessRegistrationNumber("220-81-62518")).toBeNull();
    expect(parseBusinessRegistrationNumber("12345")).toBeNull();
  });
});

describe("a brand colour", () => {
  it("must keep white header text readable (WCAG AA, 4.5:1)", () => {
    expect(brandColorProblem("#0b4f9c")).toBeNull();
    expect(brandColorProblem("#ffd400")).toBe("contrast");
    expect(brandColorProblem("blue")).toBe("format");
  });

  it("is measured as WCAG defines contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
