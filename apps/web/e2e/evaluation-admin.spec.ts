import type { Database } from "@mentoring/db";
import type { SeedStaffMember } from "@mentoring/db/seed";
import { assignEvaluator, markAttendance, submitEvaluation } from "@mentoring/programs";
import {
  createTraining,
  gangneungCast,
  gangneungCity,
  gangneungOutsiders,
  gangneungTeam,
  type TestTenant,
} from "./factories";
import { expect, test } from "./fixtures";
import {
  accounts,
  baseURL,
  expectAccessible,
  expectOnlyTranslatedText,
  mailsTo,
  watchErrors,
} from "./support";

// The coordinator's evaluation page in a Gangneung city of the test's own, with four published teams of
// three juniors and a manager: a staff evaluator assigned to three teams at once, a colleague of a team
// member refused with the conflict rule's reason, an outside trainer invited by e-mail (the mail reaches
// the SMTP sink, the trainer joins and is assigned), a submitted evaluation reopened; then three
// evaluators' scores, submitted through the use cases, rank the teams and propose 최우수 1 and 우수 2.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { seed, coordinator } = gangneungTeam;
const { juniors, managers, members } = gangneungCast({ juniors: 12, managers: 4 });
const memberNumbers = new Set(members.map((person) => person.employeeNumber));
const [evaluatorA, evaluatorB, evaluatorC] = gangneungOutsiders(members, [coordinator]);
/** A member with a colleague outside the cohort: the conflict rule keeps the colleague off the member's team. */
const colleagueOf = (member: SeedStaffMember) =>
  seed.staff.find(
    (person) =>
      person.active &&
      !memberNumbers.has(person.employeeNumber) &&
      person.departmentCode === member.departmentCode &&
      person.employeeNumber !== coordinator.employeeNumber,
  );
const conflicted = members.find((member) => colleagueOf(member));
const colleague = conflicted && colleagueOf(conflicted);
const participant = juniors[0];
if (!evaluatorA || !evaluatorB || !evaluatorC || !colleague || !participant)
  throw new Error("Gangneung's directory has too few people for the evaluation test");
const evaluators = [evaluatorA, evaluatorB, evaluatorC];
const involved = new Set(
  [...members, ...evaluators, colleague, coordinator].map((person) => person.employeeNumber),
);

let city: TestTenant;
let cohortId = "";
let coordinatorUserId = "";
let cohortTitle = "";
/** Team ids by team number. */
const teamIds = new Map<number, string>();
/** The number of the conflicted member's team. */
let conflictTeam = 0;
/** Per team with a member of the colleague's department, those members as the refusal names them. */
const conflictNames = new Map<number, string>();
const trainerEmail = () => `outside.trainer@${city.slug}.example.kr`;

test.beforeAll(async ({ db }) => {
  const built = await gangneungCity(db, {
    juniors,
    managers,
    accounts: [
      { person: participant, roles: ["participant"] },
      ...evaluators.map((person) => ({ person, roles: ["evaluator" as const] })),
      { person: colleague, roles: ["evaluator"] },
    ],
    reason: "평가 시험 기수",
  });
  city = built.city;
  coordinatorUserId = built.coordinatorUserId;
  cohortId = built.cohort.id;
  cohortTitle = built.cohort.title;
  const rows = await db.withTenant(city.id, (tx) =>
    tx.teamMember.findMany({
      where: { tenantId: city.id, cohortId },
      select: {
        team: { select: { id: true, number: true } },
        application: {
          select: { staffMember: { select: { employeeNumber: true, name: true } } },
        },
      },
    }),
  );
  for (const row of rows) teamIds.set(row.team.number, row.team.id);
  expect(teamIds.size).toBe(4);
  const conflictedRow = rows.find(
    (row) => row.application.staffMember.employeeNumber === conflicted?.employeeNumber,
  );
  conflictTeam = conflictedRow?.team.number ?? 0;
  const departmentOf = (employeeNumber: string) =>
    seed.staff.find((person) => person.employeeNumber === employeeNumber)?.departmentCode;
  for (const number of teamIds.keys()) {
    const names = rows
      .filter(
        (row) =>
          row.team.number === number &&
          departmentOf(row.application.staffMember.employeeNumber) === colleague.departmentCode,
      )
      .map((row) => row.application.staffMember.name)
      .sort()
      .join(", ");
    if (names) conflictNames.set(number, names);
  }

  // The monthly training, begun a few minutes ago, everyone marked present: the computed criterion
  // "정기 교육 참여" then has a figure for every team.
  const startsAt = new Date(Date.now() - 5 * 60_000);
  const itemId = await createTraining(db, city, {
    cohortId,
    actorUserId: coordinatorUserId,
    title: "소통 역량 강화 교육",
    startsAt,
  });
  await db.withTenant(city.id, (tx) =>
    markAttendance(tx, {
      tenantId: city.id,
      cohortId,
      itemId,
      who: "all",
      present: true,
      actorUserId: coordinatorUserId,
    }),
  );
});

const evaluationPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/evaluation`;
const team = (number: number) => teamIds.get(number) as string;

async function assign(db: Database, evaluator: SeedStaffMember, number: number) {
  await db.withTenant(city.id, (tx) =>
    assignEvaluator(tx, {
      tenantId: city.id,
      cohortId,
      teamId: team(number),
      evaluatorUserId: city.userId(evaluator),
      actorUserId: coordinatorUserId,
      now: new Date(),
    }),
  );
}

async function submit(db: Database, evaluator: SeedStaffMember, number: number, score: number) {
  await db.withTenant(city.id, (tx) =>
    submitEvaluation(tx, {
      tenantId: city.id,
      evaluatorUserId: city.userId(evaluator),
      teamId: team(number),
      entries: { results: { score, comment: `${number}팀 활동 성과 평가` } },
      now: new Date(),
    }),
  );
}

test("the coordinator assigns a staff evaluator to three teams at once", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "팀 평가" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "기수 메뉴" }).getByRole("link", { name: "평가" }),
  ).toHaveAttribute("aria-current", "page");
  // The member list narrows as the name is typed.
  await page.getByLabel("구성원 찾기").fill(evaluatorA.name);
  const select = page.getByLabel("평가위원", { exact: true });
  await expect(select.locator("option", { hasText: evaluatorA.name })).toHaveCount(1);
  await expect(select.locator("option", { hasText: evaluatorB.name })).toHaveCount(0);
  await select.selectOption(city.userId(evaluatorA));
  const teams = page.getByRole("group", { name: "평가할 팀" });
  for (const number of [1, 2, 3]) await teams.getByLabel(`${number}팀`, { exact: true }).check();
  await page.getByRole("button", { name: "배정하기" }).click();
  await expect(page.getByRole("status")).toHaveText(`${evaluatorA.name}님을 1팀, 2팀, 3팀에 배정했습니다.`);
  const table = page.getByRole("table", { name: "팀별 팀원과 평가위원, 평가 진행 상황" });
  for (const number of [1, 2, 3])
    await expect(
      table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `${number}팀` }) }),
    ).toContainText(`${evaluatorA.name} · 작성 중`);
  await expect(
    table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "4팀" }) }),
  ).toContainText("아직 배정된 평가위원이 없습니다.");
  await expect(page.getByTestId("evaluation-progress")).toContainText(
    "평가위원 배정 3건 가운데 0건이 제출되었습니다.",
  );
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test("a colleague of a team member is refused for that team, with the member and department named at the field", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinator).email);
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  const select = page.getByLabel("평가위원", { exact: true });
  await select.selectOption(city.userId(colleague));
  await page
    .getByRole("group", { name: "평가할 팀" })
    .getByLabel(`${conflictTeam}팀`, { exact: true })
    .check();
  await page.getByRole("button", { name: "배정하기" }).click();
  const department = seed.departments.find((row) => row.code === colleague.departmentCode)?.name;
  const reason = `팀원 ${conflictNames.get(conflictTeam)}님과 같은 부서(${department}) 직원은 이 팀을 평가할 수 없습니다(이해충돌 방지 규정).`;
  await expect(page.getByLabel("평가위원", { exact: true })).toHaveAccessibleDescription(reason);
  await expect(page.getByText(reason)).toBeVisible();
  // Nothing was assigned.
  await expect(page.getByTestId("evaluation-progress")).toContainText("평가위원 배정 3건");
  await expectAccessible(page);
});

test("an outside trainer is invited by e-mail, joins through the mail's link and is assigned", async ({
  pageAs,
  visitorPage,
}) => {
  const page = await pageAs(city.staff(coordinator).email);
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  const email = trainerEmail();
  await page.getByLabel("초대할 이메일").fill(email);
  await page.getByRole("button", { name: "초대 메일 보내기" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `${email} 주소로 초대 메일을 보냈습니다. 가입하면 평가위원 목록에 나타납니다.`,
  );
  await expect(page.getByText(new RegExp(`^${email.replace(/\./g, "\\.")} \\(초대 만료 `))).toBeVisible();

  await expect.poll(() => mailsTo(email).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const mail = mailsTo(email).at(-1);
  expect(mail?.subject).toBe(`${city.name} 멘토링 플랫폼에 초대되었습니다`);
  const link = mail?.text.match(new RegExp(`https?://\\S+/join/${city.slug}/[\\w-]+`))?.[0];
  expect(link, mail?.text).toBeDefined();
  const trainer = await visitorPage();
  await trainer.goto(link as string);
  await trainer.getByLabel("이름").fill("외부강사 한지민");
  await trainer.getByLabel("비밀번호", { exact: true }).fill("trainer-password-123");
  await trainer.getByRole("button", { name: "가입하고 참여하기" }).click();
  await expect(trainer).toHaveURL(`${baseURL()}/${city.slug}`);

  // Now a member: chosen like anyone else, shown as outside.
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  await page.getByLabel("구성원 찾기").fill("outside.trainer");
  await page
    .getByLabel("평가위원", { exact: true })
    .selectOption({ label: `외부강사 한지민 · 외부 · ${email}` });
  await page.getByRole("group", { name: "평가할 팀" }).getByLabel("4팀", { exact: true }).check();
  await page.getByRole("button", { name: "배정하기" }).click();
  await expect(page.getByRole("status")).toHaveText("외부강사 한지민님을 4팀에 배정했습니다.");
  await expect(
    page
      .getByRole("table", { name: "팀별 팀원과 평가위원, 평가 진행 상황" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "4팀" }) }),
  ).toContainText("외부강사 한지민 (외부 위원) · 작성 중");
});

