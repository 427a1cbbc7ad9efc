import { fileURLToPath } from "node:url";
import type { TenantDb } from "@mentoring/db";
import { addDays, builtinTemplate, calendarDate, localize } from "@mentoring/domain";
import {
  logActivity,
  markAttendance,
  saveCalendarItem,
  submitAssignment,
  tenantToday,
  transitionCohort,
} from "@mentoring/programs";
import type { Page } from "@playwright/test";
import {
  answerGangneungSurveys,
  createTraining,
  gangneungCast,
  gangneungCity,
  gangneungTeam,
  seededPerson,
  type TestTenant,
} from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// A cohort's dashboard in a Gangneung city of the test's own: nine juniors and three managers in three
// teams of three juniors and a manager. In its first activity month one training whose sheet was taken
// (everyone marked present, then 2팀 absent: 8 of 12), 1팀's team activity and meeting, and an assignment
// 1팀 handed in on time (1 of 3 teams); the diagnostic before and after (digital literacy +25 for each
// junior and +50 for each manager: +31.3 over 12 people) and the managers' satisfaction. The coordinator
// reads every chart and its table with the same figures; the deputy mayor (executive) the headline figures
// and two charts; a participant is forbidden the page and another tenant does not find it.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { seed, coordinator } = gangneungTeam;
const { juniors, managers } = gangneungCast({ juniors: 9, managers: 3 });
const participant = juniors[0] as (typeof juniors)[number];
const executive = seededPerson(seed, (person) => person.positionTitle === "부시장");
const trainingTitle = "디지털 소통 교육 1회차";
const assignmentTitle = "팀 소개 영상 만들기";

