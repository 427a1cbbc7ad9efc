import { gangneungSeed } from "@mentoring/db/seed";
import { builtinTemplate, type LocalizedText } from "@mentoring/domain";
import type { Page } from "@playwright/test";
import { createCohortFor, createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

// Gangneung's coordinator sets up reverse mentoring the way the city did in 2025: copies the built-in
// template, tries a team without mentors (refused, naming the field, nothing saved), fixes it, creates a
// cohort whose recruitment opens on 22 January (recruitment closes 10 February and orientation is on
// 21 February, computed), tries dates out of order (refused, naming the date), and opens recruitment. In a
// city of its own with Gangneung's departments; the HR team's look in English reads seeded Gangneung.

const seed = gangneungSeed();
// The seeded coordinator: the first clerk of the general affairs division (packages/db/src/seed/apply.ts).
const coordinator = seededPerson(
  seed,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "주무관",
);
// Renamed from the copy, so that it is told apart from the built-in "거꾸로 멘토링" in the lists.
const templateName = "강릉 청년 거꾸로 멘토링";
const cohortTitle = `${templateName} 1기`;

/** What the template's own texts (authored by the city) put on the editor page. */
function templateTexts(): string[] {
  const definition = builtinTemplate("reverse_mentoring");
  const ko = (text: LocalizedText) => text.ko;
  return [
    definition.description,
    definition.certificate.body,
    ...definition.questionSets.flatMap((set) => [ko(set.title), ...set.questions.map((q) => ko(q.prompt))]),
    ...definition.assignments.map((assignment) => ko(assignment.title)),
    ...definition.rubric.map((criterion) => ko(criterion.name)),
    ...definition.awards.flatMap((award) => [ko(award.name), ko(award.prize)]),
  ];
}

/** Everything the programs page shows from the database: templates, cohorts. */
async function listedData(page: Page): Promise<string[]> {
  return page.locator("tbody th, tbody td").allTextContents();
}

/** When the cohort last changed phase, as the server formatted it (data, in the tenant's time zone). */
async function changedAt(page: Page): Promise<string> {
  return (await page.getByTestId("status-changed-at").textContent()) ?? "";
}

async function departmentNames(page: Page): Promise<string[]> {
  return page.locator("select[multiple] option").allTextContents();
}

test("a coordinator copies a template, fixes a bad team shape, creates a cohort and opens its recruitment", async ({
  page,
  login,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
    staff: () => false,
  });
  /** Names and other values on every page that come from the database, not from the messages. */
  const frame = [city.name, coordinator.name];
  await login(city.staff(coordinator).email);

  // The programs page: built-in templates to copy, the city's templates and cohorts.
  await page.goto(`${baseURL()}/${city.slug}/programs`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("멘토링 프로그램");
  await expect(page.getByRole("heading", { level: 3, name: "거꾸로 멘토링" })).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, ...(await listedData(page))]);

  await page.getByRole("button", { name: "거꾸로 멘토링 복사하기" }).click();
  await page.waitForURL(new RegExp(`/${city.slug}/programs/templates/[0-9a-f-]{36}\\?copied=1$`));
  const editor = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("status")).toHaveText(/기본 템플릿을 복사했습니다/);
  await expect(page.getByTestId("template-version")).toHaveText("버전 1");
  await expect(page.getByLabel("멘토 수 최솟값")).toHaveValue("3");
  await expect(page.getByLabel("멘티 모집 인원")).toHaveValue("10");
  await expect(page.getByLabel("멘토 직급 최솟값(급)")).toHaveValue("8");
  await expect(page.getByLabel("멘티 신청 대상 직위(쉼표로 구분)")).toHaveValue("국장, 과장");
  await expect(page.getByLabel("오리엔테이션", { exact: true })).toHaveValue("30");
  // Its question sets have a page of their own, in the template's menu.
  await expect(
    page.getByRole("navigation", { name: "템플릿 메뉴" }).getByRole("link", { name: "설문과 진단" }),
  ).toBeVisible();
  const departments = await departmentNames(page);
  expect(departments).toContain("총무과");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, "거꾸로 멘토링", ...departments, ...templateTexts()]);

  // A team without mentors is refused, naming the field; nothing is saved, not even the new name.
  await page.getByLabel("템플릿 이름", { exact: true }).fill(templateName);
  await page.getByLabel("멘토 수 최솟값").fill("0");
  await page.getByRole("button", { name: "템플릿 저장" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("저장하지 않았습니다");
  await expect(alert.getByRole("link", { name: "멘토 수 최솟값: 1 이상이어야 합니다" })).toBeVisible();
  const mentorsMin = page.getByLabel("멘토 수 최솟값");
  await expect(mentorsMin).toHaveAttribute("aria-invalid", "true");
  await expect(mentorsMin).toHaveAccessibleDescription("멘토 수 최솟값: 1 이상이어야 합니다");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, "거꾸로 멘토링", ...departments, ...templateTexts()]);

  await page.goto(editor);
  await expect(page.getByTestId("template-name")).toHaveText("거꾸로 멘토링");
  await expect(page.getByLabel("멘토 수 최솟값")).toHaveValue("3");

  // Fixed and saved: no cohort runs on version 1 yet, so it is changed in place.
  await page.getByLabel("템플릿 이름", { exact: true }).fill(templateName);
  await page.getByLabel("멘토 수 최솟값").fill("3");
  await page.getByRole("button", { name: "템플릿 저장" }).click();
  await expect(page.getByRole("status")).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");
  await expect(page.getByTestId("template-name")).toHaveText(templateName);
  await expect(page.getByTestId("template-version")).toHaveText("버전 1");

  // A new cohort from it: number and title follow from the template; recruitment opens on 22 January.
  await page.goto(`${baseURL()}/${city.slug}/programs`);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: templateName }) });
  await expect(row).toContainText("3:1");
  await expect(row).toContainText("버전 1");
  await row.getByRole("link", { name: `${templateName}: 새 기수 만들기` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("새 기수 만들기");
  await expect(page.getByLabel("기수 번호")).toHaveValue("1");
  await expect(page.getByLabel("기수 이름")).toHaveValue(cohortTitle);
  await expect(page.getByText("멘토 30명, 멘티 10명")).toBeVisible();
  await expectAccessible(page);
  const templateOptions = await page.locator("select#template option").allTextContents();
  await expectOnlyTranslatedText(page, [...frame, ...templateOptions]);

  await page.getByLabel("모집 시작일").fill("2025-01-22");
  await page.getByRole("button", { name: "기수 만들기" }).click();
  await page.waitForURL(new RegExp(`/${city.slug}/programs/cohorts/[0-9a-f-]{36}\\?created=1$`));
  const overview = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(cohortTitle);
  await expect(page.getByTestId("cohort-status")).toHaveText("준비 중");
  await expect(page.getByLabel("모집 시작일", { exact: true })).toHaveValue("2025-01-22");
  await expect(page.getByLabel("모집 마감일", { exact: true })).toHaveValue("2025-02-10");
  await expect(page.getByLabel("오리엔테이션", { exact: true })).toHaveValue("2025-02-21");
  await expect(page.locator("ol.timeline")).toContainText("모집 중 2025-01-22 ~ 2025-02-10");
  const places = page.getByRole("table", { name: "역할별 모집 인원과 신청 현황" });
  await expect(places.getByRole("row", { name: /멘토/ })).toContainText("30명");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, cohortTitle, templateName, await changedAt(page)]);

  // Orientation before the end of recruitment is refused, naming both dates; nothing changes.
  await page.getByLabel("오리엔테이션", { exact: true }).fill("2025-02-01");
  await page.getByRole("button", { name: "일정 저장" }).click();
  await expect(page.getByRole("alert")).toContainText("오리엔테이션: 모집 마감일보다 앞설 수 없습니다");
  await expect(page.getByLabel("오리엔테이션", { exact: true })).toHaveAccessibleDescription(
    "오리엔테이션: 모집 마감일보다 앞설 수 없습니다",
  );
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, cohortTitle, templateName, await changedAt(page)]);
  await page.goto(overview);
  await expect(page.getByLabel("오리엔테이션", { exact: true })).toHaveValue("2025-02-21");

  // Opening recruitment: nothing stands in its way; orientation then waits for accepted applicants.
  await expect(page.getByText("다음 단계: 모집 중")).toBeVisible();
  await expect(page.getByText("지금 넘길 수 있습니다.")).toBeVisible();
  await page.getByRole("button", { name: "모집 시작하기" }).click();
  await expect(page.getByRole("status")).toHaveText("모집 중 단계로 넘겼습니다.");
  await expect(page.getByTestId("cohort-status")).toHaveText("모집 중");
  await expect(page.locator("li[aria-current='step']")).toContainText("모집 중");
  await expect(page.locator("li[aria-current='step']")).toContainText("현재 단계");
  const problems = page.getByRole("list", { name: "넘기기 전에 확인할 점" });
  await expect(problems.getByRole("listitem")).toHaveText([
    /선정된 멘토가 없습니다\s*해결해야 넘길 수 있습니다/,
    /선정된 멘티가 없습니다\s*해결해야 넘길 수 있습니다/,
  ]);
  await expect(page.getByRole("button", { name: "오리엔테이션 단계로 넘기기" })).toBeDisabled();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, cohortTitle, templateName, await changedAt(page)]);

  // The programs page lists the cohort as recruiting.
  await page.goto(`${baseURL()}/${city.slug}/programs`);
  const cohortRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: cohortTitle }) });
  await expect(cohortRow).toContainText("모집 중");
  await expect(cohortRow).toContainText("2025-01-22 ~ 2025-02-10");
});

