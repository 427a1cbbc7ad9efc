import { fileURLToPath } from "node:url";
import {
  assignEvaluator,
  logActivity,
  markAttendance,
  reviewSubmission,
  saveCalendarItem,
  submitAssignment,
  tenantToday,
} from "@mentoring/programs";
import type { Page } from "@playwright/test";
import {
  createTraining,
  gangneungCast,
  gangneungCity,
  gangneungOutsiders,
  gangneungTeam,
  seededPerson,
  type TestTenant,
} from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, watchErrors } from "./support";

// Gangneung's panel scores the teams of its reverse mentoring: an evaluator holding only the evaluator
// role (as an outside trainer does) is assigned two of three teams. From an otherwise empty home they find
// exactly those two, open one beside its portfolio (the work it handed in, featured; what it logged;
// who came to the training; the criteria the records compute, with their formula), are refused a score
// of 11 and a NUL byte in a comment with nothing stored, save a draft, find it again, and submit it once.
// The third team's address is not there for them; a participant is refused the page, another city's
// evaluator finds no such organisation.
//
// A city of its own with Gangneung's directory and three published teams of 3 juniors + 1 manager,
// recruited, matched by the worker and published through the use cases; the team's work, activity and
// attendance are made by the use cases too.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { seed } = gangneungTeam;
const { juniors, managers, members } = gangneungCast({ juniors: 9, managers: 3 });
const isMember = (person: { employeeNumber: string }) =>
  members.some((member) => member.employeeNumber === person.employeeNumber);
const coordinatorPerson = seededPerson(
  seed,
  (person) =>
    person.departmentCode === "general-affairs" && person.positionTitle === "팀장" && !isMember(person),
);
// No member's colleague: the template's conflict rule keeps a department's staff off its teams.
const evaluatorPerson = gangneungOutsiders(members, [coordinatorPerson])[0] as (typeof members)[number];
const participantPerson = juniors[0] as (typeof juniors)[number];

const workTitle = "4월 과제: 세대 공감 디지털 교실";
const workLink = "https://youtu.be/gangneung-digital-class";
const activityTopic = "전통시장 키오스크 함께 써 보기";
const trainingTitle = "세대 간 소통 교육";

let city: TestTenant;
let cohortId: string;
/** The cohort's three teams by number; the evaluator is assigned the first two. */
let teams: { id: string; number: number }[] = [];

test.beforeAll(async ({ db }) => {
  const built = await gangneungCity(db, {
    juniors,
    managers,
    coordinator: coordinatorPerson,
    accounts: [
      { person: evaluatorPerson, roles: ["evaluator"] },
      { person: participantPerson, roles: ["participant"] },
    ],
    reason: "평가 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
  const actorUserId = built.coordinatorUserId;
  const tenantId = city.id;
  const published = await db.withTenant(tenantId, (tx) =>
    tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        members: { select: { application: { select: { staffMemberId: true } } } },
      },
    }),
  );
  expect(published).toHaveLength(3);
  teams = published.map((team) => ({ id: team.id, number: team.number }));
  const [first] = published;
  const firstMember = first?.members[0]?.application.staffMemberId as string;
  const now = new Date();

  await db.withTenant(tenantId, async (tx) => {
    for (const team of teams.slice(0, 2))
      await assignEvaluator(tx, {
        tenantId,
        cohortId,
        teamId: team.id,
        evaluatorUserId: city.userId(evaluatorPerson),
        actorUserId,
        now,
      });
  });
  // The first team's portfolio: its work handed in, accepted and featured; an activity; the training.
  const { itemId } = await db.withTenant(tenantId, (tx) =>
    saveCalendarItem(tx, {
      tenantId,
      cohortId,
      itemId: null,
      actorUserId,
      item: {
        kind: "assignment",
        title: workTitle,
        description: "",
        place: "",
        audience: "all",
        teamId: null,
        attendance: false,
        dueAt: new Date(now.getTime() + 14 * 86_400_000),
      },
    }),
  );
  const { submissionId } = await db.withTenant(tenantId, (tx) =>
    submitAssignment(tx, {
      tenantId,
      staffMemberId: firstMember,
      itemId,
      text: "팀장님과 주민센터에서 어르신 대상 디지털 교실을 열었습니다.",
      links: [workLink],
      actorUserId,
      now,
    }),
  );
  for (const decision of ["accept", "feature"] as const)
    await db.withTenant(tenantId, (tx) =>
      reviewSubmission(tx, { tenantId, cohortId, submissionId, decision, comment: "", actorUserId, now }),
    );
  await db.withTenant(tenantId, (tx) =>
    logActivity(tx, {
      tenantId,
      cohortId,
      staffMemberId: firstMember,
      kind: "team_activity",
      happenedOn: tenantToday("Asia/Seoul"),
      minutes: 90,
      place: "강릉 중앙시장",
      topic: activityTopic,
      notes: "팀만 보는 메모",
      participantIds: [],
      today: tenantToday("Asia/Seoul"),
      actorUserId,
    }),
  );
  const training = await createTraining(db, city, {
    cohortId,
    actorUserId,
    title: trainingTitle,
    startsAt: now,
  });
  await db.withTenant(tenantId, (tx) =>
    markAttendance(tx, {
      tenantId,
      cohortId,
      itemId: training,
      who: { teamId: first?.id as string },
      present: true,
      actorUserId,
    }),
  );
});

