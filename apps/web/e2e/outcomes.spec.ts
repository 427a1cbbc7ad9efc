import { builtinTemplate, localize } from "@mentoring/domain";
import { tenantToday, transitionCohort } from "@mentoring/programs";
import {
  answerGangneungSurveys,
  gangneungCast,
  gangneungCity,
  gangneungTeam,
  seededPerson,
  type TestTenant,
} from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// A cohort's outcomes in a Gangneung city of the test's own: six juniors and two managers, matched by the
// worker into the teams of three juniors and a manager it can form, answer the digital diagnostic before (3 on every item: 50 on both areas) and after (juniors 75,
// managers 100 on digital literacy; on openness one junior up 12.5, one down 12.5, the rest unchanged),
// and the managers answer the satisfaction survey. The coordinator reads the cohort's exact change and a
// team's honest "too few to judge"; a participant is forbidden the page, another tenant does not find it.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { seed, coordinator } = gangneungTeam;
const { juniors, managers, members } = gangneungCast({ juniors: 6, managers: 2 });
const participant = juniors[0] as (typeof juniors)[number];
/** The deputy mayor, as an executive: follows the figures, not the people. */
const executive = seededPerson(seed, (person) => person.positionTitle === "부시장");

let city: TestTenant;
let cohortId = "";
let cohortTitle = "";
const outcomesPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/outcomes`;

/** The diagnostic's answers: digital literacy (three items and a reversed one) and openness (two items). */
test.beforeAll(async ({ db }) => {
  const built = await gangneungCity(db, {
    juniors,
    managers,
    accounts: [
      { person: participant, roles: ["participant"] },
      { person: executive, roles: ["executive"] },
    ],
    reason: "성과 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
  cohortTitle = built.cohort.title;
  const actorUserId = built.coordinatorUserId;
  const tenantId = city.id;
  await answerGangneungSurveys(db, city, { cohortId, phase: "pre", juniors, managers });

  for (const to of ["active", "evaluation"] as const)
    await db.withTenant(tenantId, (tx) =>
      transitionCohort(tx, {
        tenantId,
        cohortId,
        to,
        override: true,
        reason: "성과 시험 기수",
        actorUserId,
        today: tenantToday("Asia/Seoul"),
        appUrl: baseURL(),
      }),
    );
  await answerGangneungSurveys(db, city, { cohortId, phase: "post", juniors, managers });
});

test("the coordinator reads the cohort's exact change and a team's honest 'too few to judge'", async ({
  pageAs,
}, testInfo) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}`, { waitUntil: "networkidle" });
  await page.getByRole("navigation", { name: "기수 메뉴" }).getByRole("link", { name: "성과" }).click();
  await expect(page).toHaveURL(outcomesPage());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("성과");

  // Eight people: six +25 and two +50 on digital literacy (mean 31.25, 95% interval 21.57 to 40.93).
  const literacy = page.getByTestId("cohort-change-digital_diagnostic.digital_literacy");
  await expect(literacy.getByRole("cell")).toHaveText([
    "+31.3",
    "상승",
    "+21.6 ~ +40.9",
    "8",
    "뚜렷하게 올랐습니다 (95% 신뢰구간이 0보다 큼)",
  ]);
  await expect(page.getByTestId("cohort-change-digital_diagnostic.openness").getByRole("cell")).toHaveText([
    "0",
    "변화 없음",
    "-5.6 ~ +5.6",
    "8",
    "뚜렷한 변화가 없습니다 (95% 신뢰구간에 0이 포함됨)",
  ]);

  // A team of four: its direction and size, no claim.
  const team = page.getByTestId("team-change-1");
  await expect(team).toContainText("+31.3 (상승, 4명)");
  await expect(team).toContainText("표본이 적어 판단하기 어렵습니다 (n < 5)");
  await expect(page.getByText("인원이 적어 변화의 방향만 보여 드립니다.", { exact: false })).toBeVisible();

  // Each person's scores, behind a summary.
  await page.getByText("개인별 변화 보기 (8명)").click();
  await expect(page.getByRole("cell", { name: "50 → 100 (+50)" })).toHaveCount(2);

  // Satisfaction as the two managers answered it.
  await expect(page.getByTestId("satisfaction-sat_overall").getByRole("cell")).toHaveText([
    "4.5",
    "100%",
    "2",
    "1점 0명 · 2점 0명 · 3점 0명 · 4점 1명 · 5점 1명",
  ]);
  // The city's first cohort of the program: nothing before it.
  await expect(page.getByText("비교할 이전 기수가 없습니다.")).toBeVisible();

  await expectAccessible(page);
  const template = builtinTemplate("reverse_mentoring");
  const texts = template.questionSets
    .filter((set) => ["digital_diagnostic", "satisfaction"].includes(set.key))
    .flatMap((set) => [
      localize(set.title, "ko"),
      ...set.dimensions.map((dimension) => localize(dimension.label, "ko")),
      ...set.questions.map((question) => localize(question.prompt, "ko")),
    ]);
  await expectOnlyTranslatedText(page, [
    city.name,
    cohortTitle,
    ...texts,
    ...(await page.locator(".participant-name, .participant-department").allTextContents()),
    coordinator.name,
  ]);
  expect(errors).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("outcomes.png"), fullPage: true });
});

test("an executive reads the cohort's and the teams' change, and no one's name or scores", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(executive).email);
  const errors = watchErrors(page);
  const response = await page.goto(outcomesPage(), { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("cohort-change-digital_diagnostic.digital_literacy")).toContainText("+31.3");
  await expect(page.getByTestId("team-change-1")).toContainText("표본이 적어 판단하기 어렵습니다 (n < 5)");
  await expect(page.getByText("개인별 변화는 기수를 운영하는 담당자만 볼 수 있습니다.")).toBeVisible();
  await expect(page.locator(".participant-name")).toHaveCount(0);
  for (const person of members) await expect(page.getByText(person.name)).toHaveCount(0);
  // The coordinator's pages of the cohort are not the executive's: no menu leading to them.
  await expect(page.getByRole("navigation", { name: "기수 메뉴" })).toHaveCount(0);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test("a participant is forbidden the page, and another tenant's coordinator does not find it", async ({
  pageAs,
}) => {
  const member = await pageAs(city.staff(participant).email);
  expect((await member.goto(outcomesPage()))?.status()).toBe(403);

  const outsider = await pageAs(accounts.yonginCoordinator);
  expect((await outsider.goto(outcomesPage()))?.status()).toBe(404);
  // Their own organisation's address with this cohort: not theirs either.
  expect((await outsider.goto(`${baseURL()}/yongin/programs/cohorts/${cohortId}/outcomes`))?.status()).toBe(
    404,
  );
});
