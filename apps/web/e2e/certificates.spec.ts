import { newSerial } from "@mentoring/certificates";
import type { Database } from "@mentoring/db";
import { cohortCast, seededCohorts, YONGIN_AS_OF, yonginSeed } from "@mentoring/db/seed";
import { builtinTemplate } from "@mentoring/domain";
import { saveCeremony } from "@mentoring/programs";
import type { Page } from "@playwright/test";
import { createCohortFor, createTenant, seededPerson, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// The pairing ceremony and its certificates, for a small cohort in a city of its own with Yongin's
// directory: two mentors and three new officials, matched and published through the use cases. The
// coordinator prepares the certificates, the first deputy mayor reviews and signs them, the worker makes
// the PDFs, a new official downloads theirs, and anyone can check it by its serial without signing in; a
// revoked certificate shows as revoked, an unknown serial says so.

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const seed = yonginSeed();
const seeded = seededCohorts.yongin?.[0] as NonNullable<(typeof seededCohorts)["yongin"]>[0];
const cast = cohortCast(seed, seeded);
const program = builtinTemplate("new_official_mentoring");
const cohortTitle = `${program.name} 9기`;
const place = "시청 컨벤션홀";
const gift = "조아용 인형";
const programme = "개회사\n결연증서 수여\n기념 촬영";

const mentors = cast.spare.slice(0, 2);
const mentees = cast.mentees.slice(0, 3);
const participant = mentees[0] as (typeof mentees)[number];
const coordinatorPerson = seededPerson(seed, accounts.yonginCoordinator);
const executivePerson = seededPerson(seed, accounts.yonginExecutive);

interface Fixture {
  city: TestTenant;
  cohortId: string;
  /** A cohort in orientation: no teams, no ceremony. */
  unpublished: { id: string; title: string };
  signer: { name: string; title: string };
  coordinatorName: string;
  executiveName: string;
}

let f: Fixture;

/** The cohort, recruited, matched and published through the use cases the pages call, and its ceremony. */
async function publishedCohort(db: Database): Promise<Fixture> {
  const city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinatorPerson, roles: ["coordinator"] },
      { person: executivePerson, roles: ["executive"] },
      { person: participant, roles: ["participant"] },
    ],
  });
  const actorUserId = city.userId(coordinatorPerson);
  const cohort = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    number: 9,
    title: cohortTitle,
    recruitmentStart: YONGIN_AS_OF,
    phase: "published",
    applicants: [
      ...mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "결연식 시험 기수",
    actorUserId,
    appUrl: baseURL(),
  });
  await db.withTenant(city.id, (tx) =>
    saveCeremony(tx, {
      tenantId: city.id,
      cohortId: cohort.id,
      // 14:00 in Seoul.
      startsAt: new Date("2025-04-15T05:00:00Z"),
      place,
      programme,
      gift,
      actorUserId,
    }),
  );
  // Other people in a 1st cohort, as seeded: in orientation, with no teams yet.
  const unpublished = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    number: 1,
    recruitmentStart: YONGIN_AS_OF,
    phase: "orientation",
    applicants: [
      ...cast.mentors.slice(0, 2).map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...cast.mentees.slice(3, 6).map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    override: "결연식 시험 기수",
    actorUserId,
    appUrl: baseURL(),
  });
  const signer = await db.withTenant(city.id, (tx) =>
    tx.certificateSigner.findFirstOrThrow({
      where: { tenantId: city.id },
      orderBy: { position: "asc" },
      select: { name: true, title: true },
    }),
  );
  return {
    city,
    cohortId: cohort.id,
    unpublished: { id: unpublished.id, title: unpublished.title },
    signer,
    coordinatorName: coordinatorPerson.name,
    executiveName: executivePerson.name,
  };
}

/** The participant's certificate in the fixture cohort, as stored. */
async function participantCertificate(db: Database): Promise<{ id: string; serial: string }> {
  return db.withTenant(f.city.id, (tx) =>
    tx.certificate.findFirstOrThrow({
      where: {
        tenantId: f.city.id,
        cohortId: f.cohortId,
        signature: { not: null },
        team: {
          members: {
            some: { application: { staffMember: { employeeNumber: participant.employeeNumber } } },
          },
        },
      },
      select: { id: true, serial: true },
    }),
  );
}

const names = () => [...mentors, ...mentees].map((person) => person.name);

/** Text the pages show from the database: names, titles, the ceremony, serials. */
function frame(...more: string[]): string[] {
  return [
    f.city.name,
    program.name,
    cohortTitle,
    place,
    gift,
    programme,
    programme.replace(/\n/g, " "),
    ...programme.split("\n"),
    f.signer.name,
    f.signer.title,
    f.coordinatorName,
    f.executiveName,
    ...names(),
    ...more,
  ];
}

