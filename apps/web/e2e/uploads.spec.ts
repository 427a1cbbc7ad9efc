import { saveCalendarItem } from "@mentoring/programs";
import sharp from "sharp";
import { gangneungTeam, oneTeamCity, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, watchErrors } from "./support";

// Teams' files from the phone to the coordinator's screen: a junior hands in a video file and a link for
// the team (an .exe renamed .mp4 is refused beside the file field first, and nothing of it is kept), the
// coordinator plays the video on the submissions page, the file is served by byte ranges to the team and
// to no one else until the coordinator features the work, then to every staff member through the
// showcase; a team logs an activity with photos and the coordinator sees their thumbnails.
//
// A city of its own with Gangneung's directory and one published team of 3 + 1 (oneTeamCity).

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

// The colleague is someone of the city outside the team: the files are not theirs to fetch.
const { coordinator: coordinatorPerson, colleague, juniors } = gangneungTeam;
const [junior] = juniors;
const title = "4월 과제: 우리 팀 브이로그";
const link = "https://youtu.be/gangneung-vlog-1";
const shots = "apps/web/.tmp/shots-files";

/** The first bytes of an MP4 (its ftyp box) and some more: a video by its content. */
const video = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from("ftypmp42"),
  Buffer.alloc(4),
  Buffer.from("mp42isom"),
  Buffer.alloc(200_000, 9),
]);
/** A Windows program (MZ and PE headers) named like a video. */
const program = (() => {
  const bytes = Buffer.alloc(8192);
  bytes.write("MZ", 0);
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "binary");
  return bytes;
})();
const photo = (r: number, g: number, b: number) =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r, g, b } } })
    .jpeg()
    .toBuffer();

let city: TestTenant;
let cohortId: string;

