import { gangneungSeed } from "@mentoring/db/seed";
import { createCohort, loadTemplate, tenantToday } from "@mentoring/programs";
import { createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

// A coordinator designs a program from nothing: a blank template from the programs page, then on its
// question sets page a pre-survey with a scored diagnostic (two dimensions, one item reversed) and a
// single-choice question. Saved with one option, the choice question is refused at its options and
// nothing is saved; with two it is saved into version 1. Once a cohort runs on it, a change is saved as
// version 2. The participant's preview at phone width shows the questions as a participant answers them.

const seed = gangneungSeed();
const coordinator = seededPerson(
  seed,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "주무관",
);
const templateName = "부서 간 소통 멘토링";

test("a coordinator designs a blank template's questions, is refused a one-option choice, saves, and previews it at phone width", async ({
  page,
  login,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
    staff: () => false,
  });
  await login(city.staff(coordinator).email);
  // Each page hydrates and runs without an error (a refused save and a list edit answer 400 on purpose).
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text().split("\n")[0] ?? "");
  });
  page.on("pageerror", (error) => errors.push(error.message.split("\n")[0] ?? ""));
  const shot = (name: string) =>
    page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

  // A blank template from the programs page.
  await page.goto(`${baseURL()}/${city.slug}/programs`);
  await expect(page.getByRole("heading", { level: 2, name: "빈 템플릿에서 시작하기" })).toBeVisible();
  await expectAccessible(page);
  await shot("programs");
  await page.getByLabel("새 템플릿 이름").fill(templateName);
  await page.getByLabel("새 템플릿의 프로그램 유형").selectOption("standard");
  await page.getByRole("button", { name: "빈 템플릿 만들기" }).click();
  await page.waitForURL(new RegExp(`/${city.slug}/programs/templates/[0-9a-f-]{36}\\?created=1$`));
  const templateId = /templates\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
  await expect(page.getByRole("status")).toHaveText(/빈 템플릿을 만들었습니다/);
  await expect(page.getByTestId("template-name")).toHaveText(templateName);
  await expect(page.getByLabel("멘토 수 최솟값")).toHaveValue("1");
  await expect(page.getByLabel("멘티 수 최댓값")).toHaveValue("1");
  await expectAccessible(page);
  await shot("settings");

  // Its question sets, through the template's menu: none yet.
  const menu = page.getByRole("navigation", { name: "템플릿 메뉴" });
  await menu.getByRole("link", { name: "설문과 진단" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("설문과 진단 편집");
  await expect(menu.getByRole("link", { name: "설문과 진단" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("설문이 없습니다. 설문 추가를 눌러 시작하세요.")).toBeVisible();
  await expect(page.getByText(/역채점 문항은 6에서 답을 뺀 값으로 셉니다/)).toBeVisible();
  await expectAccessible(page);

  // A pre-survey: a diagnostic of two dimensions.
  await page.getByRole("button", { name: "설문 추가" }).click();
  await expect(page.getByLabel("설문 1 키")).toHaveValue("survey_1");
  await page.getByLabel("설문 1 키").fill("pre_survey");
  await page.getByLabel("설문 1 제목(한국어)").fill("사전 설문");
  const phases = page.getByRole("group", { name: "설문 1 시기" });
  await expect(phases.getByLabel("사전")).toBeChecked();
  await expect(phases.getByLabel("사후")).not.toBeChecked();
  await page.getByRole("button", { name: "설문 1에 진단 영역 추가" }).click();
  await page.getByLabel("설문 1 영역 1 키").fill("trust");
  await page.getByLabel("설문 1 영역 1 이름(한국어)").fill("신뢰");
  await page.getByRole("button", { name: "설문 1에 진단 영역 추가" }).click();
  await page.getByLabel("설문 1 영역 2 키").fill("openness");
  await page.getByLabel("설문 1 영역 2 이름(한국어)").fill("개방성");

  // Two likert items scoring them, the second reversed.
  await expect(page.getByLabel("설문 1 문항 1 유형")).toHaveValue("likert");
  await page.getByLabel("설문 1 문항 1 키").fill("trust_peers");
  await page.getByLabel("설문 1 문항 1 질문(한국어)").fill("동료의 판단을 믿는 편이다.");
  await page.getByLabel("설문 1 문항 1 채점 영역").selectOption("trust");
  await page.getByRole("button", { name: "설문 1에 문항 추가" }).click();
  await page.getByLabel("설문 1 문항 2 키").fill("closed_door");
  await page.getByLabel("설문 1 문항 2 질문(한국어)").fill("내 의견은 말하지 않는 편이 낫다.");
  await page.getByLabel("설문 1 문항 2 채점 영역").selectOption("openness");
  await page.getByLabel("설문 1 문항 2 역채점(6 − 답)").check();

  // A single-choice question with one option only.
  await page.getByRole("button", { name: "설문 1에 문항 추가" }).click();
  await page.getByLabel("설문 1 문항 3 키").fill("style");
  await page.getByLabel("설문 1 문항 3 유형").selectOption("single");
  await page.getByLabel("설문 1 문항 3 질문(한국어)").fill("선호하는 소통 방식은 무엇인가요?");
  // Only likert items score a dimension: a choice question is offered none.
  await expect(page.getByLabel("설문 1 문항 3 채점 영역")).toHaveCount(0);
  await expect(page.getByLabel("설문 1 문항 3 역채점(6 − 답)")).toHaveCount(0);
  await page.getByRole("button", { name: "설문 1 문항 3에 선택지 추가" }).click();
  await page.getByLabel("설문 1 문항 3 선택지 1 키").fill("face_to_face");
  await page.getByLabel("설문 1 문항 3 선택지 1(한국어)").fill("직접 만나서");
  await page.getByRole("button", { name: "설문 저장" }).click();

  const message = "설문 1 문항 3 선택지: 선택형 문항에는 선택지가 두 개 이상 있어야 합니다";
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("저장하지 않았습니다");
  await expect(alert.getByRole("link", { name: message })).toBeVisible();
  const options = page.getByRole("group", { name: "설문 1 문항 3 선택지" });
  await expect(options).toHaveAccessibleDescription(message);
  await expect(page.getByLabel("설문 1 문항 2 역채점(6 − 답)")).toBeChecked();
  await expectAccessible(page);
  await shot("questions-refused");
  const stored = () => db.withTenant(city.id, (tx) => loadTemplate(tx, city.id, templateId));
  expect((await stored()).definition.questionSets).toEqual([]);

  // A second option, and it saves into version 1 (no cohort runs on it).
  await page.getByRole("button", { name: "설문 1 문항 3에 선택지 추가" }).click();
  await page.getByLabel("설문 1 문항 3 선택지 2 키").fill("messenger");
  await page.getByLabel("설문 1 문항 3 선택지 2(한국어)").fill("메신저");
  await page.getByRole("button", { name: "설문 저장" }).click();
  await expect(page.getByRole("status")).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");
  const saved = (await stored()).definition.questionSets[0];
  expect(saved?.dimensions.map((dimension) => dimension.key)).toEqual(["trust", "openness"]);
  expect(saved?.questions.map((q) => [q.key, q.type, q.dimension ?? null, q.reversed])).toEqual([
    ["trust_peers", "likert", "trust", false],
    ["closed_door", "likert", "openness", true],
    ["style", "single", null, false],
  ]);
  await expectAccessible(page);
  // Names and values from the database: the rest is the i18n resources' Korean.
  const frame = [city.name, coordinator.name, templateName];
  await expectOnlyTranslatedText(page, [...frame, "신뢰 (trust)", "개방성 (openness)"]);
  await shot("questions-saved");

  // Once a cohort runs on version 1, a change is saved as version 2.
  await db.withTenant(city.id, (tx) =>
    createCohort(tx, {
      tenantId: city.id,
      form: { templateId, recruitmentStart: "2027-03-02" },
      actorUserId: city.userId(coordinator),
      today: tenantToday("Asia/Seoul"),
    }),
  );
  await page.reload();
  await expect(page.getByText(/저장하면 새 버전\(버전 2\)이 만들어집니다/)).toBeVisible();
  await page.getByLabel("설문 1 문항 1 질문(한국어)").fill("동료의 판단을 대체로 믿는다.");
  await page.getByRole("button", { name: "설문 저장" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "새 버전을 만들어 저장했습니다. 현재 버전은 버전 2입니다.",
  );
  await expect(page.getByTestId("template-version")).toHaveText("버전 2");

  // The participant's view, at phone width: the questions as a participant answers them.
  await page.setViewportSize({ width: 390, height: 844 });
  await menu.getByRole("link", { name: "참여자 화면 미리보기" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("참여자 화면 미리보기");
  await expect(page.getByRole("link", { name: "멘토 화면" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "멘티 화면" }).click();
  await expect(page.getByRole("link", { name: "멘티 화면" })).toHaveAttribute("aria-current", "page");
  const survey = page.getByRole("article", { name: "사전 설문" });
  await expect(survey.getByRole("group", { name: /동료의 판단을 대체로 믿는다\./ })).toBeVisible();
  await expect(survey.getByRole("radio")).toHaveCount(5 + 5 + 2);
  await survey.getByRole("radio", { name: "메신저" }).check();
  await expect(survey.getByRole("radio", { name: "메신저" })).toBeChecked();
  await expect(page.getByTestId("certificate-preview")).toContainText(
    `김하늘, 박서준 멘토와 이도윤 멘티는 ${city.name} ${templateName} 1기에 참여하여`,
  );
  // Nothing wider than the phone: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  const { certificate } = (await stored()).definition;
  await expectOnlyTranslatedText(page, [
    ...frame,
    "사전 설문",
    "동료의 판단을 대체로 믿는다.",
    "내 의견은 말하지 않는 편이 낫다.",
    "선호하는 소통 방식은 무엇인가요?",
    "직접 만나서",
    "메신저",
    certificate.title,
    (await page.getByTestId("certificate-preview").locator("p").nth(1).textContent()) ?? "",
  ]);
  await shot("preview-phone");

  // The questions page at phone width too.
  await menu.getByRole("link", { name: "설문과 진단" }).click();
  await expect(page.getByLabel("설문 1 문항 3 선택지 2 키")).toHaveValue("messenger");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot("questions-phone");
  expect(errors).toEqual([]);
});
