import { gangneungSeed } from "@mentoring/db/seed";
import { builtinTemplate } from "@mentoring/domain";
import { createCohortFor, createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// A cohort's program calendar, as Gangneung's coordinator keeps it: the template's monthly communication
// training, events and assignments put in at the cohort's dates (activities from 9 December 2026, around
// today), an event whose end comes before its start refused beside the end, an item changed and one taken
// off. At a phone's width and a desktop's.

test.setTimeout(180_000);
test.describe.configure({ mode: "serial" });

const gangneung = gangneungSeed();
const coordinatorPerson = seededPerson(
  gangneung,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "팀장",
);

let city: TestTenant;
let cohortId: string;

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: gangneung,
    accounts: [{ person: coordinatorPerson, roles: ["coordinator"] }],
    staff: () => false,
  });
  // Recruitment from 1 November 2026: the template's offsets put activities from 9 December 2026.
  ({ id: cohortId } = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: "2026-11-01",
    phase: "recruiting",
    actorUserId: city.userId(coordinatorPerson),
    appUrl: baseURL(),
  }));
});

const calendarPage = () => `${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/calendar`;

test("the coordinator loads the template's calendar, is refused an end before the start, changes and removes items", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  const errors = watchErrors(page);
  await page.goto(calendarPage(), { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("프로그램 일정");
  await expect(page.getByText("아직 일정이 없습니다")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "템플릿 일정 불러오기" }).click();
  await expect(page.getByRole("status")).toContainText(/템플릿 일정에서 \d+개 항목을 추가했습니다/);
  const december = page.getByRole("table", { name: "2026년 12월 일정" });
  await expect(december.getByRole("row", { name: /소통 역량 강화 교육/ })).toContainText("2026년 12월 9일");
  await expect(december.getByRole("row", { name: /팀 소개 영상 만들기/ })).toContainText(
    "2026년 12월 25일 23:59",
  );
  await expectAccessible(page);
  // The template's places are data, as a city writes them.
  await expectOnlyTranslatedText(
    page,
    builtinTemplate("reverse_mentoring").calendar.map((entry) => entry.place),
  );

  // Loading again adds nothing.
  await page.getByRole("button", { name: "빠진 템플릿 일정 다시 불러오기" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "더 추가할 템플릿 일정이 없습니다. 이미 모두 들어 있습니다.",
  );

  // An event that ends before it starts: refused beside the end, nothing added.
  const rows = await page.getByRole("row").count();
  const editor = page.getByRole("region", { name: "교육·행사 추가" });
  await editor.getByLabel("종류").selectOption("event");
  await editor.getByLabel("제목").fill("직원 송년 음악회");
  await editor.getByLabel("장소").fill("강릉아트센터");
  await editor.getByLabel("시작 일시").fill("2026-12-18T18:30");
  await editor.getByLabel("종료 일시").fill("2026-12-18T17:00");
  await editor.getByRole("button", { name: "일정 추가" }).click();
  await expect(editor.getByText("종료 일시는 시작 일시보다 앞설 수 없습니다.")).toBeVisible();
  await expect(editor.getByLabel("종료 일시")).toHaveAttribute("aria-invalid", "true");
  expect(await page.getByRole("row").count()).toBe(rows);

  await editor.getByLabel("종료 일시").fill("2026-12-18T20:00");
  await editor.getByLabel("출석을 확인합니다").check();
  await editor.getByRole("button", { name: "일정 추가" }).click();
  await expect(page.getByRole("status")).toHaveText("일정을 추가했습니다.");
  const concert = december.getByRole("row", { name: /직원 송년 음악회/ });
  await expect(concert).toContainText("2026년 12월 18일 18:30 ~ 20:00");
  await expect(concert).toContainText("출석 확인");

  // Changing it: the edit form comes filled in.
  await concert.getByRole("link", { name: "수정" }).click();
  const change = page.getByRole("region", { name: "교육·행사 수정" });
  await expect(change.getByLabel("제목")).toHaveValue("직원 송년 음악회");
  await change.getByLabel("장소").fill("시청 대회의실");
  await change.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("status")).toHaveText("일정을 고쳤습니다.");
  await expect(december.getByRole("row", { name: /직원 송년 음악회/ })).toContainText("시청 대회의실");

  // Taking it off.
  await december
    .getByRole("row", { name: /직원 송년 음악회/ })
    .getByRole("button", { name: "삭제" })
    .click();
  await expect(page.getByRole("status")).toHaveText("일정을 삭제했습니다.");
  await expect(page.getByRole("row", { name: /직원 송년 음악회/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test.describe("at a phone's width", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the calendar reads and its forms are reached by keyboard", async ({ pageAs }) => {
    const page = await pageAs(city.staff(coordinatorPerson).email);
    await page.goto(calendarPage(), { waitUntil: "networkidle" });
    await expect(page.getByRole("table", { name: "2026년 12월 일정" })).toBeVisible();
    await expectAccessible(page);
    const title = page.getByRole("region", { name: "과제 추가" }).getByLabel("제목");
    await title.focus();
    await expect(title).toBeFocused();
    await page.screenshot({ path: test.info().outputPath("calendar-phone.png"), fullPage: true });
  });
});
