import { addDays, calendarDateIn } from "@mentoring/domain";
import { saveCeremony } from "@mentoring/programs";
import { gangneungTeam, oneTeamCity, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, watchErrors } from "./support";

// Program events with sign-up, and the ceremony's attendance by QR code, in Gangneung's reverse mentoring.
// The coordinator puts a video workshop with one place in the calendar editor; a junior signs up from
// their phone (a double tap keeps one place), a second junior, whose page still showed the free place, is
// refused; the coordinator sees who signed up on the attendance sheet. Then two juniors scan the
// ceremony's QR code on the certificates page and the coordinator sees them present by check-in.
//
// A city of its own with Gangneung's directory and one published team of 3 + 1 (oneTeamCity).

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { coordinator: coordinatorPerson, juniors, manager } = gangneungTeam;
const [first, second] = juniors;
const workshop = "영상 제작 워크숍";
const shots = "apps/web/.tmp/shots-events";
const phone = { width: 390, height: 844 };

/** Tomorrow's date in Korea ("2026-12-06"): the workshop's day. */
const tomorrow = addDays(calendarDateIn(new Date(), "Asia/Seoul"), 1);

let city: TestTenant;
let cohort: { id: string; title: string };

test.beforeAll(async ({ db }) => {
  const built = await oneTeamCity(db, {
    accounts: [
      { person: first, roles: ["participant"] },
      { person: second, roles: ["participant"] },
    ],
    reason: "행사 시험 기수",
  });
  city = built.city;
  cohort = built.cohort;
  const actorUserId = built.coordinatorUserId;
  // The ceremony is today, in an hour.
  await db.withTenant(city.id, (tx) =>
    saveCeremony(tx, {
      tenantId: city.id,
      cohortId: cohort.id,
      startsAt: new Date(Date.now() + 3_600_000),
      place: "강릉시청 대회의실",
      programme: "",
      gift: "",
      actorUserId,
    }),
  );
});

const cohortPage = (page: string) => `${baseURL()}/${city.slug}/programs/cohorts/${cohort.id}/${page}`;

test("the coordinator opens sign-up on a workshop with one place in the calendar editor", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(cohortPage("calendar"), { waitUntil: "networkidle" });
  const editor = page.getByRole("region", { name: "교육·행사 추가" });
  await editor.getByLabel("종류").selectOption({ label: "행사" });
  await editor.getByLabel("제목").fill(workshop);
  await editor.getByLabel("장소").fill("강릉시청 3층 교육장");
  await editor.getByLabel("시작 일시").fill(`${tomorrow}T14:00`);
  await editor.getByLabel("종료 일시").fill(`${tomorrow}T17:00`);
  await editor.getByLabel("출석을 확인합니다").check();
  await editor.getByLabel("참가 신청을 받습니다").check();
  // A closing moment after the start is refused beside its field, and nothing is stored.
  await editor.getByLabel("신청 마감 일시").fill(`${tomorrow}T18:00`);
  await editor.getByLabel("정원").fill("1");
  await editor.getByRole("button", { name: "일정 추가" }).click();
  await expect(page.getByText("신청 마감 일시는 시작 일시보다 늦을 수 없습니다.")).toBeVisible();
  await expect(page.getByRole("cell", { name: workshop })).toHaveCount(0);
  await page
    .getByRole("region", { name: "교육·행사 추가" })
    .getByLabel("신청 마감 일시")
    .fill(`${tomorrow}T12:00`);
  await page
    .getByRole("region", { name: "교육·행사 추가" })
    .getByRole("button", { name: "일정 추가" })
    .click();
  await expect(page.getByRole("status")).toHaveText("일정을 추가했습니다.");
  const row = page.getByRole("row").filter({ hasText: workshop });
  await expect(row).toContainText("출석 확인 · 참가 신청");
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/1-calendar-editor.png`, fullPage: true });
});

test.describe("on the juniors' phones", () => {
  test.use({ viewport: phone });

  test("a junior takes the last place with a double tap; the second, whose page still offered it, is refused", async ({
    pageAs,
  }) => {
    const late = await pageAs(city.staff(second).email);
    const lateErrors = watchErrors(late);
    // Their home names it as what is next, with the way to its page.
    await late.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    const next = late.getByTestId("next-event");
    await expect(next).toContainText(workshop);
    await next.getByRole("link", { name: "일정 자세히 보기" }).click();
    await expect(late.getByRole("heading", { level: 1 })).toHaveText(workshop);

    await late.goto(`${baseURL()}/${city.slug}/my-calendar`, { waitUntil: "networkidle" });
    await expect(late.getByRole("row").filter({ hasText: workshop })).toContainText("행사 · 참가 신청");
    await late.screenshot({ path: `${shots}/0-my-calendar-390.png`, fullPage: true });
    await late.getByRole("link", { name: workshop }).click();
    await expect(late.getByRole("heading", { level: 1 })).toHaveText(workshop);
    await expect(late.getByTestId("places")).toHaveText("남은 자리 1석 · 0명 신청");

    const page = await pageAs(city.staff(first).email);
    const errors = watchErrors(page);
    await page.goto(late.url(), { waitUntil: "networkidle" });
    await expect(page.getByText("신청 마감: ")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "참가 신청하기" }).dblclick();
    await expect(page.getByRole("status")).toContainText("참가 신청을 했습니다");
    await expect(page.getByTestId("places")).toHaveText("남은 자리 0석 · 1명 신청");
    await expect(page.getByRole("button", { name: "신청 취소하기" })).toBeVisible();
    await page.screenshot({ path: `${shots}/2-signed-up-390.png`, fullPage: true });
    expect(errors).toEqual([]);

    await late.getByRole("button", { name: "참가 신청하기" }).click();
    await expect(late.getByRole("alert")).toHaveText("정원이 다 차서 신청할 수 없습니다.");
    await expect(late.getByText("자리가 모두 찼습니다.")).toBeVisible();
    await expect(late.getByRole("button", { name: "참가 신청하기" })).toHaveCount(0);
    await expectAccessible(late);
    await late.screenshot({ path: `${shots}/3-full-390.png`, fullPage: true });
    expect(lateErrors).toEqual([]);
  });

  test("a junior may not open the coordinator's attendance sheet (403)", async ({ pageAs }) => {
    const page = await pageAs(city.staff(first).email);
    const response = await page.goto(cohortPage("attendance"));
    expect(response?.status()).toBe(403);
  });
});

test("the coordinator sees who signed up on the workshop's attendance sheet", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(cohortPage("attendance"), { waitUntil: "networkidle" });
  const option = page.getByLabel("일정").locator("option", { hasText: workshop });
  await page.getByLabel("일정").selectOption((await option.getAttribute("value")) as string);
  await page.getByRole("button", { name: "보기" }).click();
  await expect(page.getByRole("heading", { level: 2, name: workshop })).toBeVisible();
  await expect(page.getByTestId("sign-up-summary")).toHaveText("참가 신청 1명 · 정원 1명");
  const table = page.getByRole("table", { name: `${workshop} 출석부` });
  await expect(table.getByRole("row").filter({ hasText: first.name })).toContainText("신청함");
  await expect(table.getByRole("row").filter({ hasText: "신청함" })).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/4-sheet-sign-ups.png`, fullPage: true });
});