// The city reweights its rubric after the 1st cohort: participation in training counts more, activities
// less (30/30/40 → 40/20/40). The sum is shown as the weights are typed; 101 is refused at the rubric with
// what the weights add up to, nothing saved; 100 is saved as version 2, since the 1st cohort runs on
// version 1, which stays as it was.
test("a coordinator reweights the rubric of a template in use: the sum as typed, 101 refused, a new version saved", async ({
  page,
  login,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
    staff: () => false,
  });
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: "2026-11-01",
    phase: "recruiting",
    actorUserId: city.userId(coordinator),
    appUrl: baseURL(),
  });
  const frame = [city.name, coordinator.name];
  await login(city.staff(coordinator).email);

  await page.goto(`${baseURL()}/${city.slug}/programs/templates/${cohort.templateId}`);
  await expect(page.getByTestId("template-version")).toHaveText("버전 1");
  await expect(page.getByText(/저장하면 새 버전\(버전 2\)이 만들어집니다/)).toBeVisible();
  const rubric = page.getByRole("group", { name: "평가 기준", exact: true });
  const sum = page.getByTestId("rubric-sum");
  await expect(sum).toHaveText("합계 100 / 100");
  await expect(rubric.getByRole("group", { name: /^평가 기준 \d$/ })).toHaveCount(3);
  await expect(page.getByLabel("평가 기준 1 키")).toHaveValue("training");
  await expect(page.getByLabel("평가 기준 1 키")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("평가 기준 1 이름(한국어)")).toHaveValue("정기 교육 참여");
  const training = page.getByLabel("평가 기준 1 점수 출처");
  await expect(training).toHaveValue("attendance_rate");
  await expect(training).toHaveAccessibleDescription("계산 방법: 출석한 횟수 ÷ 출석 대상 횟수 × 만점");
  await expect(page.getByLabel("평가 기준 2 목표")).toHaveValue("1");
  await expect(page.getByLabel("평가 기준 3 점수 출처")).toHaveValue("evaluators");
  await expect(page.getByLabel("평가 기준 3 단계 3 설명(한국어)")).toHaveValue(
    "뚜렷한 성과가 있고 다른 부서에 확산할 만함",
  );
  await expect(page.getByLabel("팀원과 같은 부서 직원은 그 팀을 평가할 수 없음")).toBeChecked();
  await expect(page.getByLabel(/^표준점수\(z\) 보정/)).toBeChecked();
  await expect(page.getByLabel("상 2 팀 수")).toHaveValue("2");
  const departments = await departmentNames(page);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, "거꾸로 멘토링", ...departments, ...templateTexts()]);

  // A criterion added is a new row with a key to choose, scored by evaluators; removed, it is gone.
  await page.getByRole("button", { name: "평가 기준 추가" }).click();
  await expect(rubric.getByRole("group", { name: /^평가 기준 \d$/ })).toHaveCount(4);
  await expect(page.getByLabel("평가 기준 4 키")).toBeEditable();
  await expect(page.getByLabel("평가 기준 4 점수 출처")).toHaveValue("evaluators");
  await page.getByRole("button", { name: "평가 기준 4 삭제" }).click();
  await expect(rubric.getByRole("group", { name: /^평가 기준 \d$/ })).toHaveCount(3);

  // The sum follows the weights as they are typed.
  await page.getByLabel("평가 기준 1 가중치").fill("40");
  await expect(sum).toHaveText("합계 110 / 100");
  await page.getByLabel("평가 기준 2 가중치").fill("21");
  await expect(sum).toHaveText("합계 101 / 100");
  await page.getByRole("button", { name: "템플릿 저장" }).click();
  const message = "평가 기준: 가중치의 합이 100이어야 합니다 (지금 101)";
  await expect(page.getByRole("alert").getByRole("link", { name: message })).toBeVisible();
  await expect(rubric).toHaveAccessibleDescription(`합계 101 / 100 ${message}`);
  await expect(page.getByTestId("template-version")).toHaveText("버전 1");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [...frame, "거꾸로 멘토링", ...departments, ...templateTexts()]);

  await rubric.screenshot({ path: test.info().outputPath("rubric-refused.png") });

  // Enter in a field saves (it does not press the first "add a level" button of the rubric).
  await page.getByLabel("평가 기준 2 가중치").fill("20");
  await expect(sum).toHaveText("합계 100 / 100");
  await page.getByLabel("평가 기준 2 가중치").press("Enter");
  await expect(page.getByRole("status")).toHaveText(
    "새 버전을 만들어 저장했습니다. 현재 버전은 버전 2입니다.",
  );
  await expect(page.getByTestId("template-version")).toHaveText("버전 2");
  await rubric.screenshot({ path: test.info().outputPath("rubric-editor.png") });

  await page.reload();
  await expect(page.getByLabel("평가 기준 1 가중치")).toHaveValue("40");
  await expect(page.getByLabel("평가 기준 2 가중치")).toHaveValue("20");
  await expect(page.getByLabel("평가 기준 3 가중치")).toHaveValue("40");
  // The cohort keeps version 1 and its weights; version 2 holds the new ones.
  const versions = await db.withTenant(city.id, (tx) =>
    tx.programTemplateVersion.findMany({
      where: { tenantId: city.id, templateId: cohort.templateId },
      orderBy: { version: "asc" },
      select: { id: true, version: true, definition: true },
    }),
  );
  const weights = (definition: unknown) =>
    (definition as { rubric: { weight: number }[] }).rubric.map((criterion) => criterion.weight);
  expect(versions.map((version) => [version.version, weights(version.definition)])).toEqual([
    [1, [30, 30, 40]],
    [2, [40, 20, 40]],
  ]);
  const running = await db.withTenant(city.id, (tx) =>
    tx.cohort.findFirstOrThrow({
      where: { tenantId: city.id, id: cohort.id },
      select: { templateVersionId: true },
    }),
  );
  expect(running.templateVersionId).toBe(versions[0]?.id);
});

