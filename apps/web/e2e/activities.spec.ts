import { cohortCast, seededCohorts, YONGIN_AS_OF, yonginSeed } from "@mentoring/db/seed";
import { createCohortFor, createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, watchErrors } from "./support";

// Yongin's standard mentoring between the ceremony and the evaluation: a mentor logs a meeting with their
// new official from a phone, counselling notes included; the pair reads it back; the coordinator sees that
// the pair met, how long and when, and never the notes (neither on the page nor in the data it is sent).
//
// A city of its own with Yongin's directory: two mentors and three new officials, matched by the worker and
// published through the use cases.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const seed = yonginSeed();
const seeded = seededCohorts.yongin?.[0] as NonNullable<(typeof seededCohorts)["yongin"]>[0];
const cast = cohortCast(seed, seeded);
const coordinatorPerson = seededPerson(seed, accounts.yonginCoordinator);
const mentors = cast.spare.slice(0, 2);
const mentees = cast.mentees.slice(0, 3);
const mentor = mentors[0] as (typeof mentors)[number];
const notes = "민원 응대가 힘들다고 함. 다음 주 멘토링 데이에 사례를 같이 보기로 함.";

let city: TestTenant;
let cohortId: string;

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinatorPerson, roles: ["coordinator"] },
      { person: mentor, roles: ["participant"] },
    ],
    staff: (person) => [...mentors, ...mentees].some((one) => one.employeeNumber === person.employeeNumber),
  });
  ({ id: cohortId } = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    recruitmentStart: YONGIN_AS_OF,
    phase: "published",
    applicants: [
      ...mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "활동 기록 시험 기수",
    actorUserId: city.userId(coordinatorPerson),
    appUrl: baseURL(),
  }));
});

test.describe("on the mentor's phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a mentor logs a meeting with counselling notes in a few taps, and reads it back", async ({
    pageAs,
  }) => {
    const page = await pageAs(city.staff(mentor).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "활동 기록", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("우리 팀 활동 기록");
    await expectAccessible(page);

    // A day after today is refused beside the date.
    await page.getByLabel("무엇을 했나요").fill("민원 응대 상담");
    await page.getByLabel("날짜").fill("2099-01-01");
    await page.getByRole("button", { name: "기록하기" }).click();
    await expect(page.getByText("오늘 이후의 활동은 기록할 수 없습니다.")).toBeVisible();
    // An invisible control character, which only the server screens: refused beside what they did.
    await page.getByLabel("무엇을 했나요").fill("민원\u0000응대");
    await page.getByRole("button", { name: "기록하기" }).click();
    await expect(page.getByText("보이지 않는 제어 문자(NUL 등)는 입력할 수 없습니다")).toBeVisible();
    await expect(page.getByLabel("무엇을 했나요")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("무엇을 했나요").fill("민원 응대 상담");

    const today = await page.getByLabel("날짜").getAttribute("max");
    await page.getByLabel("날짜").fill(today as string);
    await page.getByLabel("시간(분)").fill("60");
    await page.getByLabel("장소").fill("시청 1층 카페");
    await page.getByLabel("메모 (우리 팀만 봅니다)").fill(notes);
    await page.getByRole("button", { name: "기록하기" }).click();
    const logged = page.getByRole("status");
    await expect(logged).toHaveText("활동을 기록했습니다.");
    // Said where the junior looks: the button was at the foot of the form, below the phone's screen.
    await expect(logged).toBeFocused();
    await expect(logged).toBeInViewport();
    const log = page.getByRole("table", { name: /팀 활동 기록/ });
    await expect(log).toContainText("민원 응대 상담");
    await expect(log).toContainText(notes);
    await expect(log).toContainText("60분");
    // The form starts empty again.
    await expect(page.getByLabel("무엇을 했나요")).toHaveValue("");
    await page.screenshot({ path: test.info().outputPath("activities-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});

test("the coordinator sees that the pair met, and not what they wrote", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  const dataRequests: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/progress")) dataRequests.push(await response.text().catch(() => ""));
  });
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/progress`, {
    waitUntil: "networkidle",
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("팀 현황");
  const table = page.getByRole("table", { name: "팀별 현황" });
  // The mentor's team: one meeting of 60 minutes, today.
  const met = table.getByRole("row").filter({ hasText: "60" });
  await expect(met).toHaveCount(1);
  await expect(met.getByRole("cell").first()).toHaveText("1");
  await expect(page.locator("body")).not.toContainText("민원 응대");
  await expect(page.locator("body")).not.toContainText("카페");
  // The same figures as a spreadsheet.
  const file = await page.request.get(
    `${baseURL()}${await page.getByRole("link", { name: "엑셀로 내려받기" }).getAttribute("href")}`,
  );
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  // Nor in what the page was sent (the document with its loader data).
  expect(dataRequests.join("\n")).not.toContain("민원 응대가 힘들다고");
  expect(dataRequests.join("\n")).not.toContain("민원 응대 상담");
  await expectAccessible(page);
});
