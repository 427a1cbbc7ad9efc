import { describe, expect, it } from "vitest";
import { isLate, submissionLinkSchema, submissionRefusal } from "./submission";

const due = new Date("2026-03-25T14:59:00Z");
const before = new Date("2026-03-20T01:00:00Z");
const after = new Date("2026-03-26T01:00:00Z");

describe("handing in an assignment", () => {
  it("takes a first submission before the due moment, and after it (late)", () => {
    expect(submissionRefusal(null, due, before)).toBeNull();
    expect(submissionRefusal(null, due, after)).toBeNull();
    expect(isLate(after, due)).toBe(true);
    expect(isLate(before, due)).toBe(false);
  });

  it("takes a revision until the due moment, and not after it unless the coordinator asked", () => {
    expect(submissionRefusal({ status: "submitted" }, due, before)).toBeNull();
    expect(submissionRefusal({ status: "submitted" }, due, after)).toBe("submission.due_passed");
    expect(submissionRefusal({ status: "revision_requested" }, due, after)).toBeNull();
  });

  it("takes nothing more once the coordinator accepted it", () => {
    expect(submissionRefusal({ status: "accepted" }, due, before)).toBe("submission.already_accepted");
  });

  it("takes web links only", () => {
    expect(submissionLinkSchema.safeParse("https://youtu.be/abc").success).toBe(true);
    expect(submissionLinkSchema.safeParse("javascript:alert(1)").success).toBe(false);
    expect(submissionLinkSchema.safeParse("ftp://example.kr/a.mp4").success).toBe(false);
    expect(submissionLinkSchema.safeParse(`https://example.kr/${"a".repeat(2_000)}`).success).toBe(false);
  });
});
