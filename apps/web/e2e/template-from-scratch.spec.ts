import { cohortCast, gangneungSeed, seededCohorts } from "@mentoring/db/seed";
import { hardRuleViolations } from "@mentoring/matching";
import { loadTemplate, tenantToday } from "@mentoring/programs";
import { createCohortFor, createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible } from "./support";

// A coordinator designs a program from nothing and runs it: a blank template; a pre-survey with a scored
// diagnostic; four monthly assignments; a rubric and two award categories; three matching criteria and
// the rule that mentor and mentee come from different bureaus. She previews it, starts a cohort from it,
// Gangneung's 2025 juniors and managers apply and answer, and matching forms teams that keep every
// mentor and mentee in different bureaus; the review explains one pair in words.

test.setTimeout(600_000);

const seed = gangneungSeed();
const seeded = seededCohorts.gangneung?.[0];
if (!seeded) throw new Error("Gangneung has no seeded cohort");
const cast = cohortCast(seed, seeded);
const coordinator = seededPerson(
  seed,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "주무관",
);
const templateName = "처음부터 설계한 멘토링";
const root = seed.departments.find((department) => !department.parentCode)?.code;
const parentOf = new Map(seed.departments.map((department) => [department.code, department.parentCode]));
/** The bureau (실·국) a department belongs to: its ancestor just below the city. */
function bureauOf(code: string): string {
  let current = code;
  for (let parent = parentOf.get(current); parent && parent !== root; parent = parentOf.get(current))
    current = parent;
  return current;
}

