import { readFile } from "node:fs/promises";
import { gangneungTeam, oneTeamCity, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText, mailsTo, watchErrors } from "./support";

// A person's rights, on a junior's phone: from "내 정보" they download everything held about them as JSON
// (their name, none of a teammate's contact details), ask for their position to be corrected, which the
// city's admin then marks corrected (the junior is told), and from their team page withdraw their consent
// after reading what it does: they leave the team and the coordinator is told.
//
// A city of its own with Gangneung's directory and one published team of 3 + 1 (oneTeamCity).

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { coordinator, juniors, colleague } = gangneungTeam;
const [junior, teammate] = juniors;

let city: TestTenant;
let cohortTitle = "";

test.beforeAll(async ({ db }) => {
  const built = await oneTeamCity(db, {
    accounts: [
      { person: junior, roles: ["participant"] },
      { person: teammate, roles: ["participant"] },
      { person: colleague, roles: ["tenant_admin"] },
    ],
    reason: "내 정보 시험 기수",
  });
  city = built.city;
  cohortTitle = built.cohort.title;
});

test.describe("on the junior's phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the junior downloads everything held about them as JSON: their name, not a teammate's contact details", async ({
    pageAs,
  }) => {
    const page = await pageAs(city.staff(junior).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "내 정보", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("내 정보");
    await expectAccessible(page);
    await expectOnlyTranslatedText(page);
    await page.screenshot({ path: test.info().outputPath("my-data-phone.png"), fullPage: true });

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "JSON 파일로 내려받기" }).click();
    const download = await downloading;
    const text = await readFile((await download.path()) as string, "utf8");
    const data = JSON.parse(text) as { person: { name: string }; rows: { team_members: unknown[] } };
    expect(data.person.name).toBe(city.staff(junior).name);
    expect(data.rows.team_members).toHaveLength(1);
    const other = city.staff(teammate);
    expect(text).toContain(other.name);
    expect(text).not.toContain(other.employeeNumber);
    if (other.phone) expect(text).not.toContain(other.phone);
    if (other.email) expect(text).not.toContain(other.email);
    expect(errors).toEqual([]);
  });

  test("the junior asks for their position to be corrected, and the admin marks it corrected", async ({
    pageAs,
  }) => {
    const page = await pageAs(city.staff(junior).email);
    await page.goto(`${baseURL()}/${city.slug}/my-data`, { waitUntil: "networkidle" });
    await page.getByLabel("정정할 항목").selectOption({ label: "직위" });
    await page.getByLabel("올바른 값").fill("팀장");
    await page.getByLabel("설명 (선택)").fill("11월 1일자로 승진했습니다.");
    await page.getByRole("button", { name: "정정 요청 보내기" }).click();
    await expect(page.getByRole("status")).toHaveText("직위 정정 요청을 보냈습니다. 처리되면 알려 드립니다.");
    await expect(page.getByTestId("my-correction")).toContainText("처리 대기");

    const admin = await pageAs(city.staff(colleague).email);
    await admin.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    await admin.getByRole("link", { name: "정보 정정 요청", exact: true }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("정보 정정 요청");
    await expect(admin.getByTestId("correction-request")).toContainText("팀장");
    await expectAccessible(admin);
    await admin.screenshot({ path: test.info().outputPath("correction-requests-admin.png"), fullPage: true });
    const name = city.staff(junior).name;
    await admin.getByRole("button", { name: `${name}님의 직위 정정 요청을 반영함으로 표시` }).click();
    await expect(admin.getByRole("status")).toHaveText(`${name}님의 직위 정정을 반영함으로 표시했습니다.`);
    await expect(admin.getByText("처리를 기다리는 요청이 없습니다.")).toBeVisible();

    await page.reload({ waitUntil: "networkidle" });
    await expect(page.getByTestId("my-correction")).toContainText("반영됨");
    await expect
      .poll(
        () => mailsTo(city.staff(junior).email).filter((mail) => mail.subject.includes("정보 정정")).length,
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
  });

  test("the junior withdraws consent from their team page after reading what it does, and leaves the team", async ({
    pageAs,
  }) => {
    const page = await pageAs(city.staff(junior).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}/team`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: `${cohortTitle} 참여 동의 철회` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${cohortTitle} 참여 동의 철회`);
    const consequences = page.getByTestId("consequences");
    await expect(consequences).toContainText("참가 신청이 철회됩니다");
    await expect(consequences).toContainText("1팀에서 빠집니다");
    await expect(consequences).toContainText("주관부서 담당자에게");
    await expect(page.getByRole("heading", { name: "법령에 따라 보관되는 것" })).toBeVisible();
    await expectAccessible(page);
    await expectOnlyTranslatedText(page);
    await page.screenshot({ path: test.info().outputPath("withdraw-consent-phone.png"), fullPage: true });

    await page.getByRole("button", { name: "동의를 철회합니다" }).click();
    await expect(page.getByRole("status")).toHaveText(
      `${cohortTitle} 참여 동의를 철회했고 1팀에서 빠졌습니다.`,
    );
    await page.goto(`${baseURL()}/${city.slug}/team`, { waitUntil: "networkidle" });
    await expect(page.getByTestId("my-team")).toHaveCount(0);
    await expect
      .poll(
        () =>
          mailsTo(city.staff(coordinator).email).filter((mail) => mail.subject.includes("참여 동의를 철회"))
            .length,
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(errors).toEqual([]);
  });
});
