import { addDays, CONSENT_VERSION, calendarDate } from "@mentoring/domain";
import {
  applyToCohort,
  copyBuiltinTemplate,
  createCohort,
  planCohortCalendarItems,
  tenantToday,
  transitionCohort,
} from "@mentoring/programs";
import { createTenant, gangneungTeam, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// Gangneung's junior board (주니어보드): a board cohort whose two members applied in recruitment and went
// straight to activities. Each member proposes a policy on their phone; an executive finds the board from
// the menu (the boards with their proposals counted), marks the first reviewed and adopts it with a reply,
// and declines the second with a reason; the first member reads the reply on their phone. The coordinator's
// cohort menu offers the board's proposals, not matching nor certificates, on every page of the cohort.
// axe and the untranslated-text check on every page.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { seed, coordinator, juniors, manager } = gangneungTeam;
const [first, second] = juniors;

let city: TestTenant;
let cohortId = "";
let cohortTitle = "";

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinator, roles: ["coordinator"] },
      { person: manager, roles: ["executive"] },
      { person: first, roles: ["participant"] },
      { person: second, roles: ["participant"] },
    ],
    staff: () => false,
  });
  const tenantId = city.id;
  const actorUserId = city.userId(coordinator);
  const today = tenantToday("Asia/Seoul");
  // Recruitment opened thirty days ago: its two weeks are over and activities began two weeks later.
  const opened = addDays(today, -30);
  const appUrl = baseURL();
  await db.withTenant(tenantId, async (tx) => {
    const { templateId } = await copyBuiltinTemplate(tx, {
      tenantId,
      builtinKey: "junior_board",
      actorUserId,
    });
    cohortId = (
      await createCohort(tx, {
        tenantId,
        actorUserId,
        form: { templateId, recruitmentStart: opened },
        today: opened,
      })
    ).cohortId;
    const move = (to: "recruiting" | "active", on: typeof today) =>
      transitionCohort(tx, {
        tenantId,
        cohortId,
        to,
        override: false,
        reason: null,
        actorUserId,
        today: on,
        appUrl,
      });
    await move("recruiting", opened);
    for (const junior of [first, second]) {
      const placed = await applyToCohort(tx, {
        tenantId,
        cohortId,
        staffMemberId: city.staff(junior).id,
        role: "mentor",
        consentVersion: CONSENT_VERSION,
        actorUserId: city.userId(junior),
        now: new Date(`${addDays(opened, 1)}T01:00:00Z`),
        appUrl,
      });
      expect(placed.outcome).toBe("accepted");
    }
    await move("active", today);
    await planCohortCalendarItems(tx, { tenantId, cohortId, actorUserId });
    cohortTitle = (await tx.cohort.findFirstOrThrow({ where: { tenantId, id: cohortId } })).title;
  });
  expect(calendarDate(opened)).toBe(opened);
});

const proposals = [
  {
    by: first,
    title: "청년 직원 관사 지원",
    body: "비어 있는 관사 일부를 임용 3년 이하 직원에게 배정해 주세요.",
  },
  { by: second, title: "시청 주차장 야간 개방", body: "퇴근 후 시청 주차장을 주민에게 개방하면 좋겠습니다." },
] as const;

test.describe("on the members' phones", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const [index, proposal] of proposals.entries()) {
    test(`member ${index + 1} proposes a policy to the board`, async ({ pageAs }) => {
      const page = await pageAs(city.staff(proposal.by).email);
      const errors = watchErrors(page);
      await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
      await page.getByRole("link", { name: "주니어보드", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("주니어보드");
      await expect(page.getByRole("heading", { level: 2, name: cohortTitle })).toBeVisible();
      await page.getByLabel("제목").fill(proposal.title);
      await page.getByLabel("제안 내용").fill(proposal.body);
      await page.getByRole("button", { name: "제안하기" }).click();
      await expect(page.getByRole("status")).toHaveText(
        "제안을 보냈습니다. 처리 결과는 알림으로 알려 드립니다.",
      );
      const card = page.getByTestId("proposal").filter({ hasText: proposal.title });
      await expect(card.getByTestId("proposal-status")).toHaveText("제안 접수");
      await expect(card).toContainText("아직 답변이 없습니다.");
      await expectAccessible(page);
      await expectOnlyTranslatedText(page, [proposal.title, proposal.body, cohortTitle]);
      await page.screenshot({
        path: test.info().outputPath(`board-member-${index + 1}.png`),
        fullPage: true,
      });
      expect(errors).toEqual([]);
    });
  }
});

