import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible } from "./support";

/*
 * The page frame's KWCAG 2.2 items, checked on a page of every kind each role opens (the conformance report,
 * docs/compliance/kwcag-2.2.md, cites this spec): the language of the page (7.1.1 기본 언어 표시), the skip
 * link as the first keyboard stop and what it does (6.4.1 반복 영역 건너뛰기), one h1 and a title
 * (6.4.2 제목 제공), a focus that can be seen (6.1.2 초점 이동과 표시), controls big enough to hit (6.1.3 조작
 * 가능) and names that contain the visible label (6.5.3 레이블과 네임); then axe (support.ts).
 * Read-only: the seeded cities are opened, nothing is changed.
 */

/** The keyboard focus's outline as the browser draws it: the style and its width in pixels. */
async function focusOutline(page: Page) {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (!focused || focused === document.body) return null;
    const style = getComputedStyle(focused);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
}

/** The frame's checks on the page at `path`, as the person of this page sees it. */
async function checkFrame(page: Page, path: string) {
  const response = await page.goto(`${baseURL()}${path}`, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBeLessThan(500);
  await expect(page.locator("html"), path).toHaveAttribute("lang", "ko");
  expect((await page.title()).trim(), `${path}: the page has a title`).not.toBe("");
  await expect(page.locator("h1"), `${path}: exactly one h1`).toHaveCount(1);

  // The first Tab reaches the skip link, shown where it can be seen, with a visible focus outline.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "본문 바로가기" });
  await expect(skip, `${path}: the skip link is the first keyboard stop`).toBeFocused();
  const box = await skip.boundingBox();
  expect(box && box.x >= 0 && box.y >= 0, `${path}: the focused skip link is on screen`).toBe(true);
  const outline = await focusOutline(page);
  expect(outline?.style, `${path}: focus is drawn`).not.toBe("none");
  expect(outline?.width ?? 0, `${path}: the focus outline is at least 2 px`).toBeGreaterThanOrEqual(2);

  // Following it puts the focus on the main content, past the header and the navigation.
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main"), `${path}: the skip link leads to the main content`).toBeFocused();

  // The next Tab moves on from there, not back into the header; where it lands on a control, its focus is
  // drawn too. (A page whose content has no control lets the focus leave the document.)
  await page.keyboard.press("Tab");
  const landed = await page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return "left the document";
    return focused.closest("header") ? "back in the header" : "past the header";
  });
  expect(landed, `${path}: Tab after the skip link does not go back to the header`).not.toBe(
    "back in the header",
  );
  if (landed === "past the header") {
    const next = await focusOutline(page);
    expect(next?.style, `${path}: focus is drawn inside the content`).not.toBe("none");
  }
  // Buttons, fields and the header's links are at least 6 mm across (diagonal, 22.7 CSS px): 6.1.3 조작 가능.
  // Checkboxes and radio buttons are left out: the browser draws them 13 px wide, and the report says where
  // their labels do not make up for it.
  const small = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll(
        "button, select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), header a",
      ),
    )
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && Math.hypot(box.width, box.height) < 22.7)
      .map(
        ({ control, box }) =>
          `${control.outerHTML.slice(0, 80)} ${Math.round(box.width)}x${Math.round(box.height)}`,
      ),
  );
  expect(small, `${path}: controls at least 6 mm across`).toEqual([]);

  // A control named by aria-label says its visible words too (6.5.3 레이블과 네임): speech users say what they see.
  const mismatched = await page.evaluate(() => {
    const words = (text: string) => text.replace(/\s+/g, " ").trim();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person sees and says.
    const shown = (control: Element) => words((control as HTMLElement).innerText ?? "");
    return Array.from(document.querySelectorAll("a[aria-label], button[aria-label]"))
      .filter(
        (control) =>
          shown(control) !== "" && !words(control.getAttribute("aria-label") ?? "").includes(shown(control)),
      )
      .map((control) => `${control.getAttribute("aria-label")} / ${shown(control)}`);
  });
  expect(mismatched, `${path}: accessible names contain the visible label`).toEqual([]);
  await expectAccessible(page);
}

test("public pages: Korean, a skip link first, one h1, visible focus, axe clean", async ({ visitorPage }) => {
  const page = await visitorPage();
  for (const path of [
    "/sign-in",
    "/password/forgot",
    "/signup",
    "/verify/AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA",
    "/yongin/privacy",
  ]) {
    await checkFrame(page, path);
  }
});

test("a participant's pages: Korean, a skip link first, one h1, visible focus, axe clean", async ({
  pageAs,
}) => {
  const page = await pageAs(accounts.yonginParticipant);
  for (const path of [
    "/yongin",
    "/yongin/team",
    "/yongin/recruiting",
    "/yongin/surveys",
    "/yongin/my-calendar",
    "/yongin/certificates",
    "/yongin/notifications",
    "/yongin/my-data",
  ]) {
    await checkFrame(page, path);
  }
});

test("the coordinator's pages keep the same frame", async ({ pageAs, db }) => {
  const yongin = await db.platform.tenant.findUniqueOrThrow({
    where: { slug: "yongin" },
    select: { id: true },
  });
  const cohort = await db.withTenant(yongin.id, (tx) =>
    tx.cohort.findFirstOrThrow({
      where: { tenantId: yongin.id },
      orderBy: { number: "asc" },
      select: { id: true },
    }),
  );
  const page = await pageAs(accounts.yonginCoordinator);
  for (const path of [
    "/yongin/programs",
    `/yongin/programs/cohorts/${cohort.id}`,
    `/yongin/programs/cohorts/${cohort.id}/applicants`,
    `/yongin/programs/cohorts/${cohort.id}/dashboard`,
  ]) {
    await checkFrame(page, path);
  }
});

test("the admin's, executive's, evaluator's and operator's pages keep the same frame", async ({ pageAs }) => {
  const byRole: [string, string[]][] = [
    [accounts.yonginAdmin, ["/yongin/admin/members", "/yongin/admin/directory", "/yongin/admin/audit"]],
    [accounts.yonginExecutive, ["/yongin/signing"]],
    [accounts.yonginEvaluator, ["/yongin/evaluations"]],
    [accounts.operator, ["/platform"]],
  ];
  for (const [email, paths] of byRole) {
    const page = await pageAs(email);
    for (const path of paths) await checkFrame(page, path);
  }
});
