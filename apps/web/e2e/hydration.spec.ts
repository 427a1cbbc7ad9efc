import { expect, test } from "./fixtures";
import { accounts, baseURL } from "./support";

// A page whose server and browser renderings differ is rendered again in the browser, which wipes what a
// person has typed or chosen (a file in an upload form). Every page must hydrate without an error.
test("the admin pages hydrate without errors", async ({ page, login }) => {
  const errors: string[] = [];
  let current = "";
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${current}: ${message.text().split("\n")[0]}`);
  });
  page.on("pageerror", (error) => errors.push(`${current}: ${error.message.split("\n")[0]}`));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${current}: ${response.status()} ${response.url()}`);
  });
  await login(accounts.yonginAdmin);
  for (const path of [
    "",
    "/admin/members",
    "/admin/directory",
    "/admin/settings",
    "/admin/audit",
    "/admin/sso",
    "/admin/billing",
  ]) {
    current = path || "/";
    await page.goto(`${baseURL()}/yongin${path}`, { waitUntil: "networkidle" });
  }
  expect(errors).toEqual([]);
});