test.describe("in an English-speaking browser", () => {
  test.use({ locale: "en-US" });

  test("the HR team may look at programs in English but not change them", async ({ page, login }) => {
    // Seeded Gangneung, read only. The account's saved language is left alone for the other tests.
    const admin = seededPerson(
      seed,
      (person) => person.departmentCode === "general-affairs" && person.positionTitle === "팀장",
    );
    await login(admin.email);

    await page.goto(`${baseURL()}/gangneung/programs`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mentoring programs");
    await expect(page.getByRole("heading", { level: 3, name: "Reverse mentoring" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Copy / })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /new cohort/ })).toHaveCount(0);
    const seeded = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "거꾸로 멘토링 2기" }) });
    await expect(seeded).toContainText("Orientation");
    await expectAccessible(page);

    await seeded.getByRole("link", { name: "거꾸로 멘토링 2기" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("거꾸로 멘토링 2기");
    await expect(page.getByTestId("cohort-status")).toHaveText("Orientation");
    await expect(page.locator("li[aria-current='step']")).toContainText("Current phase");
    await expect(page.getByText("Next phase: Matching")).toBeVisible();
    // Seeded with its pre-surveys open; they may have been closed by now.
    await expect(page.getByText(/^\d+ pre-surveys are still open$|^It can move on now\.$/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Move to matching" })).toHaveCount(0);
    await expect(page.getByLabel("Orientation", { exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save dates" })).toHaveCount(0);
    await expectAccessible(page);
  });
});