let city: TestTenant;
let cohortId = "";
let cohortTitle = "";
/** "2025-03": the activity phase's first month. */
let firstMonth = "";
const dashboardPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/dashboard`;
const shot = (name: string) => fileURLToPath(new URL(`../.tmp/${name}`, import.meta.url));

test.beforeAll(async ({ db }) => {
  const built = await gangneungCity(db, {
    juniors,
    managers,
    accounts: [
      { person: participant, roles: ["participant"] },
      { person: executive, roles: ["executive"] },
    ],
    reason: "대시보드 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
  cohortTitle = built.cohort.title;
  const actorUserId = built.coordinatorUserId;
  const tenantId = city.id;
  const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(tenantId, work);
  const transition = (to: "active" | "evaluation") =>
    inCity((tx) =>
      transitionCohort(tx, {
        tenantId,
        cohortId,
        to,
        override: true,
        reason: "대시보드 시험 기수",
        actorUserId,
        today: tenantToday("Asia/Seoul"),
        appUrl: baseURL(),
      }),
    );

  await answerGangneungSurveys(db, city, { cohortId, phase: "pre", juniors, managers });
  await transition("active");

  const { activitiesStart, teams } = await inCity(async (tx) => ({
    activitiesStart: (await tx.cohort.findFirstOrThrow({ where: { tenantId, id: cohortId } }))
      .activitiesStart,
    teams: await tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: { id: true, members: { select: { application: { select: { staffMemberId: true } } } } },
    }),
  }));
  const [one, two] = teams;
  if (!one || !two) throw new Error("the cohort has fewer than two teams");
  const start = calendarDate(activitiesStart.toISOString().slice(0, 10));
  firstMonth = start.slice(0, 7);
  const at = (days: number) => new Date(`${addDays(start, days)}T05:00:00Z`);
  const training = await createTraining(db, city, {
    cohortId,
    actorUserId,
    title: trainingTitle,
    startsAt: at(2),
  });
  for (const [who, present] of [
    ["all", true],
    [{ teamId: two.id }, false],
  ] as const)
    await inCity((tx) =>
      markAttendance(tx, { tenantId, cohortId, itemId: training, who, present, actorUserId }),
    );
  const member = one.members[0]?.application.staffMemberId as string;
  for (const [days, kind] of [
    [2, "team_activity"],
    [3, "meeting"],
  ] as const)
    await inCity((tx) =>
      logActivity(tx, {
        tenantId,
        cohortId,
        staffMemberId: member,
        kind,
        happenedOn: addDays(start, days),
        minutes: 60,
        place: "강릉 중앙시장",
        topic: "팀 활동",
        notes: "",
        participantIds: [],
        today: tenantToday("Asia/Seoul"),
        actorUserId,
      }),
    );
  const { itemId: work } = await inCity((tx) =>
    saveCalendarItem(tx, {
      tenantId,
      cohortId,
      itemId: null,
      actorUserId,
      item: {
        kind: "assignment",
        title: assignmentTitle,
        description: "",
        place: "",
        audience: "all",
        teamId: null,
        attendance: false,
        dueAt: at(10),
      },
    }),
  );
  await inCity((tx) =>
    submitAssignment(tx, {
      tenantId,
      staffMemberId: member,
      itemId: work,
      text: "팀 소개 영상을 올렸습니다.",
      links: [],
      actorUserId,
      now: at(5),
    }),
  );

  await transition("evaluation");
  await answerGangneungSurveys(db, city, { cohortId, phase: "post", juniors, managers });
});

/** What a chart's row says of itself (its printed figures), by the row's key. */
const chartText = (page: Page, chart: string, row: string) =>
  page.getByTestId(`chart-${chart}`).locator(`g[data-row="${row}"] text`).nth(1);

test("the coordinator reads each chart and its table with the same figures", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}`, { waitUntil: "networkidle" });
  await page.getByRole("navigation", { name: "기수 메뉴" }).getByRole("link", { name: "대시보드" }).click();
  await expect(page).toHaveURL(dashboardPage());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("대시보드");

  // The charts are in the server's HTML, drawn before any script runs.
  const html = await (await page.request.get(dashboardPage())).text();
  for (const chart of ["activities", "attendance", "assignments", "sessions", "changes", "satisfaction"])
    expect(html).toContain(`data-testid="chart-${chart}"`);
  expect(html).toContain('<svg viewBox="0 0 640');

  await expect(page.getByTestId("headline-teams")).toHaveText("3팀");
  await expect(page.getByTestId("headline-activities")).toHaveText("2건");
  await expect(page.getByTestId("headline-attendance")).toHaveText("67% (8/12)");
  await expect(page.getByTestId("headline-on-time")).toHaveText("33% (1/3)");
  await expect(page.getByTestId("headline-satisfaction")).toHaveText("4.1 (응답 15개)");

  for (const details of await page.locator("details.chart__table summary").all()) await details.click();

  const [year, month] = firstMonth.split("-").map(Number);
  const monthLabel = `${year}년 ${month}월`;
  await expect(chartText(page, "activities", firstMonth)).toHaveText("활동 2건 · 만남 1건");
  await expect(page.getByTestId(`activities-${firstMonth}`).locator("th, td")).toHaveText([
    monthLabel,
    "2",
    "1",
  ]);
  await expect(chartText(page, "attendance", firstMonth)).toHaveText("67% (8/12명)");
  await expect(page.getByTestId(`attendance-${firstMonth}`).locator("th, td")).toHaveText([
    monthLabel,
    "67%",
    "8",
    "12",
  ]);

  const session = page.getByTestId("chart-sessions").locator("g[data-row]");
  await expect(session).toHaveCount(1);
  await expect(session.locator("text").nth(1)).toHaveText("67% (8/12명)");
  await expect(page.getByTestId("chart-sessions").locator("tbody tr").locator("th, td").nth(2)).toHaveText(
    "67%",
  );

  const assignment = page.getByTestId("chart-assignments").locator("g[data-row]");
  await expect(assignment.locator("text").first()).toHaveText(assignmentTitle);
  await expect(assignment.locator("text").nth(1)).toHaveText("기한 내 1/3팀 (33%) · 지각 0팀");
  await expect(page.getByTestId("chart-assignments").locator("tbody tr").locator("th, td")).toHaveText([
    assignmentTitle,
    /\d/,
    "3",
    "1",
    "0",
    "2",
  ]);

  // Nine juniors +25 and three managers +50 on digital literacy: +31.3 over 12.
  const literacy = "digital_diagnostic.digital_literacy";
  await expect(chartText(page, "changes", literacy)).toHaveText("+31.3점 (n=12)");
  await expect(page.getByTestId(`change-${literacy}`).locator("th, td").nth(1)).toHaveText("+31.3");
  await expect(page.getByTestId(`change-${literacy}`).locator("th, td").nth(3)).toHaveText(
    "뚜렷하게 올랐습니다 (95% 신뢰구간이 0보다 큼)",
  );
  await expect(page.getByTestId(`change-${literacy}`).locator("th, td").nth(2)).toHaveText("12");

  await expect(chartText(page, "satisfaction", "satisfaction.sat_overall")).toHaveText("평균 4.3 (응답 3)");
  await expect(page.getByTestId("satisfaction-satisfaction.sat_overall").locator("th, td")).toHaveText([
    /.+/,
    "4.3",
    "3",
  ]);
  await expect(page.getByText("아직 제출된 평가가 없습니다.")).toBeVisible();

  await expectAccessible(page);
  const template = builtinTemplate("reverse_mentoring");
  const texts = template.questionSets
    .filter((set) => ["digital_diagnostic", "satisfaction"].includes(set.key))
    .flatMap((set) => [
      ...set.dimensions.map((dimension) => localize(dimension.label, "ko")),
      ...set.questions.map((question) => localize(question.prompt, "ko")),
    ]);
  await expectOnlyTranslatedText(page, [
    city.name,
    cohortTitle,
    coordinator.name,
    assignmentTitle,
    trainingTitle,
    ...texts,
    // Month names and a session's title with its date are data drawn into the charts.
    ...(await page.locator(".chart__label").allTextContents()),
    ...(await page.locator("td, th").allTextContents()),
  ]);
  expect(errors).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: shot("dashboard-coordinator.png"), fullPage: true });
});

