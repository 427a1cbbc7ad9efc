import { addDays, calendarDateIn } from "@mentoring/domain";
import { gangneungTeam, oneTeamCity, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, watchErrors } from "./support";

// A monthly assignment from the coordinator's calendar to the team's phone and back: Gangneung's
// coordinator sets it, a junior hands in the team's video link from a phone (a link that is not a web
// address is refused first, and nothing is stored), the coordinator asks for a revision with a comment,
// the team revises, the coordinator accepts and features it, and the team sees it closed.
//
// A city of its own with Gangneung's directory and one published team of 3 + 1 (oneTeamCity).

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { coordinator: coordinatorPerson, colleague, juniors } = gangneungTeam;
const [junior] = juniors;
const title = "3월 과제: 팀 소개 영상";
/** Longer than a phone's line, as a city's channel addresses are. */
const link = "https://www.youtube.com/watch?v=GangneungReverseMentoringTeamOneIntroduction";
/** Due two weeks from today in Korea at 18:00, and that moment as the pages write it. */
const dueDay = addDays(calendarDateIn(new Date(), "Asia/Seoul"), 14);
const [dueYear, dueMonth, dueDate] = dueDay.split("-").map(Number);
const dueText = `${dueYear}년 ${dueMonth}월 ${dueDate}일 18:00`;

let city: TestTenant;
let cohortId: string;

