import { YONGIN_EDGE_CASES, yonginSeed } from "@mentoring/db/seed";
import { addDays, builtinTemplate, calendarDate } from "@mentoring/domain";
import { tenantToday } from "@mentoring/programs";
import { createCohortFor, createTenant, seededPerson } from "./factories";
import { recruitUntil } from "./factories/recruitment-dates";
import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, mailsTo } from "./support";

// Yongin's new-official mentoring in a city of its own: the coordinator has an account, the person they
// nominate does not (issue 18: a nominee without an account got an "accepted" mail they could not act on).

const seed = yonginSeed();
const coordinator = seededPerson(seed, accounts.yonginCoordinator);
const participant = seededPerson(seed, accounts.yonginParticipant);
/** Grade 7 with three years on 2025-07-01: an eligible mentor, with no account. */
const nominee = seededPerson(
  seed,
  (staff) => staff.employeeNumber === YONGIN_EDGE_CASES.mentorAtThreeYears.employeeNumber,
);
const program = builtinTemplate("new_official_mentoring");

test("a nominee without an account is invited by mail, sets a password through the link and consents on the nomination", async ({
  page,
  login,
  visitorPage,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
  });
  const cohort = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    recruitmentStart: "2025-07-01",
    phase: "recruiting",
    appUrl: baseURL(),
  });
  await recruitUntil(db, city, cohort.id, addDays(tenantToday("Asia/Seoul"), 30));
  const address = city.staff(nominee).email;
  const data = [city.name, program.name, program.description, cohort.title, nominee.name, address];

  // The coordinator nominates them by employee number.
  await login(city.staff(coordinator).email);
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohort.id}/applicants`);
  await page.getByLabel("직원번호", { exact: true }).fill(nominee.employeeNumber);
  await page.getByRole("group", { name: "추천할 역할" }).getByLabel("멘토").check();
  await page.getByRole("button", { name: "추천하기" }).click();
  const results = page.getByRole("table", { name: "직원번호별 추천 결과" });
  await expect(results.getByRole("row").filter({ hasText: nominee.employeeNumber })).toContainText("선정");
  await expectAccessible(page);

  // The SMTP sink receives the invitation, not the decision mail.
  await expect.poll(() => mailsTo(address).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const mails = mailsTo(address);
  expect(mails.map((mail) => mail.subject)).toEqual([
    `[${cohort.title}] 참여 추천 안내: 계정을 만들고 답해 주십시오`,
  ]);
  const mail = mails[0];
  expect(mail?.text).toContain("한 번만 쓸 수 있으며");
  const link = mail?.text.match(new RegExp(`https?://\\S+/join/${city.slug}/[\\w-]+`))?.[0];
  expect(link, mail?.text).toBeDefined();

  // The nominee, in a browser of their own, opens the link and sets a password.
  const invitee = await visitorPage();
  await invitee.goto(link as string);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(`${city.name} 초대`);
  await expect(
    invitee.getByText(`${nominee.name} 님, ${city.name} 주관부서에서 ${cohort.title}에 추천했습니다.`, {
      exact: false,
    }),
  ).toBeVisible();
  await expect(invitee.getByLabel("이메일")).toHaveValue(address.toLowerCase());
  await expect(invitee.getByLabel("이름")).toHaveValue(nominee.name);
  await expectAccessible(invitee);
  await expectOnlyTranslatedText(invitee, data);
  await invitee.getByLabel("비밀번호", { exact: true }).fill("nominee-password-123");
  await invitee.getByRole("button", { name: "가입하고 참여하기" }).click();

  // Signed in, they land on the nomination, read the consent text and agree.
  await expect(invitee).toHaveURL(`${baseURL()}/${city.slug}/recruiting/${cohort.id}`);
  await expect(invitee.getByRole("heading", { name: "참여 추천" })).toBeVisible();
  const own = invitee.getByTestId("own-application");
  await expect(own).toContainText("주관부서 추천");
  await expectAccessible(invitee);
  await expectOnlyTranslatedText(invitee, [...data, ...(await own.locator("dd").allTextContents())]);
  await invitee.getByRole("checkbox", { name: "동의합니다" }).check();
  await invitee.getByRole("button", { name: "동의하고 참여하기" }).click();
  await expect(invitee.getByRole("status")).toHaveText("참여에 동의했습니다.");
  await expect(own).toContainText("선정");
  await expect(invitee.getByRole("heading", { name: "참여 추천" })).toHaveCount(0);

  // The application is accepted with the consent, and the account is the nominee's staff record's.
  const application = await db.withTenant(city.id, (tx) =>
    tx.application.findFirstOrThrow({
      where: { tenantId: city.id, cohortId: cohort.id, staffMemberId: city.staff(nominee).id },
      select: { status: true, consentAt: true, nominatedByUserId: true },
    }),
  );
  expect(application.status).toBe("accepted");
  expect(application.consentAt).not.toBeNull();
  expect(application.nominatedByUserId).toBe(city.userId(coordinator));
  const membership = await db.withTenant(city.id, (tx) =>
    tx.membership.findFirstOrThrow({
      where: { tenantId: city.id, staffMemberId: city.staff(nominee).id },
      select: { roles: true },
    }),
  );
  expect(membership.roles).toEqual(["participant"]);

  // The link is spent.
  const later = await visitorPage();
  await later.goto(link as string);
  await expect(later.getByRole("alert")).toHaveText(/초대 링크가 올바르지 않거나 만료되었습니다/);
});