test("the coordinator reopens a submitted evaluation after confirming", async ({ pageAs, db }) => {
  await assign(db, evaluatorB, 4);
  await submit(db, evaluatorB, 4, 7);
  const page = await pageAs(city.staff(coordinator).email);
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  const row = page
    .getByRole("table", { name: "팀별 팀원과 평가위원, 평가 진행 상황" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "4팀" }) });
  await expect(row).toContainText(`${evaluatorB.name} · 제출함(`);
  // A submitted evaluation cannot be unassigned: only reopened.
  await expect(row.getByRole("button", { name: `4팀 ${evaluatorB.name}님 배정 취소` })).toHaveCount(0);
  const reopen = row.getByRole("button", { name: `4팀 ${evaluatorB.name}님 평가 다시 열기` });
  // Dismissed, nothing happens.
  page.once("dialog", (dialog) => dialog.dismiss());
  await reopen.click();
  await expect(row).toContainText(`${evaluatorB.name} · 제출함(`);
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await reopen.click();
  await expect(page.getByRole("status")).toHaveText(
    "평가를 다시 열었습니다. 평가위원이 다시 제출할 때까지 결과에서 빠집니다.",
  );
  expect(asked).toContain(`4팀에 대한 ${evaluatorB.name}님의 평가를 다시 열까요?`);
  await expect(row).toContainText(`${evaluatorB.name} · 다시 열림(`);
  const audited = await db.withTenant(city.id, (tx) =>
    tx.auditLog.count({
      where: { tenantId: city.id, action: "evaluation.reopen", actorUserId: coordinatorUserId },
    }),
  );
  expect(audited).toBe(1);
  await expectAccessible(page);
});

