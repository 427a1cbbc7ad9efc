import { gangneungSeed, seededCohorts } from "@mentoring/db/seed";
import { createCohortFor, createTenant, gangneungCast, gangneungTeam, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText } from "./support";

// Issue 17's access log as the people who use it: a coordinator opens a recruiting cohort's applicant list,
// and the city's privacy officer (개인정보 보호책임자), from the navigation, finds that view by the name of
// one applicant: who looked, at whose data, what, from where.

const seed = gangneungSeed();
const { juniors, managers } = gangneungCast({ juniors: 3, managers: 1 });
const coordinator = gangneungTeam.coordinator;
const officer = gangneungTeam.colleague;

let city: TestTenant;
let cohortId: string;
let cohortTitle: string;

test.beforeAll(async ({ db }) => {
  city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinator, roles: ["coordinator"] },
      { person: officer, roles: ["privacy_officer"] },
    ],
    staff: (person) =>
      [...juniors, ...managers].some((member) => member.employeeNumber === person.employeeNumber),
  });
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: seededCohorts.gangneung?.[0]?.recruitmentStart as string,
    phase: "recruiting",
    applicants: [
      ...juniors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...managers.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    appUrl: baseURL(),
  });
  cohortId = cohort.id;
  cohortTitle = cohort.title;
});

test("the privacy officer finds the coordinator's look at the applicant list, by an applicant's name", async ({
  pageAs,
}) => {
  const [junior] = juniors;
  if (!junior) throw new Error("no junior");
  const coordinatorPage = await pageAs(city.staff(coordinator).email);
  await coordinatorPage.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/applicants`);
  await expect(coordinatorPage.getByRole("rowheader", { name: junior.name, exact: true })).toBeVisible();

  const page = await pageAs(city.staff(officer).email);
  await page.goto(`${baseURL()}/${city.slug}`);
  await page.getByRole("link", { name: "개인정보 열람 기록" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "개인정보 열람 기록" })).toBeVisible();
  // Only the privacy officer's page: the coordinator's navigation has no such link.
  await coordinatorPage.goto(`${baseURL()}/${city.slug}`);
  await expect(coordinatorPage.getByRole("link", { name: "개인정보 열람 기록" })).toHaveCount(0);

  const filters = page.getByRole("form", { name: "열람 기록 검색" });
  await filters.getByLabel("열람된 사람 (이름 또는 직원번호)").fill(junior.name);
  await filters.getByLabel("열람 종류").selectOption({ label: "신청자 명단 조회" });
  await filters.getByRole("button", { name: "검색" }).click();
  await expect(page.getByText("1건")).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  const row = rows.nth(1);
  const coordinatorEmail = city.staff(coordinator).email;
  await expect(row).toContainText(`${coordinator.name} (${coordinatorEmail})`);
  await expect(row).toContainText("신청자 명단 조회");
  await expect(row).toContainText("4명");
  await expect(row).toContainText(junior.name);
  await expect(row).toContainText(cohortTitle);

  await expectAccessible(page);
  const cells = await row.getByRole("cell").allInnerTexts();
  await expectOnlyTranslatedText(page, [
    city.name,
    coordinator.name,
    officer.name,
    junior.name,
    cohortTitle,
    `${coordinator.name} (${coordinatorEmail})`,
    ...cells.flatMap((cell) => cell.split("\n")),
  ]);
  await page.screenshot({ path: test.info().outputPath("access-log.png"), fullPage: true });

  // The CSV of the same search holds the same view, every applicant named.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "검색 결과 CSV 내려받기" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString("utf8");
  expect(csv).toContain("신청자 명단 조회");
  for (const person of [...juniors, ...managers]) expect(csv).toContain(person.name);
});
