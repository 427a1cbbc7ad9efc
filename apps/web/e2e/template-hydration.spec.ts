import { copyBuiltinTemplate, loadTemplate } from "@mentoring/programs";
import { createTenant, gangneungTeam } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, watchErrors } from "./support";

// A coordinator on a slow connection types into a template's settings before its scripts have run: the
// name she typed and the kind she chose are what the page goes on with once it hydrates (the parts a junior
// board does not use disappear as if she had chosen it afterwards), and what the save stores. The scripts
// are held back until she has typed, so the test does not depend on the machine's speed.

const { seed, coordinator } = gangneungTeam;

test("what a coordinator types before the template page hydrates is kept, shown and saved", async ({
  pageAs,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
    staff: () => false,
  });
  const { templateId } = await db.withTenant(city.id, (tx) =>
    copyBuiltinTemplate(tx, {
      tenantId: city.id,
      builtinKey: "new_official_mentoring",
      actorUserId: city.userId(coordinator),
    }),
  );
  const page = await pageAs(city.staff(coordinator).email);
  const errors = watchErrors(page);

  let release: () => void = () => {};
  const scripts = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/assets/**/*.js", async (route) => {
    await scripts;
    await route.continue();
  });
  await page.goto(`${baseURL()}/${city.slug}/programs/templates/${templateId}`, { waitUntil: "commit" });
  await page.getByLabel("템플릿 이름", { exact: true }).fill("청년 주니어보드");
  await page.getByLabel("프로그램 유형", { exact: true }).selectOption({ label: "주니어보드" });
  // Before hydration the page is the server's: the mentoring template's team shape is still there.
  await expect(page.getByRole("group", { name: "팀 구성" })).toBeVisible();

  release();
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("템플릿 이름", { exact: true })).toHaveValue("청년 주니어보드");
  await expect(page.getByLabel("프로그램 유형", { exact: true })).toHaveValue("board");
  // Hydrated, the page follows the kind on screen, not the one the server sent.
  await expect(page.getByTestId("board-unused")).toBeVisible();
  await expect(page.getByRole("group", { name: "팀 구성" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("template-hydrated-board.png"), fullPage: true });

  await page.getByRole("button", { name: "템플릿 저장" }).click();
  await expect(page.getByRole("status")).toHaveText("저장했습니다. 현재 버전은 버전 1입니다.");
  const stored = await db.withTenant(city.id, (tx) => loadTemplate(tx, city.id, templateId));
  expect(stored.definition.name).toBe("청년 주니어보드");
  expect(stored.definition.kind).toBe("board");

  // On a phone the board's settings fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload({ waitUntil: "networkidle" });
  await expect(page.getByTestId("board-unused")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("template-board-phone.png"), fullPage: true });
  expect(errors).toEqual([]);
});