test("three evaluators' submitted scores rank the teams and propose 최우수 1 and 우수 2", async ({
  pageAs,
  db,
}, testInfo) => {
  // evaluatorA already has teams 1-3 (assigned on the page), evaluatorB team 4 (reopened).
  await assign(db, evaluatorA, 4);
  for (const number of [1, 2, 3]) await assign(db, evaluatorB, number);
  for (const number of [1, 2, 3, 4]) await assign(db, evaluatorC, number);
  // The same order from each: 3 > 1 > 4 > 2; B is lenient and C harsh, which normalisation takes out.
  const scores: [SeedStaffMember, Record<number, number>][] = [
    [evaluatorA, { 1: 7, 2: 4, 3: 9, 4: 6 }],
    [evaluatorB, { 1: 8, 2: 5, 3: 10, 4: 6 }],
    [evaluatorC, { 1: 5, 2: 2, 3: 7, 4: 3 }],
  ];
  for (const [evaluator, byTeam] of scores)
    for (const [number, score] of Object.entries(byTeam)) await submit(db, evaluator, Number(number), score);

  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  await expect(page.getByTestId("results-submitted")).toHaveText("제출된 평가 12/13건.");
  const awards = page.getByTestId("proposed-awards");
  await expect(awards.getByRole("listitem").nth(0)).toHaveText(
    "최우수(1개 팀): 3팀 · 표창 및 국내외 우수사례지 견학",
  );
  await expect(awards.getByRole("listitem").nth(1)).toHaveText("우수(2개 팀): 1팀, 4팀 · 표창");
  await expect(page.getByTestId("award-tie")).toHaveCount(0);
  const ranking = page.getByRole("table", { name: "팀 순위와 항목별 보정 점수" });
  const rows = ranking.getByRole("row");
  await expect(rows).toHaveCount(5);
  const expected = [
    ["1위", "3팀", "최우수"],
    ["2위", "1팀", "우수"],
    ["3위", "4팀", "우수"],
    ["4위", "2팀", "—"],
  ];
  for (const [index, [rank, teamName, award]] of expected.entries()) {
    const row = rows.nth(index + 1);
    await expect(row.getByRole("rowheader")).toHaveText(rank as string);
    await expect(row.getByRole("cell").nth(0)).toHaveText(teamName as string);
    await expect(row.getByRole("cell").last()).toHaveText(award as string);
    // Every member present at the training: full marks on the computed criterion.
    await expect(row).toContainText("10.0/10");
  }
  await expect(rows.nth(1)).toContainText("완료(제출 3/3)");
  // Team 4 also has the trainer, who has not submitted: complete, with 3 of 4.
  await expect(rows.nth(3)).toContainText("완료(제출 3/4)");
  await expect(page.getByTestId("normalisation-rule")).toContainText("표준화(z점수)");
  await expect(page.getByTestId("tie-rule")).toContainText(
    "가중치가 큰 항목부터(활동 성과, 정기 교육 참여, 수시 활동 참여)",
  );
  await expectAccessible(page);
  // Every word on the page is a message of the i18n resources or data from the database.
  await expectOnlyTranslatedText(page, [
    ...seed.staff.filter((person) => involved.has(person.employeeNumber)).map((person) => person.name),
    ...seed.departments.map((department) => department.name),
    city.name,
    cohortTitle,
    "외부강사 한지민",
    `trainer@${city.slug}-institute.example.kr`,
  ]);
  expect(errors).toEqual([]);
  await page.getByRole("heading", { level: 2, name: "평가 결과" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("evaluation-results.png"), fullPage: true });
});

test("one evaluator for every team: each refused team is listed with its reason, the rest assigned, and one unassigned again", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  const assignToAll = async (userId: string) => {
    await page.getByLabel("평가위원", { exact: true }).selectOption(userId);
    const teams = page.getByRole("group", { name: "평가할 팀" });
    for (const number of [1, 2, 3, 4]) await teams.getByLabel(`${number}팀`, { exact: true }).check();
    await page.getByRole("button", { name: "배정하기" }).click();
  };
  const refused = page.getByRole("alert").filter({ hasText: "배정하지 못했습니다" });

  // The colleague's department is in every team the matcher formed, or in some: each such team says why.
  await assignToAll(city.userId(colleague));
  const department = seed.departments.find((row) => row.code === colleague.departmentCode)?.name;
  await expect(refused.getByRole("listitem")).toHaveText(
    [...conflictNames.entries()]
      .sort(([a], [b]) => a - b)
      .map(
        ([number, names]) =>
          `${number}팀: 팀원 ${names}님과 같은 부서(${department}) 직원은 이 팀을 평가할 수 없습니다(이해충돌 방지 규정).`,
      ),
  );
  await expectAccessible(page);

  // The trainer, already on team 4: assigned to the other three.
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  await page.getByLabel("구성원 찾기").fill("outside.trainer");
  const trainer = await page
    .getByLabel("평가위원", { exact: true })
    .locator("option", { hasText: "외부강사 한지민" })
    .getAttribute("value");
  await assignToAll(trainer as string);
  await expect(page.getByRole("status")).toHaveText("외부강사 한지민님을 1팀, 2팀, 3팀에 배정했습니다.");
  await expect(refused.getByRole("listitem")).toHaveText(["4팀: 이미 이 팀에 배정된 평가위원입니다."]);

  const unassign = page.getByRole("button", { name: "1팀 외부강사 한지민님 배정 취소" });
  await unassign.click();
  await expect(page.getByRole("status")).toHaveText("배정을 취소했습니다.");
  await expect(unassign).toHaveCount(0);
  await expect(page.getByRole("button", { name: "2팀 외부강사 한지민님 배정 취소" })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("a participant is forbidden the page, and another tenant's coordinator does not find it", async ({
  pageAs,
}) => {
  const member = await pageAs(city.staff(participant).email);
  const forbidden = await member.goto(evaluationPage());
  expect(forbidden?.status()).toBe(403);

  const outsider = await pageAs(accounts.yonginCoordinator);
  expect((await outsider.goto(evaluationPage()))?.status()).toBe(404);
  // Their own organisation's address with this cohort: not theirs either.
  expect((await outsider.goto(`${baseURL()}/yongin/programs/cohorts/${cohortId}/evaluation`))?.status()).toBe(
    404,
  );
});