let ceremonyUrl = "";

test("the coordinator shows the ceremony's QR code on the certificates page", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(cohortPage("certificates"), { waitUntil: "networkidle" });
  const qr = page.getByRole("region", { name: "결연식 QR 출석" });
  await expect(qr.getByRole("img", { name: `${cohort.title} 결연식 출석용 QR 코드` })).toBeVisible();
  ceremonyUrl = (await qr.getByRole("link", { name: "결연식 출석 링크" }).getAttribute("href")) as string;
  await qr.screenshot({ path: test.info().outputPath("ceremony-qr.png") });
  expect(ceremonyUrl).toContain(`/${city.slug}/check-in/ceremony/${cohort.id}?code=`);
  await expectAccessible(page);
});

test.describe("at the ceremony, on the juniors' phones", () => {
  test.use({ viewport: phone });

  test("two juniors scan the ceremony's code and are marked present; a forged code is refused", async ({
    pageAs,
  }) => {
    for (const junior of [first, second]) {
      const page = await pageAs(city.staff(junior).email);
      const errors = watchErrors(page);
      if (junior === second) {
        await page.goto(
          ceremonyUrl.replace(/code=[^&]+/, "code=9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
          { waitUntil: "networkidle" },
        );
        await page.getByRole("button", { name: "출석하기" }).click();
        await expect(page.getByRole("alert")).toHaveText(
          "출석 코드가 올바르지 않습니다. 화면의 QR 코드를 다시 찍어 주세요.",
        );
      }
      await page.goto(ceremonyUrl, { waitUntil: "networkidle" });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("결연식 출석하기");
      await expect(page.getByText(`${cohort.title} 결연식(`)).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("button", { name: "출석하기" }).click();
      await expect(page.getByRole("status")).toHaveText(`${cohort.title} 결연식에 출석했습니다.`);
      if (junior === first)
        await page.screenshot({ path: `${shots}/5-ceremony-check-in-390.png`, fullPage: true });
      await page.goto(ceremonyUrl, { waitUntil: "networkidle" });
      await expect(page.getByRole("status")).toHaveText("이미 출석이 확인되었습니다.");
      expect(errors).toEqual([]);
    }
  });
});

test("the coordinator sees the two juniors present at the ceremony by QR check-in", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(cohortPage("certificates"), { waitUntil: "networkidle" });
  const table = page.getByRole("table", { name: "결연식 출석" });
  for (const junior of [first, second])
    await expect(table.getByRole("row").filter({ hasText: junior.name })).toContainText("참석 (QR 출석)");
  await expect(table.getByRole("row").filter({ hasText: manager.name })).toContainText("미확인");
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/6-ceremony-present.png`, fullPage: true });
});