test.beforeAll(async ({ db }) => {
  const built = await oneTeamCity(db, {
    accounts: [
      { person: junior, roles: ["participant"] },
      // Someone of the city outside the program: the showcase is for every staff member.
      { person: colleague, roles: ["tenant_admin"] },
    ],
    reason: "과제 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
});

const cohortPage = (path: string) => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/${path}`;
const teamRow = (page: import("@playwright/test").Page) =>
  page.getByRole("table", { name: `${title} 팀별 제출 현황` }).getByRole("row", { name: /1팀/ });

test("the coordinator sets the assignment in the program calendar", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(cohortPage("calendar"), { waitUntil: "networkidle" });
  const editor = page.getByRole("region", { name: "과제 추가" });
  await editor.getByLabel("제목").fill(title);
  await editor.getByLabel("설명").fill("팀을 소개하는 1분 영상을 만들어 시 채널에 올립니다.");
  await editor.getByLabel("마감 일시").fill(`${dueDay}T18:00`);
  await editor.getByRole("button", { name: "과제 추가" }).click();
  await expect(page.getByRole("status")).toHaveText("일정을 추가했습니다.");
  await page.goto(cohortPage("submissions"), { waitUntil: "networkidle" });
  await expect(teamRow(page)).toContainText("미제출");
  await expectAccessible(page);
});

test.describe("on the junior's phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a junior hands in the team's video link, after a link that is not a web address is refused", async ({
    pageAs,
  }) => {
    const page = await pageAs(city.staff(junior).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    // The home says what is next: this assignment, due in two weeks.
    await expect(page.getByTestId("next-assignment")).toContainText(title);
    await expect(page.getByTestId("next-assignment")).toContainText(`마감 ${dueText}`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "과제", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("우리 팀 과제");
    const card = page.getByRole("article", { name: title });
    await expect(card).toContainText(`마감 ${dueText}`);
    await expect(card).toContainText("미제출");
    await expectAccessible(page);

    await card.getByLabel("내용").fill("팀 소개 영상을 만들었습니다.");
    await card.getByLabel("링크").fill("javascript:alert(1)");
    await card.getByRole("button", { name: "제출" }).click();
    await expect(card.getByText(/http:\/\/ 또는 https:\/\/로 시작하는 주소만/)).toBeVisible();
    await expect(card).toContainText("미제출");

    await card.getByLabel("링크").fill(link);
    await card.getByRole("button", { name: "제출" }).click();
    await expect(card.getByRole("status")).toHaveText("과제를 제출했습니다.");
    await expect(card.locator(".badge").first()).toHaveText("제출");
    await page.screenshot({ path: test.info().outputPath("assignments-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});

test("the coordinator sees the link and asks for a revision with a comment", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(cohortPage("submissions"), { waitUntil: "networkidle" });
  const row = teamRow(page);
  await expect(row.getByRole("link", { name: link })).toBeVisible();
  // Asking without a comment is refused.
  await row.getByRole("button", { name: "보완 요청" }).click();
  await expect(row.getByRole("alert")).toHaveText("보완을 요청할 때는 의견을 적어 주세요.");
  await row.getByLabel("의견").fill("자막을 넣어 주세요.");
  await row.getByRole("button", { name: "보완 요청" }).click();
  await expect(teamRow(page).getByRole("status")).toHaveText("보완을 요청했습니다.");
  await expect(teamRow(page)).toContainText("보완 요청");
  await expectAccessible(page);
});

test.describe("on the junior's phone again", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the team reads the comment and revises its work", async ({ pageAs }) => {
    const page = await pageAs(city.staff(junior).email);
    await page.goto(`${baseURL()}/${city.slug}/assignments`, { waitUntil: "networkidle" });
    const card = page.getByRole("article", { name: title });
    await expect(card).toContainText("담당자 의견: 자막을 넣어 주세요.");
    await expect(card.getByLabel("링크")).toHaveValue(link);
    await card.getByLabel("내용").fill("자막을 넣은 영상으로 바꿨습니다.");
    await card.getByRole("button", { name: "다시 제출" }).click();
    await expect(card.getByRole("status")).toHaveText("제출한 과제를 고쳤습니다.");
  });
});

test("the coordinator accepts the revised work and features it", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(cohortPage("submissions"), { waitUntil: "networkidle" });
  await expect(teamRow(page)).toContainText("자막을 넣은 영상으로 바꿨습니다.");
  await teamRow(page).getByRole("button", { name: "확인 완료" }).click();
  await expect(teamRow(page).getByRole("status")).toHaveText("확인을 마쳤습니다.");
  await teamRow(page).getByRole("button", { name: "우수 과제로 소개" }).click();
  await expect(teamRow(page).getByRole("status")).toHaveText("우수 과제 게시판에 올렸습니다.");
  await expect(teamRow(page)).toContainText("우수 과제");
  await expectAccessible(page);
});

test.describe("on the junior's phone, at the end", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the team sees its work accepted and featured, and no form to change it", async ({ pageAs }) => {
    const page = await pageAs(city.staff(junior).email);
    await page.goto(`${baseURL()}/${city.slug}/assignments`, { waitUntil: "networkidle" });
    const card = page.getByRole("article", { name: title });
    await expect(card).toContainText("확인 완료");
    await expect(card).toContainText("우수 과제");
    await expect(card).toContainText("담당자가 확인을 마친 과제는 더 고칠 수 없습니다.");
    await expect(card.getByRole("button")).toHaveCount(0);
    // The address, longer than a phone's line, breaks across lines: the page does not scroll sideways.
    await expect(card.getByRole("link", { name: link })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  });
});

test("a colleague outside the program sees the featured work on the showcase", async ({ pageAs }) => {
  const page = await pageAs(city.staff(colleague).email);
  await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "우수 과제", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("우수 과제");
  const work = page.getByRole("article", { name: new RegExp(`1팀 · ${title}`) });
  await expect(work).toContainText("자막을 넣은 영상으로 바꿨습니다.");
  await expect(work.getByRole("link", { name: link })).toBeVisible();
  await expectAccessible(page);
});

test.describe("on the junior's phone, the calendar", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the junior sees the assignment's due time and makes a calendar subscription address", async ({
    pageAs,
  }) => {
    const page = await pageAs(city.staff(junior).email);
    await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "내 일정", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("내 일정");
    const row = page.getByRole("table", { name: "내 일정" }).getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText(dueText);
    await expect(row.getByRole("link", { name: "캘린더에 추가" })).toHaveAttribute("href", /\/my-calendar\//);
    await page.getByRole("button", { name: "구독 주소 만들기" }).click();
    await expect(page.getByTestId("feed-url")).toContainText(`/feeds/${city.slug}/`);
    const feed = (await page.getByTestId("feed-url").textContent()) as string;
    const response = await page.request.get(feed);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(`SUMMARY:마감: ${title}`);
    await expectAccessible(page);
  });
});
