import { yonginSeed } from "@mentoring/db/seed";
import { PNG } from "pngjs";
import { createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import {
  accounts,
  baseURL,
  E2E_PASSWORD,
  expectAccessible,
  expectOnlyTranslatedText,
  signIn,
} from "./support";

// An admin uploads the city's seal for its certificates: a text file named like an image and a file over
// 1 MB are refused beside the field, the PNG is stored and previewed, and removing it leaves no image. In
// a city of its own (Yongin's admin and certificate signer), since certificates elsewhere print the seal.

const yongin = yonginSeed();
const admin = seededPerson(yongin, accounts.yonginAdmin);

function sealPng(): Buffer {
  const side = 96;
  const image = new PNG({ width: side, height: side });
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const inside = (x - side / 2) ** 2 + (y - side / 2) ** 2 < (side / 2 - 3) ** 2;
      image.data.set([196, 30, 36, inside ? 255 : 0], (y * side + x) * 4);
    }
  return PNG.sync.write(image);
}

test("the organisation admin uploads, previews and removes the official seal", async ({
  page,
  login,
  db,
}) => {
  const city = await createTenant(db, {
    like: yongin,
    accounts: [{ person: admin, roles: ["tenant_admin"] }],
    staff: (person) => person.positionTitle === "부시장",
  });
  await login(city.staff(admin).email);
  await page.goto(`${baseURL()}/${city.slug}/admin/settings`);
  await expect(page.getByRole("heading", { name: "기관 로고와 직인" })).toBeVisible();

  await page.getByLabel("직인", { exact: true }).setInputFiles({
    name: "seal.png",
    mimeType: "image/png",
    buffer: Buffer.from("이름은 그림이지만 내용은 글자입니다"),
  });
  await page.getByRole("button", { name: "로고·직인 올리기" }).click();
  await expect(page.getByText("직인: PNG 또는 JPEG 이미지만 올릴 수 있습니다")).toBeVisible();
  await expect(page.getByRole("img", { name: "현재 직인" })).toHaveCount(0);

  // A scan saved at full resolution: over 1 MB, cut off while it is read.
  const large = Buffer.alloc(1024 * 1024 + 1024);
  sealPng().copy(large);
  await page.getByLabel("직인", { exact: true }).setInputFiles({
    name: "직인-원본.png",
    mimeType: "image/png",
    buffer: large,
  });
  await page.getByRole("button", { name: "로고·직인 올리기" }).click();
  await expect(page.getByText("직인: 파일이 1MB를 넘습니다")).toBeVisible();
  await expect(page.getByRole("img", { name: "현재 직인" })).toHaveCount(0);

  await page.getByLabel("직인", { exact: true }).setInputFiles({
    name: "직인.png",
    mimeType: "image/png",
    buffer: sealPng(),
  });
  await page.getByRole("button", { name: "로고·직인 올리기" }).click();
  const preview = page.getByRole("img", { name: "현재 직인" });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
  const response = await page.request.get(`${baseURL()}${await preview.getAttribute("src")}`);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["cache-control"]).toContain("private");

  await expectAccessible(page);
  // Data on the page: the signers' titles and names, and the time zones (IANA names).
  const signers = (await page.locator(".signer-list li > span").allTextContents()).flatMap((text) =>
    text.trim().split(/\s+/),
  );
  const zones = await page.locator("select[name=timeZone] option").allTextContents();
  await expectOnlyTranslatedText(page, [city.name, admin.name, ...signers, ...zones]);

  await page.getByRole("button", { name: "직인 삭제" }).click();
  await expect(page.getByText("등록된 직인 이미지가 없습니다")).toBeVisible();
  await expect(page.getByRole("img", { name: "현재 직인" })).toHaveCount(0);
});

test("the organisation's colour heads every page, from signing in and after moving between pages", async ({
  page,
  db,
}) => {
  const city = await createTenant(db, {
    like: yongin,
    accounts: [{ person: admin, roles: ["tenant_admin"] }],
    staff: () => false,
    password: E2E_PASSWORD,
  });
  await db.platform.tenant.update({ where: { id: city.id }, data: { brandColor: "#1B5E20" } });
  const refusedByCsp: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(message.text());
  });
  const headerColour = () =>
    page.locator(".site-header").evaluate((header) => getComputedStyle(header).backgroundColor);

  // Signing in moves to the organisation's home within the app: its header is drawn in the browser.
  await signIn(page, city.staff(admin).email);
  await expect(page).toHaveURL(`${baseURL()}/${city.slug}`);
  await expect.poll(headerColour).toBe("rgb(27, 94, 32)");
  // To another page, and after a form post that reloads every loader's data.
  await page.getByRole("link", { name: "구성원 관리" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("구성원 관리");
  await expect.poll(headerColour).toBe("rgb(27, 94, 32)");
  await page.getByRole("button", { name: "역할 저장" }).first().click();
  await expect(page.getByRole("status")).toBeVisible();
  await expect.poll(headerColour).toBe("rgb(27, 94, 32)");
  expect(refusedByCsp).toEqual([]);
});
