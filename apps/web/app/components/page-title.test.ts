import { describe, expect, it } from "vitest";
import { translatorIn } from "../services/i18n.server";
import { documentTitle, pageTitle } from "./page-title";

const ko = translatorIn("ko");
const en = translatorIn("en");

describe("a page's title in the browser's tab", () => {
  it("is the page's heading, then the platform's name", () => {
    const matches = [
      { handle: undefined, data: {} },
      { handle: pageTitle("billing.title"), data: {} },
    ];
    expect(documentTitle(matches, ko)).toBe("요금 및 결제 - 공공 멘토링 플랫폼");
    expect(documentTitle(matches, en)).toBe("Plan and billing - Public Mentoring Platform");
  });

  it("is the deepest page's, drawn from its data where the heading is", () => {
    const cohortPage = pageTitle<() => { title: string }>((_t, data) => data.title);
    const matches = [
      { handle: pageTitle("programs.index.title"), data: {} },
      { handle: cohortPage, data: { title: "거꾸로 멘토링 2기" } },
    ];
    expect(documentTitle(matches, ko)).toBe("거꾸로 멘토링 2기 - 공공 멘토링 플랫폼");
  });

  it("is the error's heading while the page shows an error", () => {
    const matches = [
      { handle: pageTitle<() => { title: string }>((_t, data) => data.title), data: undefined },
    ];
    expect(documentTitle(matches, ko, "error.notFound")).toBe(`${ko("error.notFound")} - 공공 멘토링 플랫폼`);
  });

  it("is the platform's name where no page names itself", () => {
    expect(documentTitle([{ handle: undefined, data: {} }], ko)).toBe("공공 멘토링 플랫폼");
  });
});
