import type { Database } from "@mentoring/db";
import { cohortCast, type SeedStaffMember, seededCohorts } from "@mentoring/db/seed";
import { markAttendance, saveCalendarItem, submitEvaluation } from "@mentoring/programs";
import type { Page } from "@playwright/test";
import { createCohortFor, createTenant, gangneungTeam, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, mailsTo, watchErrors } from "./support";

// Gangneung's 2nd cohort evaluated and awarded, end to end in the browser: 30 juniors and 10 managers in 10
// published teams of 3 + 1. The coordinator tries a colleague of a team member as an evaluator and is
// refused with the conflict rule's reason; assigns two staff evaluators to all 10 teams; invites an outside
// trainer by e-mail, who signs up from the mail's link and is assigned 9 teams (the 10th team's address is
// not there for the trainer: 404). The three evaluators score; the ranking shows 최우수 1팀 and 우수 2팀, and
// 4팀 and 3팀, level on total, are told apart by the tie rule (the heaviest criterion, 활동 성과): 4팀 takes
// the last 우수 place. The coordinator proposes the prefilled awards, the executive approves, the worker
// makes the 표창장s and each verifies at /verify.
//
// What the scores are made of: the rubric of Gangneung's template weighs 정기 교육 참여 30 (attendance, from
// the records), 수시 활동 참여 30 (activities logged: none here, 0 for every team) and 활동 성과 40 (scored by
// the evaluators, z-score normalised). 4팀 missed two of its five marks at the trainings (6.0/10 against
// everyone else's 10.0/10: 12 points fewer) and its normalised 활동 성과 is 3 points higher than 3팀's (12
// points more): the same total. For the normalisation to give exactly 3 points, the lenient staff evaluator
// scores each team one point above the other (the same z), and the trainer's nine scores spread exactly as
// widely as the staff evaluators' ten (the same standard deviation), rating 4팀 three points above 3팀 too.
//
// In the browser: the first staff evaluator scores all 10 teams; the second and the trainer each score a team
// or two on the page and submit the rest through the use case the page calls (submitEvaluation), to keep the
// journey well under two minutes. The city, its cohort recruited, matched by the worker and published, and the
// attendance are made through the use cases too.

test.setTimeout(300_000);

const { seed, coordinator } = gangneungTeam;
const seeded = seededCohorts.gangneung?.[0];
if (!seeded) throw new Error("Gangneung has no seeded cohort");
const cast = cohortCast(seed, seeded);
const juniors = cast.mentors;
const managers = cast.mentees;
const members = [...juniors, ...managers];
const executive = seededPerson(seed, (person) => person.positionTitle === "부시장");
const memberNumbers = new Set(members.map((person) => person.employeeNumber));
const memberDepartments = new Set(members.map((person) => person.departmentCode));
const staffOnly = (person: SeedStaffMember) =>
  person.active &&
  !memberNumbers.has(person.employeeNumber) &&
  person.employeeNumber !== coordinator.employeeNumber &&
  person.employeeNumber !== executive.employeeNumber;
/** Staff outside the cohort and outside every member's department: free to evaluate every team. */
const [evaluatorA, evaluatorB] = seed.staff.filter(
  (person) => staffOnly(person) && !memberDepartments.has(person.departmentCode),
);
/** A colleague of a member (same department, not in the cohort): the conflict rule keeps them off that team. */
const colleague = seed.staff.find(
  (person) => staffOnly(person) && memberDepartments.has(person.departmentCode),
);
if (juniors.length !== 30 || managers.length !== 10 || !evaluatorA || !evaluatorB || !colleague)
  throw new Error("Gangneung's directory has too few people for the evaluation journey");
const involved = new Set(
  [...members, evaluatorA, evaluatorB, colleague, coordinator, executive].map(
    (person) => person.employeeNumber,
  ),
);

