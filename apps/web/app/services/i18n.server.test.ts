import { defaultNamespace } from "@mentoring/i18n";
import { describe, expect, it } from "vitest";
import { i18nextFor, translatorIn } from "./i18n.server";

describe("translations on the server", () => {
  it("gives a label asked for again the same text, in each language", () => {
    const ko = translatorIn("ko");
    const en = translatorIn("en");
    const first = ko("recruitment.applicants.search");
    expect(first).not.toBe("recruitment.applicants.search");
    expect(ko("recruitment.applicants.search")).toBe(first);
    expect(en("recruitment.applicants.search")).not.toBe(first);
    expect(en("recruitment.applicants.search")).toBe(en("recruitment.applicants.search"));
  });

  it("gives a translator naming its namespaces as a list (as React's do) the same text", () => {
    // React's translator on the server: no language of its own (the instance's), namespaces as a list.
    const listed = i18nextFor("ko").getFixedT(null, [defaultNamespace]);
    expect(listed("recruitment.applicants.search")).toBe(translatorIn("ko")("recruitment.applicants.search"));
    expect(listed("recruitment.applicants.search")).toBe(listed("recruitment.applicants.search"));
  });

  it("fills values in afresh on every call", () => {
    const ko = translatorIn("ko");
    const one = ko("recruitment.applicants.reject.legend", { name: "김하늘" });
    const other = ko("recruitment.applicants.reject.legend", { name: "이바다" });
    expect(one).toContain("김하늘");
    expect(other).toContain("이바다");
  });

  it("answers a key prefix, a default and an unknown key as i18next does", () => {
    const instance = i18nextFor("en");
    // Keys outside the typed resources, as i18next would be asked for them by a mistake.
    const untyped = instance.t as unknown as (key: string, options?: object | string) => string;
    const prefixed = instance.getFixedT("en", undefined, "recruitment.applicants");
    expect(prefixed("search")).toBe(translatorIn("en")("recruitment.applicants.search"));
    expect(untyped("no.such.key", { defaultValue: "fallback" })).toBe("fallback");
    expect(untyped("no.such.key")).toBe("no.such.key");
    expect(untyped("no.such.key", "second default")).toBe("second default");
  });
});