test("an executive goes from their home to the headline figures and two charts, nothing per assignment or team", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(executive).email);
  const errors = watchErrors(page);
  // Their home leads to the cohort's dashboard.
  await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
  await page.getByTestId("dashboards").getByRole("link", { name: cohortTitle }).click();
  await expect(page).toHaveURL(dashboardPage());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("대시보드");
  await expect(page.getByTestId("headline-attendance")).toHaveText("67% (8/12)");
  await expect(page.locator("figure.chart")).toHaveCount(2);
  await expect(chartText(page, "activities", firstMonth)).toHaveText("활동 2건 · 만남 1건");
  await expect(chartText(page, "changes", "digital_diagnostic.digital_literacy")).toHaveText(/^\+31\.3점/);
  for (const chart of ["attendance", "assignments", "sessions", "satisfaction", "evaluation"])
    await expect(page.getByTestId(`chart-${chart}`)).toHaveCount(0);
  await expect(page.getByText(assignmentTitle)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "기수 메뉴" })).toHaveCount(0);
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await page.screenshot({ path: shot("dashboard-executive.png"), fullPage: true });
});

test("a participant is forbidden the dashboard, and another tenant does not find it", async ({ pageAs }) => {
  const member = await pageAs(city.staff(participant).email);
  expect((await member.goto(dashboardPage()))?.status()).toBe(403);

  const outsider = await pageAs(accounts.yonginCoordinator);
  expect((await outsider.goto(dashboardPage()))?.status()).toBe(404);
  expect((await outsider.goto(`${baseURL()}/yongin/programs/cohorts/${cohortId}/dashboard`))?.status()).toBe(
    404,
  );
});