const trainerName = "외부강사 한지민";
/** The team the trainer is not assigned: its address is not there for them. */
const NOT_THE_TRAINERS = 10;
/** The tie: 4팀 scores 3 points higher on 활동 성과 than 3팀 and misses two attendance marks. */
const TIED_HIGHER = 4;
const TIED_LOWER = 3;

/**
 * 활동 성과 (0-10) by team number. The second staff evaluator gives one point more to every team. The
 * trainer scores teams 1-9: their scores' population variance equals the first evaluator's over ten teams
 * (10 × the trainer's sum of squared deviations = 9 × the evaluator's), so the pooled spread is the same.
 */
const staffScores: Record<number, number> = { 1: 4, 2: 7, 3: 6, 4: 9, 5: 3, 6: 7, 7: 4, 8: 3, 9: 4, 10: 3 };
const trainerScores: Record<number, number> = { 1: 6, 2: 7, 3: 6, 4: 9, 5: 2, 6: 6, 7: 4, 8: 3, 9: 5 };
/**
 * The ranking these give, best first (team numbers): 4팀 has the best 활동 성과 but, 12 points down on
 * attendance, lands level with 3팀 (55.3 each) and ahead of it by the tie rule.
 */
const expectedOrder = [2, 6, 4, 3, 1, 9, 7, 10, 8, 5];

let city: TestTenant;
let cohortId = "";
let cohortTitle = "";
let coordinatorUserId = "";
/** Team ids by team number. */
const teamIds = new Map<number, string>();
/** The number of a team with a member of the colleague's department, and those members' names. */
let conflictTeam = 0;
let conflictNames = "";

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinator, roles: ["coordinator"] },
      { person: executive, roles: ["executive"] },
      ...[evaluatorA, evaluatorB, colleague].map((person) => ({ person, roles: ["evaluator" as const] })),
    ],
    staff: (person) => involved.has(person.employeeNumber),
  });
  coordinatorUserId = city.userId(coordinator);
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: seeded.recruitmentStart as string,
    phase: "published",
    applicants: [
      ...juniors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...managers.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "평가 여정 기수",
    actorUserId: coordinatorUserId,
    appUrl: baseURL(),
  });
  cohortId = cohort.id;
  cohortTitle = cohort.title;
  const rows = await db.withTenant(city.id, (tx) =>
    tx.teamMember.findMany({
      where: { tenantId: city.id, cohortId },
      select: {
        role: true,
        applicationId: true,
        team: { select: { id: true, number: true } },
        application: {
          select: { staffMember: { select: { name: true, employeeNumber: true } } },
        },
      },
    }),
  );
  for (const row of rows) teamIds.set(row.team.number, row.team.id);
  expect(teamIds.size).toBe(10);
  const departmentOf = (employeeNumber: string) =>
    seed.staff.find((person) => person.employeeNumber === employeeNumber)?.departmentCode;
  const colleagues = rows.filter(
    (row) => departmentOf(row.application.staffMember.employeeNumber) === colleague.departmentCode,
  );
  conflictTeam = Math.min(...colleagues.map((row) => row.team.number));
  conflictNames = colleagues
    .filter((row) => row.team.number === conflictTeam)
    .map((row) => row.application.staffMember.name)
    .sort()
    .join(", ");

  // Two trainings, begun a few minutes ago, taking attendance: one for everyone, one for the managers.
  // Everyone came, except that one of 4팀's juniors missed the first and its manager the second: 4팀 has
  // 3 of its 5 marks (6.0/10 on 정기 교육 참여), every other team 5 of 5.
  const startsAt = new Date(Date.now() - 5 * 60_000);
  const training = async (title: string, audience: "all" | "mentees") => {
    const { itemId } = await db.withTenant(city.id, (tx) =>
      saveCalendarItem(tx, {
        tenantId: city.id,
        cohortId,
        itemId: null,
        actorUserId: coordinatorUserId,
        item: {
          kind: "training",
          title,
          description: "",
          place: "시청 대회의실",
          audience,
          teamId: null,
          attendance: true,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        },
      }),
    );
    await mark(db, itemId, "all", true);
    return itemId;
  };
  const everyone = await training("소통 역량 강화 교육", "all");
  const forManagers = await training("관리자 디지털 역량 교육", "mentees");
  const tiedTeam = rows.filter((row) => row.team.number === TIED_HIGHER);
  const absentJunior = tiedTeam.find((row) => row.role === "mentor")?.applicationId as string;
  await mark(db, everyone, { applicationIds: [absentJunior] }, false);
  await mark(db, forManagers, { teamId: team(TIED_HIGHER) }, false);
});