test("the executive marks the first reviewed and adopts it with a reply, and declines the second with a reason", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(manager).email);
  const errors = watchErrors(page);
  // From the home page through the menu, as an executive would: no address to type.
  await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
  await page
    .getByRole("navigation", { name: "주 메뉴" })
    .getByRole("link", { name: "정책 제안 검토", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("주니어보드 정책 제안");
  const board = page.getByRole("region", { name: cohortTitle });
  await expect(board.getByTestId("count-proposed")).toHaveText("2건");
  await expect(board.getByTestId("count-adopted")).toHaveText("0건");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [cohortTitle]);
  await page.screenshot({ path: test.info().outputPath("board-list-executive.png"), fullPage: true });
  await board.getByRole("link", { name: `${cohortTitle} 정책 제안 보기` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${cohortTitle} 정책 제안`);
  await expect(page.getByRole("heading", { level: 2, name: "제안 접수 (2건)" })).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [
    cohortTitle,
    ...proposals.flatMap((proposal) => [proposal.title, proposal.body]),
  ]);

  const housing = page.getByTestId("proposal").filter({ hasText: proposals[0].title });
  await housing.getByRole("button", { name: "검토 완료로 표시" }).click();
  await expect(page.getByRole("status")).toHaveText(`‘${proposals[0].title}’ 제안을 처리했습니다: 검토 완료`);
  await expect(page.getByRole("heading", { level: 2, name: "검토 완료 (1건)" })).toBeVisible();

  // Adopting without a reply is refused and changes nothing.
  const reviewed = page.getByTestId("proposal").filter({ hasText: proposals[0].title });
  await reviewed.getByRole("button", { name: "채택", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("채택하거나 불채택하려면 답변을 적어 주세요.");
  await reviewed.getByLabel("답변").fill("좋은 제안입니다. 내년 예산에 반영하겠습니다.");
  await reviewed.getByRole("button", { name: "채택", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`‘${proposals[0].title}’ 제안을 처리했습니다: 채택`);

  const parking = page.getByTestId("proposal").filter({ hasText: proposals[1].title });
  await parking.getByLabel("답변").fill("보안과 관리 인력 문제로 지금은 어렵습니다.");
  await parking.getByRole("button", { name: "불채택", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`‘${proposals[1].title}’ 제안을 처리했습니다: 불채택`);

  await expect(page.getByRole("heading", { level: 2, name: "채택 (1건)", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "불채택 (1건)" })).toBeVisible();
  // Answered proposals are shown with their reply and offer no more actions.
  await expect(page.getByRole("button", { name: "채택", exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("board-executive.png"), fullPage: true });

  // Back on the list, the counts say what was done.
  await page.getByRole("link", { name: "주니어보드 목록으로" }).click();
  const answered = page.getByRole("region", { name: cohortTitle });
  await expect(answered.getByTestId("count-proposed")).toHaveText("0건");
  await expect(answered.getByTestId("count-adopted")).toHaveText("1건");
  await expect(answered.getByTestId("count-declined")).toHaveText("1건");
  expect(errors).toEqual([]);
});

test.describe("on an executive's phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the list of boards fits the phone", async ({ pageAs }) => {
    const page = await pageAs(city.staff(manager).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}/proposals`, { waitUntil: "networkidle" });
    await expect(page.getByRole("region", { name: cohortTitle })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath("board-list-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});

test("every page of the board's cohort offers the coordinator its proposals, not matching nor certificates", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  for (const path of ["", "/applicants", "/surveys", "/calendar", "/submissions", "/awards", "/proposals"]) {
    await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}${path}`, {
      waitUntil: "networkidle",
    });
    const menu = page.getByRole("navigation", { name: "기수 메뉴" });
    await expect(menu.getByRole("link", { name: "정책 제안", exact: true }), path).toBeVisible();
    await expect(menu.getByRole("link", { name: "매칭", exact: true }), path).toHaveCount(0);
    await expect(menu.getByRole("link", { name: "결연식과 결연증서" }), path).toHaveCount(0);
  }
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/applicants`, {
    waitUntil: "networkidle",
  });
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("board-cohort-menu.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/calendar`, {
    waitUntil: "networkidle",
  });
  await page.screenshot({ path: test.info().outputPath("board-cohort-menu-phone.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("the board's applicant list calls its people board members (위원): no mentee places, filter nor nomination role", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/applicants`, {
    waitUntil: "networkidle",
  });
  const places = page.getByRole("table", { name: "역할별 선정 인원, 정원, 대기 인원" });
  await expect(places.getByRole("row")).toHaveCount(2);
  await expect(places.getByRole("rowheader", { name: "위원", exact: true })).toBeVisible();
  const applicants = page.getByRole("table", { name: /신청자 목록/ });
  await expect(applicants.getByRole("cell", { name: "위원", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "멘토", exact: true })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "멘티", exact: true })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "역할" })).toHaveCount(0);
  await expect(page.getByRole("radio", { name: "멘티" })).toHaveCount(0);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test("the board's schedule asks for no orientation, matching nor pairing ceremony, and saves without them", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}`, { waitUntil: "networkidle" });
  const dates = page.getByRole("group", { name: "일정" });
  await expect(dates.getByLabel("모집 마감일")).toBeVisible();
  await expect(dates.getByLabel("활동 시작일")).toBeVisible();
  for (const skipped of ["오리엔테이션", "매칭", "결연식"])
    await expect(dates.getByLabel(skipped, { exact: true })).toHaveCount(0);
  const close = dates.getByLabel("기수 종료일");
  const day = await close.inputValue();
  const later = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await close.fill(later);
  await page.getByRole("button", { name: "일정 저장" }).click();
  await expect(page.getByRole("status").filter({ hasText: "일정을 저장했습니다." })).toBeVisible();
  await expect(page.getByRole("group", { name: "일정" }).getByLabel("기수 종료일")).toHaveValue(later);
  expect(errors).toEqual([]);
});

test.describe("on the first member's phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the member reads the executive's reply to their adopted proposal", async ({ pageAs }) => {
    const page = await pageAs(city.staff(first).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}/board`, { waitUntil: "networkidle" });
    const mine = page.getByTestId("proposal").filter({ hasText: proposals[0].title });
    await expect(mine.getByTestId("proposal-status")).toHaveText("채택");
    await expect(mine.getByTestId("proposal-reply")).toHaveText(
      "좋은 제안입니다. 내년 예산에 반영하겠습니다.",
    );
    const other = page.getByTestId("proposal").filter({ hasText: proposals[1].title });
    await expect(other.getByTestId("proposal-status")).toHaveText("불채택");
    await expect(other.getByTestId("proposal-reply")).toHaveText(
      "보안과 관리 인력 문제로 지금은 어렵습니다.",
    );
    // Nothing wider than the phone: the reply wraps.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await expectOnlyTranslatedText(page, [
      cohortTitle,
      ...proposals.flatMap((proposal) => [proposal.title, proposal.body]),
      "좋은 제안입니다. 내년 예산에 반영하겠습니다.",
      "보안과 관리 인력 문제로 지금은 어렵습니다.",
    ]);
    await page.screenshot({ path: test.info().outputPath("board-reply-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