test("a coordinator builds a template from nothing, previews it, starts a cohort, and matching keeps mentors and mentees in different bureaus", async ({
  pageAs,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
  });
  const page = await pageAs(city.staff(coordinator).email);
  const menu = page.getByRole("navigation", { name: "템플릿 메뉴" });
  const saved = page.getByRole("status");

  // A blank template.
  await page.goto(`${baseURL()}/${city.slug}/programs`);
  await page.getByLabel("새 템플릿 이름").fill(templateName);
  await page.getByLabel("새 템플릿의 프로그램 유형").selectOption("standard");
  await page.getByRole("button", { name: "빈 템플릿 만들기" }).click();
  await page.waitForURL(new RegExp(`/${city.slug}/programs/templates/[0-9a-f-]{36}\\?created=1$`));
  const templateId = /templates\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
  const stored = async () =>
    (await db.withTenant(city.id, (tx) => loadTemplate(tx, city.id, templateId))).definition;

  // The pre-survey: a diagnostic of two dimensions (one item reversed) and the interests to match on.
  await menu.getByRole("link", { name: "설문과 진단" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("설문과 진단 편집");
  await page.getByRole("button", { name: "설문 추가" }).click();
  await page.getByLabel("설문 1 키").fill("pre_survey");
  await page.getByLabel("설문 1 제목(한국어)").fill("사전 설문");
  for (const [index, [key, name]] of [
    ["trust", "신뢰"],
    ["openness", "개방성"],
  ].entries()) {
    await page.getByRole("button", { name: "설문 1에 진단 영역 추가" }).click();
    await page.getByLabel(`설문 1 영역 ${index + 1} 키`).fill(key as string);
    await page.getByLabel(`설문 1 영역 ${index + 1} 이름(한국어)`).fill(name as string);
  }
  await page.getByLabel("설문 1 문항 1 키").fill("trust_peers");
  await page.getByLabel("설문 1 문항 1 질문(한국어)").fill("동료의 판단을 믿는 편이다.");
  await page.getByLabel("설문 1 문항 1 채점 영역").selectOption("trust");
  await page.getByRole("button", { name: "설문 1에 문항 추가" }).click();
  await page.getByLabel("설문 1 문항 2 키").fill("closed_door");
  await page.getByLabel("설문 1 문항 2 질문(한국어)").fill("내 의견은 말하지 않는 편이 낫다.");
  await page.getByLabel("설문 1 문항 2 채점 영역").selectOption("openness");
  await page.getByLabel("설문 1 문항 2 역채점(6 − 답)").check();
  await page.getByRole("button", { name: "설문 1에 문항 추가" }).click();
  await page.getByLabel("설문 1 문항 3 키").fill("interests");
  await page.getByLabel("설문 1 문항 3 유형").selectOption("multiple");
  await page.getByLabel("설문 1 문항 3 질문(한국어)").fill("관심 있는 분야를 고르세요.");
  for (const [index, [key, label]] of [
    ["digital", "디지털"],
    ["culture", "조직문화"],
    ["policy", "정책"],
  ].entries()) {
    await page.getByRole("button", { name: "설문 1 문항 3에 선택지 추가" }).click();
    await page.getByLabel(`설문 1 문항 3 선택지 ${index + 1} 키`).fill(key as string);
    await page.getByLabel(`설문 1 문항 3 선택지 ${index + 1}(한국어)`).fill(label as string);
  }
  await page.getByRole("button", { name: "설문 저장" }).click();
  await expect(saved).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");

  // Four monthly assignments.
  await menu.getByRole("link", { name: "일정과 과제" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("일정과 과제");
  for (const [index, title] of [
    "첫 만남 기록",
    "업무 노하우 나누기",
    "SNS 홍보 기획",
    "활동 중간 보고",
  ].entries()) {
    await page.getByRole("button", { name: "과제 추가" }).click();
    await page.getByLabel(`과제 ${index + 1} 제목`, { exact: true }).fill(title);
  }
  await page.getByRole("button", { name: "일정과 과제 저장" }).click();
  await expect(saved).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");

  // A rubric of one criterion scored by evaluators, and two award categories.
  await menu.getByRole("link", { name: "기본 설정" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("템플릿 편집");
  await page.getByRole("button", { name: "평가 기준 추가" }).click();
  await page.getByLabel("평가 기준 1 키").fill("results");
  await page.getByLabel("평가 기준 1 이름(한국어)").fill("활동 성과");
  await page.getByLabel("평가 기준 1 가중치").fill("100");
  for (const [index, [name, prize]] of [
    ["최우수상", "벤치마킹 연수"],
    ["우수상", "시장 표창"],
  ].entries()) {
    await page.getByRole("button", { name: "상 추가" }).click();
    await page.getByLabel(`상 ${index + 1} 이름(한국어)`).fill(name as string);
    await page.getByLabel(`상 ${index + 1} 팀 수`).fill("1");
    await page.getByLabel(`상 ${index + 1} 부상(한국어)`).fill(prize as string);
    await page.getByLabel(`상 ${index + 1} 상장 제목`).fill("표창장");
  }
  await page.getByRole("button", { name: "템플릿 저장" }).click();
  await expect(saved).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");

  // Three criteria and the bureau rule.
  await menu.getByRole("link", { name: "매칭 기준과 규칙" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("매칭 기준과 규칙");
  for (const count of [1, 2, 3]) {
    await page.getByRole("button", { name: "기준 추가", exact: true }).click();
    await expect(page.getByTestId("criterion")).toHaveCount(count);
  }
  await page.getByLabel("기준 1 종류").selectOption("interest_overlap");
  await page.getByLabel("기준 1 질문").selectOption("pre_survey.interests");
  await page.getByLabel("기준 1 가중치").fill("3");
  await page.getByLabel("기준 2 종류").selectOption("diagnostic_complement");
  await page.getByLabel("기준 2 진단 영역").selectOption("pre_survey.trust");
  await page.getByLabel("기준 2 가중치").fill("2");
  await page.getByLabel("기준 3 가중치").fill("1");
  await page.getByLabel("멘토와 멘티는 서로 다른 부서에서").check();
  await page.getByLabel("부서를 비교하는 단위").selectOption("bureau");
  await page.getByRole("button", { name: "매칭 기준과 규칙 저장" }).click();
  await expect(saved).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");
  const definition = await stored();
  expect(definition.questionSets[0]?.dimensions).toHaveLength(2);
  expect(definition.assignments).toHaveLength(4);
  expect(definition.rubric).toHaveLength(1);
  expect(definition.awards).toHaveLength(2);
  expect(definition.matching).toMatchObject({ differentDepartment: true, departmentLevel: "bureau" });
  expect(definition.matching.criteria).toHaveLength(3);

  // The participant's preview.
  await menu.getByRole("link", { name: "참여자 화면 미리보기" }).click();
  await expect(page).toHaveURL(/\/preview$/);
  await expect(page.getByText("동료의 판단을 믿는 편이다.")).toBeVisible();
  await expectAccessible(page);

  // A cohort from it, recruiting from today.
  await page.goto(`${baseURL()}/${city.slug}/programs`);
  await page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: templateName }) })
    .getByRole("link", { name: `${templateName}: 새 기수 만들기` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("새 기수 만들기");
  await page.getByLabel("모집 시작일").fill(tenantToday("Asia/Seoul"));
  await page.getByRole("button", { name: "기수 만들기" }).click();
  await page.waitForURL(new RegExp(`/${city.slug}/programs/cohorts/[0-9a-f-]{36}\\?created=1$`));
  const cohortId = page.url().replace(/\?.*$/, "").split("/").pop() as string;

  // Gangneung's 2025 managers, each with a junior of another bureau (the blank template takes ten of each);
  // everyone answers the pre-survey.
  const mentors: typeof cast.mentors = [];
  for (const manager of cast.mentees) {
    const junior = cast.mentors.find(
      (person) =>
        !mentors.includes(person) && bureauOf(person.departmentCode) !== bureauOf(manager.departmentCode),
    );
    if (junior) mentors.push(junior);
  }
  const applicants = [
    ...mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
    ...cast.mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
  ];
  await createCohortFor(db, city, {
    template: { cohortId },
    recruitmentStart: "",
    phase: "matching",
    applicants,
    answers: () => true,
    override: "사전 설문은 모두 제출되었습니다.",
    appUrl: baseURL(),
  });

  // Matching, run from its page.
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/matching`);
  await expect(page.getByTestId("rule-sentence").first()).toHaveText(
    "멘토와 멘티는 같은 국 소속이 아니어야 합니다.",
  );
  await page.getByRole("button", { name: "매칭 실행" }).click();
  await page.waitForURL(/\/matching\?run=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "1회차 결과" })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId("summary-teams")).toHaveText("10", { timeout: 120_000 });

  // No team joins a mentor and a mentee of one bureau: the problem compared people by their bureau, and
  // its answer breaks none of its rules.
  const run = await db.withTenant(city.id, (tx) =>
    tx.matchingRun.findFirstOrThrow({
      where: { tenantId: city.id, cohortId },
      select: { problem: true, result: true },
    }),
  );
  const problem = run.problem as {
    participants: { department?: string }[];
    constraints: { differentDepartment?: boolean };
  };
  const bureaus = new Set(
    seed.departments
      .filter((department) => department.parentCode === root)
      .map((department) => department.code),
  );
  expect(problem.constraints.differentDepartment).toBe(true);
  expect(problem.participants.every((person) => bureaus.has(person.department ?? ""))).toBe(true);
  expect(hardRuleViolations(run.problem as never, run.result as never)).toEqual([]);

  // One pair explained in words, criterion by criterion.
  const pair = page.getByTestId("team-card").first().getByTestId("team-pair").first();
  await expect(pair.getByTestId("pair-points")).toHaveText(/^멘토 .+ · 멘티 .+: [\d.]+점$/);
  await pair.getByTestId("pair-points").click();
  await expect(pair.getByTestId("pair-part").first()).toHaveText(/^.+ [\d.]+점 \(충족도 \d+%\)$/);
  await expect(pair.getByTestId("pair-part")).toContainText([/^관심 분야 일치/]);
  await expectAccessible(page);
});
