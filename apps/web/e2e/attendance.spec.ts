import { saveCalendarItem } from "@mentoring/programs";
import { gangneungTeam, oneTeamCity, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, watchErrors } from "./support";

// Attendance of Gangneung's communication training without 38 clicks: the coordinator shows the QR code,
// two juniors scan it with their phones and are marked present under their own accounts, and the
// coordinator marks the rest of the team present at once and one person absent.
//
// A city of its own with Gangneung's directory and one published team of 3 + 1 (oneTeamCity); the training
// is put in the calendar by the use case.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { coordinator: coordinatorPerson, juniors, manager } = gangneungTeam;
const [first, second] = juniors;
const title = "소통 역량 강화 교육";

let city: TestTenant;
let cohortId: string;
let checkInUrl = "";

test.beforeAll(async ({ db }) => {
  const built = await oneTeamCity(db, {
    accounts: [
      { person: first, roles: ["participant"] },
      { person: second, roles: ["participant"] },
    ],
    reason: "출석 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
  const actorUserId = built.coordinatorUserId;
  // Today, from now for two hours.
  const startsAt = new Date();
  await db.withTenant(city.id, (tx) =>
    saveCalendarItem(tx, {
      tenantId: city.id,
      cohortId,
      itemId: null,
      actorUserId,
      item: {
        kind: "training",
        title,
        description: "",
        place: "시청 대회의실",
        audience: "all",
        teamId: null,
        attendance: true,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      },
    }),
  );
});

const sheetPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/attendance`;

test("the coordinator opens the sheet of today's training and shows its QR code", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(sheetPage(), { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(page.getByTestId("attendance-summary")).toHaveText("0/4명 출석");
  await expect(page.getByRole("img", { name: `${title} 출석용 QR 코드` })).toBeVisible();
  checkInUrl = (await page
    .getByRole("link", { name: "출석 링크", exact: true })
    .getAttribute("href")) as string;
  expect(checkInUrl).toContain(`/${city.slug}/check-in/`);
  await page.screenshot({ path: test.info().outputPath("attendance-qr.png"), fullPage: true });
  await expectAccessible(page);
});

test.describe("on the juniors' phones", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("two juniors scan the code and are checked in, once each; a forged code is refused", async ({
    pageAs,
  }) => {
    for (const junior of [first, second]) {
      const page = await pageAs(city.staff(junior).email);
      const errors = watchErrors(page);
      if (junior === second) {
        // A code that was never issued: refused with a message, and nobody is marked.
        const forged = checkInUrl.replace(
          /code=[^&]+/,
          "code=9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        );
        await page.goto(forged, { waitUntil: "networkidle" });
        await page.getByRole("button", { name: "출석하기" }).click();
        await expect(page.getByRole("alert")).toHaveText(
          "출석 코드가 올바르지 않습니다. 화면의 QR 코드를 다시 찍어 주세요.",
        );
      }
      await page.goto(checkInUrl, { waitUntil: "networkidle" });
      await expect(page.getByText(`${title}에 출석합니다.`)).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("button", { name: "출석하기" }).click();
      await expect(page.getByRole("status")).toHaveText(`${title}에 출석했습니다.`);
      // Scanning again says so, and changes nothing.
      await page.goto(checkInUrl, { waitUntil: "networkidle" });
      await expect(page.getByRole("status")).toHaveText("이미 출석이 확인되었습니다.");
      expect(errors).toEqual([]);
    }
  });
});

test("the coordinator sees the two check-ins, marks the team present at once and one person absent", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(sheetPage(), { waitUntil: "networkidle" });
  await expect(page.getByTestId("attendance-summary")).toHaveText("2/4명 출석");
  const table = page.getByRole("table", { name: `${title} 출석부` });
  await expect(table.getByRole("row").filter({ hasText: "QR 출석" })).toHaveCount(2);
  await page.getByRole("button", { name: "1팀 전원 출석" }).click();
  await expect(page.getByRole("status")).toHaveText("4명을 표시했습니다.");
  await expect(page.getByTestId("attendance-summary")).toHaveText("4/4명 출석");
  const managerRow = table.getByRole("row").filter({ hasText: manager.name });
  await managerRow.getByRole("button", { name: "결석" }).click();
  await expect(page.getByRole("status")).toHaveText("1명을 표시했습니다.");
  await expect(page.getByTestId("attendance-summary")).toHaveText("3/4명 출석");
  await expect(table.getByRole("row").filter({ hasText: manager.name })).toContainText("결석");
  await expectAccessible(page);
});