test.beforeAll(async ({ db }) => {
  const built = await oneTeamCity(db, {
    accounts: [
      { person: junior, roles: ["participant"] },
      { person: colleague, roles: ["participant"] },
    ],
    reason: "파일 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
  await db.withTenant(city.id, (tx) =>
    saveCalendarItem(tx, {
      tenantId: city.id,
      cohortId,
      itemId: null,
      actorUserId: built.coordinatorUserId,
      item: {
        kind: "assignment",
        title,
        description: "팀의 하루를 1분 영상으로 찍어 올립니다.",
        place: "",
        audience: "all",
        teamId: null,
        attendance: false,
        dueAt: new Date(Date.now() + 14 * 86_400_000),
      },
    }),
  );
});

const attachmentCount = (db: import("@mentoring/db").Database) =>
  db.withTenant(city.id, (tx) => tx.attachment.count({ where: { tenantId: city.id } }));

let videoAddress = "";

test.describe("on the junior's phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a junior hands in a video file and a link, after an .exe renamed .mp4 is refused beside the field", async ({
    pageAs,
    db,
  }) => {
    const page = await pageAs(city.staff(junior).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}/assignments`, { waitUntil: "networkidle" });
    const card = page.getByRole("article", { name: title });
    const files = card.getByLabel("파일 첨부");
    await expect(files).toBeEnabled();
    await expectAccessible(page);

    await files.setInputFiles({ name: "우리팀 브이로그.mp4", mimeType: "video/mp4", buffer: program });
    await expect(card.locator(".field__error")).toContainText(
      "파일 내용이 사진, 동영상, 문서 형식이 아니어서 올리지 않았습니다.",
    );
    await expect(files).toHaveAttribute("aria-invalid", "true");
    expect(await attachmentCount(db)).toBe(0);

    await files.setInputFiles({ name: "우리팀 브이로그.mp4", mimeType: "video/mp4", buffer: video });
    await expect(card.getByRole("progressbar", { name: "우리팀 브이로그.mp4 올렸습니다" })).toHaveAttribute(
      "value",
      "100",
    );
    await card.getByLabel("링크").fill(link);
    await page.screenshot({ path: `${shots}/uploads-phone-form.png`, fullPage: true });
    await card.getByRole("button", { name: "제출" }).click();
    await expect(card.getByRole("status")).toHaveText("과제를 제출했습니다.");
    const player = card.locator("video");
    await expect(player).toHaveAttribute("src", new RegExp(`^/${city.slug}/files/`));
    videoAddress = (await player.getAttribute("src")) as string;
    await expect(card.getByRole("link", { name: /우리팀 브이로그\.mp4 내려받기/ })).toBeVisible();
    expect(await attachmentCount(db)).toBe(1);
    await expectAccessible(page);
    await page.screenshot({ path: `${shots}/uploads-phone-submitted.png`, fullPage: true });
    // The only failed request is the refused program's.
    expect(errors).toEqual([
      "Failed to load resource: the server responded with a status of 415 (Unsupported Media Type)",
    ]);

    // The file comes back in ranges, as a player seeks, typed from its content, never sniffed.
    const part = await page.request.get(`${baseURL()}${videoAddress}`, { headers: { Range: "bytes=4-11" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-range"]).toBe(`bytes 4-11/${video.length}`);
    expect(part.headers()["accept-ranges"]).toBe("bytes");
    expect(part.headers()["content-type"]).toBe("video/mp4");
    expect(part.headers()["x-content-type-options"]).toBe("nosniff");
    expect(part.headers()["content-disposition"]).toContain("inline;");
    expect((await part.body()).toString()).toBe("ftypmp42");

    // A 3 GB video is refused when it is announced, before a byte of it is stored.
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const tooLarge = await page.request.post(`${baseURL()}/${city.slug}/uploads`, {
      headers: {
        "Tus-Resumable": "1.0.0",
        "Upload-Length": String(3 * 1024 ** 3),
        "Upload-Metadata": `filename ${Buffer.from("big.mp4").toString("base64")},kind ${Buffer.from("video").toString("base64")}`,
        "X-CSRF-Token": csrf,
      },
    });
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).message).toContain("2 GB");
    expect(await attachmentCount(db)).toBe(1);
  });
});

test("the coordinator plays the team's video on the submissions page; a colleague outside the team cannot fetch it", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/submissions`, {
    waitUntil: "networkidle",
  });
  const row = page.getByRole("table", { name: `${title} 팀별 제출 현황` }).getByRole("row", { name: /1팀/ });
  await expect(row.getByRole("link", { name: link })).toBeVisible();
  await expect(row.locator("video")).toHaveAttribute("src", videoAddress);
  await expectAccessible(page);

  await page.screenshot({ path: `${shots}/uploads-coordinator-submissions.png`, fullPage: true });

  const outsider = await pageAs(city.staff(colleague).email);
  const refused = await outsider.request.get(`${baseURL()}${videoAddress}`);
  expect(refused.status()).toBe(404);
});

test("once the coordinator features the work, a colleague plays its video on the showcase", async ({
  pageAs,
}) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/submissions`, {
    waitUntil: "networkidle",
  });
  const row = () =>
    page.getByRole("table", { name: `${title} 팀별 제출 현황` }).getByRole("row", { name: /1팀/ });
  await row().getByRole("button", { name: "확인 완료" }).click();
  await expect(row().getByRole("status")).toHaveText("확인을 마쳤습니다.");
  await row().getByRole("button", { name: "우수 과제로 소개" }).click();
  await expect(row().getByRole("status")).toHaveText("우수 과제 게시판에 올렸습니다.");

  const colleaguePage = await pageAs(city.staff(colleague).email);
  await colleaguePage.goto(`${baseURL()}/${city.slug}/showcase`, { waitUntil: "networkidle" });
  const work = colleaguePage.getByRole("article", { name: new RegExp(title) });
  await expect(work.locator("video")).toHaveAttribute("src", videoAddress);
  await expectAccessible(colleaguePage);
  const served = await colleaguePage.request.get(`${baseURL()}${videoAddress}`, {
    headers: { Range: "bytes=0-7" },
  });
  expect(served.status()).toBe(206);
  await colleaguePage.screenshot({ path: `${shots}/uploads-showcase.png`, fullPage: true });
});

test.describe("on the junior's phone, an activity", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the team logs an activity with two photos", async ({ pageAs }) => {
    const page = await pageAs(city.staff(junior).email);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}/activities`, { waitUntil: "networkidle" });
    await page.getByLabel("팀 활동").check();
    await page.getByLabel("무엇을 했나요").fill("중앙시장 맛집 탐방");
    const photos = page.getByLabel("사진", { exact: true });
    await expect(photos).toBeEnabled();
    await photos.setInputFiles([
      { name: "시장 입구.jpg", mimeType: "image/jpeg", buffer: await photo(220, 90, 40) },
      { name: "단체 사진.jpg", mimeType: "image/jpeg", buffer: await photo(40, 120, 200) },
    ]);
    for (const name of ["시장 입구.jpg", "단체 사진.jpg"])
      await expect(page.getByRole("progressbar", { name: `${name} 올렸습니다` })).toBeVisible();
    await page.getByRole("button", { name: "기록하기" }).click();
    await expect(page.getByRole("status")).toHaveText("활동을 기록했습니다.");
    await expect(page.getByRole("img", { name: "시장 입구.jpg 사진" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: `${shots}/uploads-phone-activity.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});

test("the coordinator sees the activity's photos as thumbnails", async ({ pageAs }) => {
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/submissions`, {
    waitUntil: "networkidle",
  });
  await page.getByRole("link", { name: "팀 활동 사진 보기" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("활동 사진");
  const thumbnails = page.getByRole("region", { name: "1팀" }).getByRole("img");
  await expect(thumbnails).toHaveCount(2);
  for (const thumbnail of await thumbnails.all()) {
    await expect(thumbnail).toHaveAttribute("alt", /^1팀 .+ 활동 사진$/);
    // Loaded, and a thumbnail: no wider than 480 pixels.
    await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(480);
  }
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/uploads-coordinator-photos.png`, fullPage: true });
});