async function mark(
  db: Database,
  itemId: string,
  who: "all" | { applicationIds: string[] } | { teamId: string },
  present: boolean,
) {
  await db.withTenant(city.id, (tx) =>
    markAttendance(tx, {
      tenantId: city.id,
      cohortId,
      itemId,
      who,
      present,
      actorUserId: coordinatorUserId,
    }),
  );
}

const team = (number: number) => teamIds.get(number) as string;
const teamName = (number: number) => `${number}팀`;
const allTeams = Array.from({ length: 10 }, (_, index) => index + 1);
const evaluationPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/evaluation`;
const evaluatorTeamPage = (number: number) => `${baseURL()}/${city.slug}/evaluations/${team(number)}`;
const trainerEmail = () => `jimin.han@${city.slug}-institute.example.kr`;

/** Submits an evaluator's score of a team through the use case the evaluator's page calls. */
async function submitScore(db: Database, evaluatorUserId: string, number: number, score: number) {
  await db.withTenant(city.id, (tx) =>
    submitEvaluation(tx, {
      tenantId: city.id,
      evaluatorUserId,
      teamId: team(number),
      entries: { results: { score, comment: `${teamName(number)} 활동 성과 평가` } },
      now: new Date(),
    }),
  );
}

/** On the evaluator's page of a team: the score and a comment, submitted after the confirmation. */
async function scoreInBrowser(page: Page, number: number, score: number) {
  await page.goto(evaluatorTeamPage(number), { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${teamName(number)} 평가`);
  const results = page.getByRole("group", { name: "활동 성과" });
  await results.getByLabel("점수 (0~10점)").fill(String(score));
  await results.getByLabel("의견").fill(`${teamName(number)}의 활동 성과를 포트폴리오로 확인함`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "제출하기" }).click();
  await expect(page.getByTestId("submitted")).toContainText("에 제출한 평가입니다.");
}

/** On the coordinator's page: picks the evaluator (by option value or label) and the teams, and assigns. */
async function assignOnPage(page: Page, evaluator: { value: string } | { label: string }, numbers: number[]) {
  await page.goto(evaluationPage(), { waitUntil: "networkidle" });
  await page.getByLabel("평가위원", { exact: true }).selectOption(evaluator);
  const teams = page.getByRole("group", { name: "평가할 팀" });
  for (const number of numbers) await teams.getByLabel(teamName(number), { exact: true }).check();
  await page.getByRole("button", { name: "배정하기" }).click();
}

