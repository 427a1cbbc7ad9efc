import { gangneungSeed } from "@mentoring/db/seed";
import { builtinTemplate, type LocalizedText } from "@mentoring/domain";
import { copyBuiltinTemplate, loadTemplate, saveTemplate } from "@mentoring/programs";
import { createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

// A coordinator plans Gangneung's reverse mentoring on a copy of the built-in template whose assignments,
// calendar and matching were emptied: four monthly assignments added, one set in month 13 (refused at its
// month, nothing saved), then saved with reminders five days ahead; three matching criteria and the rule
// that mentor and mentee come from different bureaus, a weight typed "abc" (refused at its field, nothing
// saved), then saved. After a reload both pages show what was saved. In a city of its own.

const seed = gangneungSeed();
const coordinator = seededPerson(
  seed,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "주무관",
);
const titles = ["팀 소개 영상", "업무 노하우 나누기", "SNS 홍보 기획", "활동 중간 보고"];

/** What the template's own texts (authored by the city) put on the matching page's choices. */
function subjectTexts(): string[] {
  const definition = builtinTemplate("reverse_mentoring");
  const ko = (text: LocalizedText) => text.ko;
  return definition.questionSets.flatMap((set) => [
    ...set.questions.map((question) => `${ko(set.title)}: ${ko(question.prompt)}`),
    ...set.dimensions.map((dimension) => `${ko(set.title)}: ${ko(dimension.label)}`),
  ]);
}

test("a coordinator plans a template's monthly assignments and its matching, refused values named at their fields", async ({
  page,
  login,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
    staff: () => false,
  });
  const actorUserId = city.userId(coordinator);
  const templateId = await db.withTenant(city.id, async (tx) => {
    const { templateId } = await copyBuiltinTemplate(tx, {
      tenantId: city.id,
      builtinKey: "reverse_mentoring",
      actorUserId,
    });
    const { definition } = await loadTemplate(tx, city.id, templateId);
    await saveTemplate(tx, {
      tenantId: city.id,
      templateId,
      definition: { ...definition, assignments: [], calendar: [], matching: { criteria: [] } },
      actorUserId,
    });
    return templateId;
  });
  const stored = () => db.withTenant(city.id, (tx) => loadTemplate(tx, city.id, templateId));
  const frame = [city.name, coordinator.name];
  await login(city.staff(coordinator).email);

  // The calendar and assignments page, reached from the template's menu.
  await page.goto(`${baseURL()}/${city.slug}/programs/templates/${templateId}`);
  const menu = page.getByRole("navigation", { name: "템플릿 메뉴" });
  await menu.getByRole("link", { name: "일정과 과제" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("일정과 과제");
  await expect(page.getByText("과제가 없습니다.")).toBeVisible();
  await expect(page.getByText(/활동이 8번째 달까지 이어질 수 있습니다/)).toBeVisible();

  // Four assignments, one a month: each added row takes the next month.
  const assignments = page.getByTestId("assignment");
  for (const [index, title] of titles.entries()) {
    await page.getByRole("button", { name: "과제 추가" }).click();
    await expect(assignments).toHaveCount(index + 1);
    await page.getByLabel(`과제 ${index + 1} 제목`, { exact: true }).fill(title);
  }
  for (const month of [1, 2, 3, 4])
    await expect(page.getByLabel(`과제 ${month} 활동 달`)).toHaveValue(String(month));
  await expect(page.getByLabel("과제 4 마감일")).toHaveValue("25");
  await expect(page.getByLabel("과제 마감 알림 (마감일 며칠 전부터)")).toHaveValue("3");

  // Month 13 is past the template's activities: refused at that month, nothing saved.
  await page.getByLabel("과제 4 활동 달").fill("13");
  await page.getByRole("button", { name: "일정과 과제 저장" }).click();
  const monthMessage = "과제 4 활동 달: 이 템플릿의 활동은 8번째 달까지입니다. 8 이하로 정하세요.";
  await expect(page.getByRole("alert")).toContainText(monthMessage);
  await expect(page.getByLabel("과제 4 활동 달")).toHaveAccessibleDescription(new RegExp(monthMessage));
  expect((await stored()).definition.assignments).toEqual([]);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, ...titles]);

  await page.getByLabel("과제 4 활동 달").fill("4");
  await page.getByLabel("과제 마감 알림 (마감일 며칠 전부터)").fill("5");
  await page.getByRole("button", { name: "일정과 과제 저장" }).click();
  await expect(page.getByRole("status")).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");
  // Saved from the foot of a long page: the answer above the form is brought into view and read out.
  await expect(page.getByRole("status")).toBeFocused();
  await expect(page.getByRole("status")).toBeInViewport();
  await page.reload();
  await expect(assignments).toHaveCount(4);
  for (const [index, title] of titles.entries()) {
    await expect(page.getByLabel(`과제 ${index + 1} 제목`, { exact: true })).toHaveValue(title);
    await expect(page.getByLabel(`과제 ${index + 1} 활동 달`)).toHaveValue(String(index + 1));
  }
  await expect(page.getByLabel("과제 마감 알림 (마감일 며칠 전부터)")).toHaveValue("5");
  expect((await stored()).definition.notifications.assignmentReminderDays).toBe(5);

  // The matching page: three criteria, the bureau rule, and a weight that is no number.
  await menu.getByRole("link", { name: "매칭 기준과 규칙" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("매칭 기준과 규칙");
  const criteria = page.getByTestId("criterion");
  for (const count of [1, 2, 3]) {
    await page.getByRole("button", { name: "기준 추가" }).click();
    await expect(criteria).toHaveCount(count);
  }
  await page.getByLabel("기준 1 종류").selectOption("interest_overlap");
  await page.getByLabel("기준 1 질문").selectOption("pre_survey.interests");
  await page.getByLabel("기준 1 가중치").fill("3");
  await page.getByLabel("기준 2 종류").selectOption("diagnostic_complement");
  await page.getByLabel("기준 2 진단 영역").selectOption("digital_diagnostic.digital_literacy");
  await page.getByLabel("기준 2 가중치").fill("2");
  // The third stays as added: different departments preferred.
  await expect(page.getByLabel("기준 3 직원 정보")).toHaveValue("department");
  await expect(page.getByLabel("기준 3 질문")).toHaveCount(0);
  await page.getByLabel("기준 3 가중치").fill("abc");
  await page.getByLabel("멘토와 멘티는 서로 다른 부서에서").check();
  await page.getByLabel("부서를 비교하는 단위").selectOption("bureau");
  const sentences = page.getByTestId("rule-sentences");
  await expect(sentences).toContainText("멘토와 멘티는 같은 국 소속이 아니어야 합니다.");
  await expect(page.getByTestId("criterion-share")).toHaveText(["전체의 60%", "전체의 40%", "전체의 0%"]);

  await page.getByRole("button", { name: "매칭 기준과 규칙 저장" }).click();
  const weightMessage = "기준 3 가중치: 숫자를 입력하세요";
  await expect(page.getByRole("alert")).toContainText(weightMessage);
  await expect(page.getByLabel("기준 3 가중치")).toHaveAccessibleDescription(weightMessage);
  expect((await stored()).definition.matching.criteria).toEqual([]);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, ...subjectTexts()]);

  await page.getByLabel("기준 3 가중치").fill("1");
  await expect(page.getByTestId("criterion-share")).toHaveText(["전체의 50%", "전체의 33%", "전체의 17%"]);
  await page.getByRole("button", { name: "매칭 기준과 규칙 저장" }).click();
  await expect(page.getByRole("status")).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");
  await page.reload();
  await expect(criteria).toHaveCount(3);
  await expect(page.getByLabel("기준 1 종류")).toHaveValue("interest_overlap");
  await expect(page.getByLabel("기준 1 질문")).toHaveValue("pre_survey.interests");
  await expect(page.getByLabel("기준 2 진단 영역")).toHaveValue("digital_diagnostic.digital_literacy");
  await expect(page.getByLabel("기준 3 가중치")).toHaveValue("1");
  await expect(page.getByLabel("멘토와 멘티는 서로 다른 부서에서")).toBeChecked();
  await expect(page.getByLabel("부서를 비교하는 단위")).toHaveValue("bureau");
  await expect(sentences).toContainText("멘토와 멘티는 같은 국 소속이 아니어야 합니다.");
  const { matching } = (await stored()).definition;
  expect(matching).toMatchObject({
    criteria: [
      { kind: "interest_overlap", weight: 3, question: "pre_survey.interests" },
      { kind: "diagnostic_complement", weight: 2, dimension: "digital_diagnostic.digital_literacy" },
      { kind: "attribute", weight: 1, attribute: "department", prefer: "different" },
    ],
    differentDepartment: true,
    departmentLevel: "bureau",
  });
});