async function serials(page: Page): Promise<string[]> {
  return page.locator(".serial").allTextContents();
}

test.beforeAll(async ({ db }) => {
  f = await publishedCohort(db);
});

test("before teams are published, preparing certificates is refused with the reason and nothing is made", async ({
  pageAs,
}) => {
  // The 1st cohort is still in orientation: no teams, no ceremony. The refusal writes nothing.
  const seededCohort = f.unpublished;
  const page = await pageAs(f.city.staff(coordinatorPerson).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${f.city.slug}/programs/cohorts/${seededCohort.id}/certificates`, {
    waitUntil: "networkidle",
  });
  await expect(page.getByText("아직 결연식이 정해지지 않았습니다.")).toBeVisible();
  await expect(page.getByText("결연식을 먼저 저장하면 출석을 기록할 수 있습니다.")).toBeVisible();
  await page.getByRole("button", { name: "결연증서 준비" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "팀이 공개된 뒤에 결연증서를 준비할 수 있습니다. 먼저 매칭 결과를 공개해 주세요.",
  );
  await expect(page.getByTestId("certificate-batch")).toHaveCount(0);
  await expect(page.getByText("아직 준비된 결연증서가 없습니다.")).toBeVisible();
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame(seededCohort.title));
  expect(errors).toEqual([]);
});

test("the coordinator sees the ceremony, takes attendance and prepares the certificates; preparing again before the signature refreshes the same batch", async ({
  pageAs,
}) => {
  const page = await pageAs(f.city.staff(coordinatorPerson).email);
  const errors = watchErrors(page);
  const url = `${baseURL()}/${f.city.slug}/programs/cohorts/${f.cohortId}/certificates`;
  await page.goto(url, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("결연식과 결연증서");
  await expect(page.getByLabel("장소")).toHaveValue(place);
  await expect(page.getByLabel("기념품")).toHaveValue(gift);
  await expect(page.getByLabel("날짜")).toHaveValue("2025-04-15");
  await expect(page.getByLabel("시각")).toHaveValue("14:00");

  // Bad input is refused with the reason beside the field, and nothing changes.
  await page.getByLabel("장소").fill("");
  await page.getByRole("button", { name: "결연식 저장" }).click();
  await expect(page.locator("#ceremony-place-error")).toHaveText("결연식 장소를 입력해 주세요.");
  await page.reload({ waitUntil: "networkidle" });
  await expect(page.getByLabel("장소")).toHaveValue(place);

  // Attendance: the first mentee attended.
  const attendance = page.getByRole("table", { name: "결연식 출석" });
  await expect(attendance.getByRole("rowheader")).toHaveCount(5);
  const row = attendance
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: participant.name }) });
  await row.getByRole("button", { name: "참석" }).click();
  await expect(page.getByRole("status").filter({ hasText: "출석을 기록했습니다." })).toBeVisible();
  await expect(row.getByRole("cell").nth(2)).toHaveText("참석");

  await page.getByRole("button", { name: "결연증서 준비" }).click();
  await expect(page.getByRole("status").filter({ hasText: "결연증서를 준비했습니다." })).toBeVisible();
  const batch = page.getByTestId("certificate-batch");
  await expect(batch).toHaveCount(1);
  await expect(batch.getByTestId("batch-status")).toHaveText("서명 대기");
  await expect(batch.getByRole("table", { name: "결연증서 목록" }).getByRole("rowheader")).toHaveCount(
    mentors.length,
  );
  // Preparing again before the signature refreshes the same batch: new serials, still one batch. The
  // status from the first preparation is still shown, so the new serials are what says it is done.
  const firstSerials = await serials(page);
  await page.getByRole("button", { name: "결연증서 준비" }).click();
  await expect.poll(() => serials(page)).not.toEqual(firstSerials);
  await expect(page.getByRole("status").filter({ hasText: "결연증서를 준비했습니다." })).toBeVisible();
  await expect(page.getByTestId("certificate-batch")).toHaveCount(1);

  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame(...(await serials(page))));
  expect(errors).toEqual([]);
});

test("the first deputy mayor reviews and signs the batch, and the files are made", async ({ pageAs }) => {
  const page = await pageAs(f.city.staff(executivePerson).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${f.city.slug}`);
  // The home says what waits: one batch to sign.
  await expect(page.getByTestId("to-sign")).toContainText("서명을 기다리는 결연증서 묶음이 1건 있습니다.");
  await page.getByRole("link", { name: "결연증서 서명" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("결연증서 서명");
  const list = page.getByRole("table", { name: "결연증서 묶음" });
  const row = list.getByRole("row").filter({ has: page.getByRole("rowheader", { name: cohortTitle }) });
  await expect(row).toContainText("서명 대기");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame());
  await row.getByRole("link", { name: `${cohortTitle} 결연증서 검토` }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("결연증서 검토와 서명");
  await expect(page.getByText(`${f.signer.title} ${f.signer.name}`)).toBeVisible();
  const review = page.getByRole("table", { name: "증서 내용" });
  await expect(review.getByRole("rowheader")).toHaveCount(mentors.length);
  await expect(review).toContainText(participant.name);
  await expect(review).toContainText("2025-04-15");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame(...(await serials(page))));

  // Without the confirmation nothing is signed.
  await page.getByRole("button", { name: "서명하기" }).click();
  await expect(page.getByRole("alert")).toHaveText("내용을 확인했다는 항목에 표시해야 서명할 수 있습니다.");
  await expect(page.getByTestId("batch-status")).toHaveText("서명 대기");

  await page.getByLabel("내용을 확인했으며 서명합니다").check();
  await page.getByRole("button", { name: "서명하기" }).click();
  await expect(page.getByRole("status").filter({ hasText: "서명했습니다." })).toBeVisible();
  // The page follows the worker until every file is made.
  await expect(page.getByTestId("batch-status")).toHaveText(/생성 중|발급 완료/);
  await expect(page.getByTestId("batch-status")).toHaveText("발급 완료", { timeout: 120_000 });
  await expect(page.getByRole("button", { name: "서명하기" })).toHaveCount(0);
  expect(errors).toEqual([]);

  // The coordinator sees it issued, with the ZIP.
  const coordinator = await pageAs(f.city.staff(coordinatorPerson).email);
  await coordinator.goto(`${baseURL()}/${f.city.slug}/programs/cohorts/${f.cohortId}/certificates`, {
    waitUntil: "networkidle",
  });
  await expect(coordinator.getByTestId("batch-status")).toHaveText("발급 완료");
  const zipLink = coordinator.getByRole("link", { name: "전체 결연증서 ZIP 내려받기" });
  const zip = await coordinator.request.get(
    new URL((await zipLink.getAttribute("href")) as string, baseURL()).href,
  );
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 2).toString("latin1")).toBe("PK");
  await expectAccessible(coordinator);
  await expectOnlyTranslatedText(coordinator, frame(...(await serials(coordinator))));
});

