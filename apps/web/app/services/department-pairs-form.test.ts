import { parseWithZod } from "@conform-to/zod";
import { AppError, builtinTemplate, templateDefinitionSchema } from "@mentoring/domain";
import { defaultNamespace } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { templateMatchingFieldName } from "../presenters/template-matching.server";
import { i18n } from "./i18n.server";
import { matchingRuleSentences } from "./matching-rules-text";
import { translateRefusal } from "./route-builder.server";
import { withFormPaths } from "./template-form";
import { definitionFromMatchingForm, matchingForm, typedRules } from "./template-matching-form";

let ko: TFunction;
let en: TFunction;

beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

/** The cross-department built-in, already naming 관광과 ↔ 문화예술과, as its matching page posts `fields`. */
function posted(fields: Record<string, string>) {
  const base = builtinTemplate("cross_department_communication");
  const definition = {
    ...base,
    matching: { ...base.matching, departmentPairs: [{ first: "관광과", second: "문화예술과" }] },
  };
  const data = new FormData();
  data.append("matching.departmentLevel", "division");
  data.append("matching.noDirectSupervisor", "on");
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  const submission = parseWithZod(data, { schema: matchingForm });
  if (submission.status !== "success") throw new Error("the matching form refused a post");
  return templateDefinitionSchema.safeParse(definitionFromMatchingForm(submission.value, definition));
}

describe("the department pairs of the matching form", () => {
  it("keeps the pairs when the page sends no pairs editor, and replaces them when it does", () => {
    expect(posted({}).data?.matching.departmentPairs).toEqual([{ first: "관광과", second: "문화예술과" }]);
    expect(
      posted({
        "matching.departmentPairsShown": "on",
        "matching.departmentPairs[0].first": " 관광과 ",
        "matching.departmentPairs[0].second": "일자리경제과",
      }).data?.matching.departmentPairs,
    ).toEqual([{ first: "관광과", second: "일자리경제과" }]);
    // Every pair removed: the editor's marker alone clears them.
    expect(posted({ "matching.departmentPairsShown": "on" }).data?.matching.departmentPairs).toEqual([]);
  });

  it("refuses a pair of one department twice beside its second select, in Korean", () => {
    const result = posted({
      "matching.departmentPairsShown": "on",
      "matching.departmentPairs[0].first": "관광과",
      "matching.departmentPairs[0].second": "관광과",
    });
    expect(result.success).toBe(false);
    const refusal = translateRefusal(
      withFormPaths(AppError.invalid(result.error as never)),
      ko,
      templateMatchingFieldName,
    );
    expect(Object.keys(refusal.fieldErrors)).toEqual(["matching.departmentPairs[0].second"]);
    expect(Object.values(refusal.fieldErrors).flat()).toEqual([
      "부서 짝 1의 둘째 부서: 서로 다른 두 부서를 고르세요",
    ]);
  });

  it("says the named pairs as a rule sentence in Korean and English, at the template's level", () => {
    const rules = typedRules({
      departmentLevel: "division",
      departmentPairs: [
        { first: "관광과", second: "문화예술과" },
        { first: "관광과", second: "" },
      ],
    });
    expect(rules.departmentPairs).toEqual([{ first: "관광과", second: "문화예술과" }]);
    expect(matchingRuleSentences(rules, ko)).toContain(
      "멘토와 멘티는 지정한 과 짝(관광과 ↔ 문화예술과)끼리만 한 팀이 됩니다.",
    );
    expect(matchingRuleSentences(rules, en).join(" ")).toContain("(관광과 ↔ 문화예술과)");
    expect(matchingRuleSentences({ ...rules, departmentPairs: [] }, ko).join(" ")).not.toContain("짝");
  });
});