test("Gangneung's 2nd cohort is scored by three evaluators, ranked with the tie rule, awarded and verified", async ({
  pageAs,
  visitorPage,
  db,
}) => {
  const desk = await pageAs(city.staff(coordinator).email);
  const deskErrors = watchErrors(desk);

  await test.step("a colleague of a team member is refused that team, with the reason", async () => {
    await assignOnPage(desk, { value: city.userId(colleague) }, [conflictTeam]);
    const department = seed.departments.find((row) => row.code === colleague.departmentCode)?.name;
    const reason = `팀원 ${conflictNames}님과 같은 부서(${department}) 직원은 이 팀을 평가할 수 없습니다(이해충돌 방지 규정).`;
    await expect(desk.getByLabel("평가위원", { exact: true })).toHaveAccessibleDescription(reason);
    await expect(desk.getByText(reason)).toBeVisible();
    await expect(desk.getByTestId("evaluation-progress")).toContainText("평가위원 배정 0건");
  });

  await test.step("two staff evaluators are assigned all 10 teams", async () => {
    const everyTeam = allTeams.map(teamName).join(", ");
    for (const evaluator of [evaluatorA, evaluatorB]) {
      await assignOnPage(desk, { value: city.userId(evaluator) }, allTeams);
      await expect(desk.getByRole("status")).toHaveText(`${evaluator.name}님을 ${everyTeam}에 배정했습니다.`);
    }
    await expect(desk.getByTestId("evaluation-progress")).toContainText(
      "평가위원 배정 20건 가운데 0건이 제출되었습니다.",
    );
  });

  const trainer = await visitorPage();
  const trainerErrors = watchErrors(trainer);
  await test.step("an outside trainer is invited by e-mail and signs up from the mail's link", async () => {
    await desk.goto(evaluationPage(), { waitUntil: "networkidle" });
    await desk.getByLabel("초대할 이메일").fill(trainerEmail());
    await desk.getByRole("button", { name: "초대 메일 보내기" }).click();
    await expect(desk.getByRole("status")).toHaveText(
      `${trainerEmail()} 주소로 초대 메일을 보냈습니다. 가입하면 평가위원 목록에 나타납니다.`,
    );
    await expect.poll(() => mailsTo(trainerEmail()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const mail = mailsTo(trainerEmail()).at(-1);
    const link = mail?.text.match(new RegExp(`https?://\\S+/join/${city.slug}/[\\w-]+`))?.[0];
    expect(link, mail?.text).toBeDefined();
    await trainer.goto(link as string, { waitUntil: "networkidle" });
    await trainer.getByLabel("이름").fill(trainerName);
    await trainer.getByLabel("비밀번호", { exact: true }).fill("trainer-password-123");
    await trainer.getByRole("button", { name: "가입하고 참여하기" }).click();
    await expect(trainer).toHaveURL(`${baseURL()}/${city.slug}`);
  });

  const nine = allTeams.filter((number) => number !== NOT_THE_TRAINERS);
  await test.step("the trainer is assigned 9 teams and finds only those; the 10th team's address is not there", async () => {
    await assignOnPage(desk, { label: `${trainerName} · 외부 · ${trainerEmail()}` }, nine);
    await expect(desk.getByRole("status")).toHaveText(
      `${trainerName}님을 ${nine.map(teamName).join(", ")}에 배정했습니다.`,
    );
    await expect(desk.getByTestId("evaluation-progress")).toContainText(
      "평가위원 배정 29건 가운데 0건이 제출되었습니다.",
    );

    await trainer.goto(`${baseURL()}/${city.slug}/evaluations`, { waitUntil: "networkidle" });
    const table = trainer.getByRole("table", { name: "배정된 팀과 평가 상태" });
    await expect(table.getByRole("row")).toHaveCount(1 + nine.length);
    for (const number of nine)
      await expect(table.getByRole("link", { name: teamName(number), exact: true })).toBeVisible();
    await expect(table.getByRole("link", { name: teamName(NOT_THE_TRAINERS), exact: true })).toHaveCount(0);
    await expectAccessible(trainer);
    // In a tab of its own: the browser logs the 404, which the trainer's page must not count as an error.
    const elsewhere = await trainer.context().newPage();
    expect((await elsewhere.goto(evaluatorTeamPage(NOT_THE_TRAINERS)))?.status()).toBe(404);
    await elsewhere.close();
  });

  await test.step("the first staff evaluator scores all 10 teams on the page", async () => {
    const page = await pageAs(city.staff(evaluatorA).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    const card = page.getByTestId("to-evaluate");
    await expect(card).toContainText("배정된 팀 10개 가운데 0개의 평가를 제출했습니다.");
    await card.getByRole("link", { name: "평가할 팀 보기" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("내가 평가할 팀");
    for (const number of allTeams) await scoreInBrowser(page, number, staffScores[number] as number);
    await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    await expect(page.getByTestId("to-evaluate")).toContainText(
      "배정된 팀 10개 가운데 10개의 평가를 제출했습니다.",
    );
    expect(errors).toEqual([]);
  });

  await test.step("the second staff evaluator and the trainer score: some teams on the page, the rest through the use case", async () => {
    // The lenient one: a point above the first evaluator for every team.
    const page = await pageAs(city.staff(evaluatorB).email);
    const errors = watchErrors(page);
    await scoreInBrowser(page, TIED_LOWER, (staffScores[TIED_LOWER] as number) + 1);
    for (const number of allTeams.filter((number) => number !== TIED_LOWER))
      await submitScore(db, city.userId(evaluatorB), number, (staffScores[number] as number) + 1);
    expect(errors).toEqual([]);

    for (const number of [TIED_HIGHER, TIED_LOWER])
      await scoreInBrowser(trainer, number, trainerScores[number] as number);
    const { id: trainerUserId } = await db.platform.user.findUniqueOrThrow({
      where: { email: trainerEmail() },
      select: { id: true },
    });
    for (const number of nine.filter((number) => number !== TIED_HIGHER && number !== TIED_LOWER))
      await submitScore(db, trainerUserId, number, trainerScores[number] as number);
    await trainer.goto(`${baseURL()}/${city.slug}/evaluations`, { waitUntil: "networkidle" });
    await expect(
      trainer
        .getByRole("table", { name: "배정된 팀과 평가 상태" })
        .getByRole("row")
        .filter({ hasText: "제출함" }),
    ).toHaveCount(nine.length);
    expect(trainerErrors).toEqual([]);
  });

  await test.step("the ranking shows 최우수 1팀 and 우수 2팀, the tie on total decided by 활동 성과", async () => {
    await desk.goto(evaluationPage(), { waitUntil: "networkidle" });
    await expect(desk.getByTestId("results-submitted")).toHaveText("제출된 평가 29/29건.");
    const [first, second, third, fourth] = expectedOrder as [number, number, number, number];
    expect([third, fourth]).toEqual([TIED_HIGHER, TIED_LOWER]);
    const awards = desk.getByTestId("proposed-awards");
    await expect(awards.getByRole("listitem")).toHaveText([
      `최우수(1개 팀): ${teamName(first)} · 표창 및 국내외 우수사례지 견학`,
      `우수(2개 팀): ${teamName(second)}, ${teamName(third)} · 표창`,
    ]);
    await expect(desk.getByTestId("award-tie")).toHaveCount(0);

    const ranking = desk.getByRole("table", { name: "팀 순위와 항목별 보정 점수" });
    const rows = ranking.getByRole("row");
    await expect(rows).toHaveCount(11);
    for (const [index, number] of expectedOrder.entries()) {
      const row = rows.nth(index + 1);
      await expect(row.getByRole("rowheader")).toHaveText(`${index + 1}위`);
      await expect(row.getByRole("cell").nth(0)).toHaveText(teamName(number));
      await expect(row.getByRole("cell").last()).toHaveText(
        index === 0 ? "최우수" : index < 3 ? "우수" : "—",
      );
      await expect(row).toContainText(number === NOT_THE_TRAINERS ? "완료(제출 2/2)" : "완료(제출 3/3)");
    }
    // 4팀 and 3팀: the same total; 4팀 lower on attendance and 3 points higher on 활동 성과, the heaviest
    // criterion, so 4팀 ranks 3rd and takes the last 우수 place. Not a shared rank.
    const higher = rows.nth(3);
    const lower = rows.nth(4);
    // Cells after the team: total, 정기 교육 참여, 수시 활동 참여, 활동 성과.
    await expect(higher.getByRole("cell").nth(1)).toHaveText("55.3");
    await expect(lower.getByRole("cell").nth(1)).toHaveText("55.3");
    await expect(higher.getByRole("cell").nth(2)).toHaveText("6.0/10");
    await expect(lower.getByRole("cell").nth(2)).toHaveText("10.0/10");
    await expect(higher.getByRole("cell").nth(4)).toHaveText("9.3/10");
    await expect(lower.getByRole("cell").nth(4)).toHaveText("6.3/10");
    await expect(ranking).not.toContainText("공동");
    await expect(desk.getByTestId("tie-rule")).toContainText(
      "가중치가 큰 항목부터(활동 성과, 정기 교육 참여, 수시 활동 참여)",
    );
    await expectAccessible(desk);
  });

  await test.step("the coordinator proposes the awards from the prefilled page", async () => {
    await desk
      .getByRole("navigation", { name: "기수 메뉴" })
      .getByRole("link", { name: "시상", exact: true })
      .click();
    await expect(desk.getByRole("heading", { level: 1 })).toContainText("시상");
    const chosen = (label: string) =>
      desk
        .getByLabel(label, { exact: true })
        .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);
    const [first, second, third] = expectedOrder as [number, number, number];
    expect(await chosen("최우수 1번째 팀")).toMatch(new RegExp(`^${teamName(first)} \\(1위, `));
    expect(await chosen("우수 1번째 팀")).toMatch(new RegExp(`^${teamName(second)} \\(2위, `));
    expect(await chosen("우수 2번째 팀")).toMatch(new RegExp(`^${teamName(third)} \\(3위, `));
    await expect(desk.getByRole("note")).toHaveCount(0);
    await desk.getByRole("button", { name: "결재 요청" }).click();
    await expect(desk.getByRole("status")).toHaveText("결재를 요청했습니다.");
    await expect(desk.getByTestId("award-status")).toHaveAttribute("data-status", "proposed");
    expect(deskErrors).toEqual([]);
  });

  const serials: { award: string; team: string; href: string }[] = [];
  await test.step("the executive approves and the worker makes the 표창장s", async () => {
    const boss = await pageAs(city.staff(executive).email);
    const errors = watchErrors(boss);
    await boss.goto(`${baseURL()}/${city.slug}/signing`, { waitUntil: "networkidle" });
    await boss.getByRole("link", { name: /시상 결재하기$/ }).click();
    await expect(boss.getByRole("heading", { level: 1 })).toContainText(cohortTitle);
    await boss.getByRole("button", { name: "승인하고 표창장 발급" }).click();
    await expect(boss.getByRole("status")).toHaveText("승인했습니다. 표창장을 만들고 있습니다.");
    const table = boss.getByRole("table", { name: "부문별 수상 팀" });
    await expect(table.getByRole("link")).toHaveCount(3, { timeout: 60_000 });
    const [first, second, third] = expectedOrder as [number, number, number];
    const expected: [string, number][] = [
      ["최우수", first],
      ["우수", second],
      ["우수", third],
    ];
    for (const [award, number] of expected) {
      const row = table
        .getByRole("row")
        .filter({ has: boss.getByRole("cell", { name: teamName(number), exact: true }) });
      await expect(row.getByRole("rowheader")).toHaveText(award);
      serials.push({
        award,
        team: teamName(number),
        href: (await row.getByRole("link").getAttribute("href")) as string,
      });
    }
    expect(errors).toEqual([]);
  });

  await test.step("each award certificate verifies at /verify as a 표창장 with its award", async () => {
    const visitor = await visitorPage();
    for (const { award, href } of serials) {
      expect(href).toMatch(/^\/verify\/[\w-]+$/);
      const response = await visitor.goto(`${baseURL()}${href}`, { waitUntil: "networkidle" });
      expect(response?.status()).toBe(200);
      await expect(visitor.getByRole("status")).toHaveAttribute("data-status", "valid");
      await expect(visitor.getByRole("status")).toContainText("유효한 표창장입니다");
      await expect(visitor.getByTestId("verify-award-title")).toHaveText("표창장");
      await expect(visitor.getByTestId("verify-award")).toHaveText(award);
    }
  });
});
