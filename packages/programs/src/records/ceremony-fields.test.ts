import { isAppError } from "@mentoring/domain";
import { describe, expect, it } from "vitest";
import { ceremonyFields } from "./ceremony-fields";

describe("the ceremony's fields", () => {
  const valid = {
    startsAt: new Date("2025-03-05T01:00:00Z"),
    place: " 시청 컨벤션홀 ",
    programme: "",
    gift: "",
  };

  it("are trimmed, and programme and gift may be empty", () => {
    expect(ceremonyFields(valid)).toEqual({ ...valid, place: "시청 컨벤션홀" });
  });

  it("name what is wrong with an error code and its limit", () => {
    const codeOf = (change: Partial<typeof valid>) => {
      try {
        ceremonyFields({ ...valid, ...change });
      } catch (error) {
        if (isAppError(error)) return [error.code, error.params];
        throw error;
      }
      return null;
    };
    expect(codeOf({ startsAt: new Date(Number.NaN) })).toEqual(["certificate.starts_at_invalid", {}]);
    expect(codeOf({ place: "" })).toEqual(["certificate.place_required", {}]);
    expect(codeOf({ place: "가".repeat(201) })).toEqual(["certificate.place_too_long", { max: 200 }]);
    expect(codeOf({ programme: "가".repeat(4001) })).toEqual([
      "certificate.programme_too_long",
      { max: 4000 },
    ]);
    expect(codeOf({ gift: "가".repeat(201) })).toEqual(["certificate.gift_too_long", { max: 200 }]);
    expect(
      codeOf({ place: "가".repeat(200), programme: "가".repeat(4000), gift: "가".repeat(200) }),
    ).toBeNull();
  });

  it("name the field each refusal is about, with its message, for a form to show it beside the field", () => {
    const fieldsOf = (change: Partial<typeof valid>) => {
      try {
        ceremonyFields({ ...valid, ...change });
      } catch (error) {
        if (isAppError(error)) return error.details.fields;
        throw error;
      }
      return null;
    };
    expect(fieldsOf({ place: " " })).toEqual([
      { path: "place", message: "certificates.error.placeRequired", params: {} },
    ]);
    expect(fieldsOf({ gift: "가".repeat(201) })).toEqual([
      { path: "gift", message: "certificates.error.giftTooLong", params: { max: 200 } },
    ]);
    expect(fieldsOf({ programme: "가".repeat(4001) })?.map((field) => field.path)).toEqual(["programme"]);
  });
});