test("a new official sees the ceremony and downloads their certificate, which checks as valid", async ({
  pageAs,
  visitorPage,
  db,
}) => {
  const page = await pageAs(f.city.staff(participant).email);
  const errors = watchErrors(page);
  await page.goto(`${baseURL()}/${f.city.slug}`);
  await page.getByRole("link", { name: "결연증서", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("결연증서");
  const ceremony = page.getByRole("region", { name: `${cohortTitle} 결연식` });
  await expect(ceremony.getByTestId("ceremony-place")).toHaveText(place);
  await expect(ceremony.getByTestId("ceremony-gift")).toHaveText(gift);
  await expect(ceremony.getByTestId("ceremony-when")).toContainText("14:00");
  await expect(ceremony.getByTestId("ceremony-when")).toContainText("2025");
  await expect(ceremony).toContainText("참석");
  const when = (await ceremony.getByTestId("ceremony-when").textContent()) as string;

  const mine = page.getByRole("table", { name: "내 결연증서 목록" });
  await expect(mine.getByRole("row")).toHaveCount(2);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame(when, ...(await serials(page))));

  const download = mine.getByRole("link", { name: `${cohortTitle} 결연증서 PDF 내려받기` });
  const pdf = await page.request.get(
    new URL((await download.getAttribute("href")) as string, baseURL()).href,
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  // Each said once: a header sent twice ("nosniff, nosniff") is not what was meant.
  const sent = (name: string) => pdf.headersArray().filter((header) => header.name.toLowerCase() === name);
  expect(sent("x-content-type-options").map((header) => header.value)).toEqual(["nosniff"]);
  expect(sent("cache-control").map((header) => header.value)).toEqual(["no-store"]);
  const body = await pdf.body();
  expect(body.subarray(0, 4).toString("latin1")).toBe("%PDF");
  expect(body.length).toBeGreaterThan(10 * 1024);

  // Another team's certificate is not theirs to fetch.
  const other = await db.withTenant(f.city.id, (tx) =>
    tx.certificate.findFirstOrThrow({
      where: {
        tenantId: f.city.id,
        cohortId: f.cohortId,
        team: {
          members: {
            none: { application: { staffMember: { employeeNumber: participant.employeeNumber } } },
          },
        },
      },
      select: { id: true },
    }),
  );
  expect((await page.request.get(`${baseURL()}/${f.city.slug}/certificates/${other.id}/pdf`)).status()).toBe(
    404,
  );
  expect(errors).toEqual([]);

  // The QR code's address, opened by anyone without signing in.
  const { serial } = await participantCertificate(db);
  const visitor = await visitorPage();
  const response = await visitor.goto(`${baseURL()}/verify/${serial}`, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("no-store");
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(visitor.getByRole("status")).toContainText("유효한 결연증서입니다");
  await expect(visitor.getByTestId("verify-mentees")).toContainText(participant.name);
  await expect(visitor.getByText(serial)).toBeVisible();
  await expect(visitor.getByText(`${f.signer.title} ${f.signer.name}`)).toBeVisible();
  await expect(visitor.getByRole("link", { name: "결연증서 서명" })).toHaveCount(0);
  await expectAccessible(visitor);
  await expectOnlyTranslatedText(visitor, frame(serial, `${f.signer.title} ${f.signer.name}`));

  // In English through the language switch.
  await visitor.getByRole("button", { name: /English/ }).click();
  await expect(visitor.getByRole("status")).toContainText("This pairing certificate is valid");
});

test("a certificate whose stored content was altered after signing checks as forged", async ({
  visitorPage,
  db,
}) => {
  // Someone with database access changes a name on another team's certificate.
  const altered = await db.withTenant(f.city.id, async (tx) => {
    const certificate = await tx.certificate.findFirstOrThrow({
      where: {
        tenantId: f.city.id,
        cohortId: f.cohortId,
        team: {
          members: {
            none: { application: { staffMember: { employeeNumber: participant.employeeNumber } } },
          },
        },
      },
      select: { id: true, serial: true, content: true },
    });
    const content = certificate.content as Record<string, unknown>;
    await tx.certificate.update({
      where: { id: certificate.id },
      data: { content: { ...content, mentees: ["홍길동"] } },
    });
    return certificate.serial;
  });
  const visitor = await visitorPage();
  const response = await visitor.goto(`${baseURL()}/verify/${altered}`, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  await expect(visitor.getByRole("status")).toContainText("위조되었거나 변경된 증서입니다");
  await expect(visitor.getByRole("status")).not.toContainText("유효한");
  await expectAccessible(visitor);
  await expectOnlyTranslatedText(visitor, frame(altered, "홍길동", `${f.signer.title} ${f.signer.name}`));
});

test("an unknown serial is the same friendly page saying so, answered 404, and nothing else", async ({
  visitorPage,
}) => {
  const visitor = await visitorPage();
  // A well-formed serial nobody issued, and one that is not a serial at all.
  for (const serial of [newSerial(), "not-a-serial"]) {
    const response = await visitor.goto(`${baseURL()}/verify/${serial}`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(404);
    expect(response?.headers()["cache-control"]).toBe("no-store");
    await expect(visitor.getByRole("status")).toContainText("등록되지 않은 발급번호입니다");
    await expect(visitor.getByRole("table")).toHaveCount(0);
    await expect(visitor.getByText(serial)).toHaveCount(0);
  }
  await expectAccessible(visitor);
  await expectOnlyTranslatedText(visitor, []);
});

test("the coordinator revokes a certificate with a reason, and its check shows it revoked", async ({
  pageAs,
  visitorPage,
  db,
}) => {
  const { serial } = await participantCertificate(db);
  const page = await pageAs(f.city.staff(coordinatorPerson).email);
  await page.goto(`${baseURL()}/${f.city.slug}/programs/cohorts/${f.cohortId}/certificates`, {
    waitUntil: "networkidle",
  });
  const row = page.locator(`tr[data-serial="${serial}"]`);
  // A reason is required.
  await row.getByRole("button", { name: "증서 취소" }).click();
  await expect(row.getByText("취소 사유를 입력해 주세요.")).toBeVisible();
  await row.getByLabel("취소 사유").fill("성명 오기로 재발급 예정");
  await row.getByRole("button", { name: "증서 취소" }).click();
  await expect(row).toContainText("취소됨");
  await expect(row).toContainText("성명 오기로 재발급 예정");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, frame(...(await serials(page)), "성명 오기로 재발급 예정", "홍길동"));

  const visitor = await visitorPage();
  const response = await visitor.goto(`${baseURL()}/verify/${serial}`, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  await expect(visitor.getByRole("status")).toContainText("취소된 결연증서입니다");
  await expectOnlyTranslatedText(visitor, frame(serial, `${f.signer.title} ${f.signer.name}`));

  // The participant sees it revoked, with no download.
  const participantPage = await pageAs(f.city.staff(participant).email);
  await participantPage.goto(`${baseURL()}/${f.city.slug}/certificates`, { waitUntil: "networkidle" });
  const mine = participantPage.getByRole("table", { name: "내 결연증서 목록" });
  await expect(mine).toContainText("취소된 증서입니다");
  await expect(mine.getByRole("link", { name: /PDF/ })).toHaveCount(0);
});