test("the recruiting pages say when applications open, or when they closed, instead of the apply button", async ({
  page,
  login,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: participant, roles: ["participant"] }],
    staff: () => false,
  });
  const today = tenantToday("Asia/Seoul");
  const opensOn = addDays(today, 10);
  const upcoming = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    number: 3,
    recruitmentStart: opensOn,
    phase: "recruiting",
    appUrl: baseURL(),
  });
  // A past year's recruitment, still marked recruiting: its last day is long gone.
  const past = await createCohortFor(db, city, {
    template: "new_official_mentoring",
    number: 1,
    recruitmentStart: "2025-07-01",
    phase: "recruiting",
    appUrl: baseURL(),
  });
  const closedOn = await db.withTenant(city.id, async (tx) => {
    const row = await tx.cohort.findFirstOrThrow({
      where: { tenantId: city.id, id: past.id },
      select: { recruitmentEnd: true },
    });
    return calendarDate(row.recruitmentEnd.toISOString().slice(0, 10));
  });
  const data = [city.name, program.name, program.description, upcoming.title, past.title, participant.name];

  await login(city.staff(participant).email);
  await page.goto(`${baseURL()}/${city.slug}/recruiting`);
  await expect(page.getByRole("heading", { level: 1, name: "참가 신청" })).toBeVisible();
  const card = (title: string) => page.getByRole("listitem").filter({ hasText: title });
  await expect(card(upcoming.title).getByTestId("recruitment-window")).toHaveText(
    `${opensOn}부터 신청할 수 있습니다.`,
  );
  await expect(card(past.title).getByTestId("recruitment-window")).toHaveText(
    `${closedOn}에 신청이 마감되었습니다.`,
  );
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, data);

  for (const [cohort, note] of [
    [upcoming, `${opensOn}부터 신청할 수 있습니다.`],
    [past, `${closedOn}에 신청이 마감되었습니다.`],
  ] as const) {
    await page.goto(`${baseURL()}/${city.slug}/recruiting/${cohort.id}`);
    await expect(page.getByRole("heading", { level: 1, name: cohort.title })).toBeVisible();
    await expect(page.getByTestId("recruitment-window")).toHaveText(note);
    await expect(page.getByRole("button", { name: "동의하고 신청하기" })).toHaveCount(0);
    // What applying asks agreement to can be read all the same.
    await expect(page.getByRole("heading", { name: "개인정보 수집·이용 동의" })).toBeVisible();
    await expectAccessible(page);
    await expectOnlyTranslatedText(page, data);
  }
});