/** Where the screenshots go, to be looked at: apps/web/.tmp/. */
const shot = (name: string) => fileURLToPath(new URL(`../.tmp/${name}`, import.meta.url));
const teamLabel = (index: number) => `${teams[index]?.number}팀`;
const evaluationsPage = () => `${baseURL()}/${city.slug}/evaluations`;
const teamPage = (index: number) => `${evaluationsPage()}/${teams[index]?.id}`;

/** What is stored of the evaluator's evaluation of a team: its status and its score rows. */
async function stored(db: import("@mentoring/db").Database, index: number) {
  return db.withTenant(city.id, async (tx) => {
    const evaluation = await tx.evaluation.findFirstOrThrow({
      where: { tenantId: city.id, assignment: { teamId: teams[index]?.id } },
      select: {
        status: true,
        submittedAt: true,
        scores: { select: { criterionKey: true, score: true, comment: true } },
      },
    });
    return evaluation;
  });
}

test("the evaluator's home leads to exactly the two teams assigned, none evaluated yet", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(evaluatorPerson).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
  const card = page.getByTestId("to-evaluate");
  await expect(card).toContainText("배정된 팀 2개 가운데 0개의 평가를 제출했습니다.");
  await expect(page.getByRole("navigation").getByRole("link", { name: "평가", exact: true })).toBeVisible();
  await card.getByRole("link", { name: "평가할 팀 보기" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("내가 평가할 팀");
  const table = page.getByRole("table", { name: "배정된 팀과 평가 상태" });
  const rows = table.getByRole("row");
  // The header and the two teams: the third is not the evaluator's.
  await expect(rows).toHaveCount(3);
  await expect(table.getByRole("link", { name: teamLabel(0), exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: teamLabel(1), exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: teamLabel(2), exact: true })).toHaveCount(0);
  await expect(table).not.toContainText("작성 중");
  await expect(rows.filter({ hasText: "시작 전" })).toHaveCount(2);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test("the evaluator reads the team's portfolio beside the rubric, is refused bad input, saves a draft and submits it once", async ({
  pageAs,
  db,
}) => {
  const page = await pageAs(city.staff(evaluatorPerson).email);
  const errors = watchErrors(page);
  await page.goto(evaluationsPage(), { waitUntil: "networkidle" });
  await page.getByRole("link", { name: teamLabel(0), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${teamLabel(0)} 평가`);

  // The portfolio: members, the featured work with its link, the activity (not its notes), attendance.
  await expect(page.getByRole("table", { name: "팀원과 소속" }).getByRole("row")).toHaveCount(5);
  const work = page.getByRole("article", { name: workTitle });
  await expect(work).toContainText("우수 과제");
  await expect(work).toContainText("확인 완료");
  await expect(work.getByRole("link", { name: workLink })).toHaveAttribute("href", workLink);
  const activities = page.getByRole("table", { name: "팀이 기록한 활동 1건" });
  await expect(activities).toContainText(activityTopic);
  await expect(activities).toContainText("90분");
  await expect(activities).toContainText("0장");
  await expect(page.locator("body")).not.toContainText("팀만 보는 메모");
  const attendance = page.getByRole("table", { name: "팀원별 출석 (출석/출석 대상)" });
  await expect(attendance.getByRole("row").filter({ hasText: "1/1회" })).toHaveCount(4);
  // The criteria the records compute, read-only with their value and formula.
  const computed = page.getByTestId("computed-criteria");
  await expect(computed).toContainText("정기 교육 참여");
  await expect(computed).toContainText("10점 / 10점");
  await expect(computed).toContainText("계산식: 출석한 횟수 ÷ 출석 대상 횟수 × 만점");
  await expect(computed).toContainText("수시 활동 참여");
  // The rubric: the criterion the evaluators score, with its level descriptors.
  const results = page.getByRole("group", { name: "활동 성과" });
  await expect(results).toContainText("10점: 뚜렷한 성과가 있고 다른 부서에 확산할 만함");
  await expectAccessible(page);

  const score = results.getByLabel("점수 (0~10점)");
  const comment = results.getByLabel("의견");
  // A score of 11: refused beside the score, nothing stored.
  await score.fill("11");
  await comment.fill("디지털 교실이 인상적임");
  await page.getByRole("button", { name: "임시 저장" }).click();
  await expect(results.getByText("점수는 0점부터 10점까지 정수로 입력해 주세요.")).toBeVisible();
  await expect(score).toHaveAttribute("aria-invalid", "true");
  expect((await stored(db, 0)).scores).toEqual([]);
  // A NUL byte in the comment: refused beside the comment, nothing stored.
  await score.fill("8");
  await comment.fill("디지털\u0000교실");
  await page.getByRole("button", { name: "임시 저장" }).click();
  await expect(results.getByText("의견: 보이지 않는 제어 문자(NUL 등)는 입력할 수 없습니다")).toBeVisible();
  expect((await stored(db, 0)).scores).toEqual([]);

  // A draft, found again on coming back.
  await comment.fill("어르신 디지털 교실을 열어 다른 부서에 확산할 만함");
  await page.getByRole("button", { name: "임시 저장" }).click();
  const draftSaved = page
    .getByRole("status")
    .filter({ hasText: "임시 저장했습니다. 제출하기 전까지 고칠 수 있습니다." });
  // Saved from below the rubric: the answer above it is brought into view and read out.
  await expect(draftSaved).toBeFocused();
  await expect(draftSaved).toBeInViewport();
  expect(await stored(db, 0)).toMatchObject({
    status: "draft",
    scores: [
      { criterionKey: "results", score: 8, comment: "어르신 디지털 교실을 열어 다른 부서에 확산할 만함" },
    ],
  });
  await page.goto(evaluationsPage(), { waitUntil: "networkidle" });
  await expect(page.getByRole("row").filter({ hasText: teamLabel(0) })).toContainText("작성 중");
  await page.getByRole("link", { name: teamLabel(0), exact: true }).click();
  const again = page.getByRole("group", { name: "활동 성과" });
  await expect(again.getByLabel("점수 (0~10점)")).toHaveValue("8");
  await expect(again.getByLabel("의견")).toHaveValue("어르신 디지털 교실을 열어 다른 부서에 확산할 만함");

  await page.screenshot({ path: shot("evaluations-desktop.png"), fullPage: true });

  // Submitted once, after the confirmation; then read back, with no form.
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await page.getByRole("button", { name: "제출하기" }).click();
  await expect(page.getByTestId("submitted")).toContainText("에 제출한 평가입니다.");
  expect(asked).toContain("제출하면 수정할 수 없습니다");
  await expect(page.getByRole("button", { name: "제출하기" })).toHaveCount(0);
  await expect(page.getByLabel("점수 (0~10점)")).toHaveCount(0);
  await expect(page.locator("main")).toContainText("8점 / 10점");
  expect(await stored(db, 0)).toMatchObject({
    status: "submitted",
    scores: [{ criterionKey: "results", score: 8 }],
  });
  await expectAccessible(page);
  await page.goto(evaluationsPage(), { waitUntil: "networkidle" });
  await expect(page.getByRole("row").filter({ hasText: teamLabel(0) })).toContainText("제출함");
  expect(errors).toEqual([]);
});

test("another team's address, or a made-up one, is not there for the evaluator", async ({ pageAs }) => {
  const page = await pageAs(city.staff(evaluatorPerson).email);
  expect((await page.goto(teamPage(2)))?.status()).toBe(404);
  expect((await page.goto(`${evaluationsPage()}/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
  expect((await page.goto(`${evaluationsPage()}/not-a-team`))?.status()).toBe(404);
});

test("a participant is refused the evaluator's pages, and another city's evaluator finds no such organisation", async ({
  pageAs,
}) => {
  const participant = await pageAs(city.staff(participantPerson).email);
  await participant.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
  await expect(
    participant.getByRole("navigation").getByRole("link", { name: "평가", exact: true }),
  ).toHaveCount(0);
  expect((await participant.goto(evaluationsPage()))?.status()).toBe(403);
  expect((await participant.goto(teamPage(0)))?.status()).toBe(403);
  const outsider = await pageAs(accounts.yonginEvaluator);
  expect((await outsider.goto(evaluationsPage()))?.status()).toBe(404);
  expect((await outsider.goto(teamPage(1)))?.status()).toBe(404);
});

test.describe("on the evaluator's phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the second team's page reads on a phone, the rubric below the portfolio", async ({ pageAs }) => {
    const page: Page = await pageAs(city.staff(evaluatorPerson).email);
    const errors = watchErrors(page);
    await page.goto(teamPage(1), { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${teamLabel(1)} 평가`);
    await expect(page.getByText("기록한 활동이 없습니다.")).toBeVisible();
    await expect(page.getByRole("group", { name: "활동 성과" }).getByLabel("점수 (0~10점)")).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({
      path: shot("evaluations-phone.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);
  });
});
