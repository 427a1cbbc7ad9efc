import { fileURLToPath } from "node:url";
import { wallClockIn } from "@mentoring/domain";
import {
  nudgeTeams,
  reviewSubmission,
  saveCeremony,
  submitAssignment,
  tenantToday,
} from "@mentoring/programs";
import { gangneungTeam, oneTeamCity, type TestTenant } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText, mailsTo, watchErrors } from "./support";

// Notifications from the program to a junior's phone, in the app and at the real SMTP sink: the team's
// publication and a new assignment arrive once each, in Korean with fitting particles; the junior switches
// new assignments off (mail and app), and the next assignment the coordinator sets reaches the rest of the
// team but not them.
//
// A city of its own with Gangneung's directory and one published team of 3 + 1 (oneTeamCity).

test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const { coordinator: coordinatorPerson, juniors, manager } = gangneungTeam;
const [junior] = juniors;
/** Ends in a consonant: "팀 소개 영상이 나왔습니다". */
const firstTitle = "팀 소개 영상";
/** Ends in a vowel: "활동 보고서가 나왔습니다". */
const secondTitle = "활동 보고서";

/** A moment three weeks ahead, as the calendar's field takes it (Seoul wall-clock time). */
const dueField = `${wallClockIn(new Date(Date.now() + 21 * 86_400_000), "Asia/Seoul").slice(0, 10)}T18:00`;

let city: TestTenant;
let cohortId: string;
let juniorEmail: string;
let managerEmail: string;

test.beforeAll(async ({ db }) => {
  const built = await oneTeamCity(db, {
    accounts: [{ person: junior, roles: ["participant"] }],
    reason: "알림 시험 기수",
  });
  city = built.city;
  cohortId = built.cohort.id;
  juniorEmail = city.staff(junior).email;
  managerEmail = city.staff(manager).email;
});

/** Screenshots to look at, kept outside the test run's own artifacts (which a later run clears). */
const shot = (name: string) => fileURLToPath(new URL(`../.tmp/shots-notify/${name}`, import.meta.url));

const mailsAbout = (to: string, text: string) => mailsTo(to).filter((mail) => mail.subject.includes(text));

async function setAssignment(page: import("@playwright/test").Page, title: string) {
  await page.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohortId}/calendar`, {
    waitUntil: "networkidle",
  });
  const editor = page.getByRole("region", { name: "과제 추가" });
  await editor.getByLabel("제목").fill(title);
  await editor.getByLabel("마감 일시").fill(dueField);
  await editor.getByRole("button", { name: "과제 추가" }).click();
  await expect(page.getByRole("status")).toHaveText("일정을 추가했습니다.");
}

test("the team's publication reaches the junior's mailbox once, and the coordinator sets an assignment", async ({
  pageAs,
}) => {
  await expect
    .poll(() => mailsAbout(juniorEmail, "1팀으로 함께하게 되었습니다").length, { timeout: 30_000 })
    .toBe(1);
  const page = await pageAs(city.staff(coordinatorPerson).email);
  await setAssignment(page, firstTitle);
  await expect
    .poll(() => mailsAbout(juniorEmail, `새 과제: ${firstTitle}`).length, { timeout: 30_000 })
    .toBe(1);
  const mail = mailsAbout(juniorEmail, `새 과제: ${firstTitle}`)[0];
  expect(mail?.text).toContain(`새 과제 ${firstTitle}이 나왔습니다.`);
  expect(mail?.text).not.toMatch(/이\(가\)/);
  expect(mail?.text).toContain(`${baseURL()}/${city.slug}/assignments`);
  // Once: the team's notice was not sent again by the assignment.
  expect(mailsAbout(juniorEmail, "1팀으로 함께하게 되었습니다")).toHaveLength(1);
});

test.describe("on the junior's phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the bell counts two unread notices; the list reads them, and the junior switches new assignments off", async ({
    pageAs,
  }) => {
    const page = await pageAs(juniorEmail);
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/${city.slug}`, { waitUntil: "networkidle" });
    const bell = page.getByRole("link", { name: "알림 2건 읽지 않음" });
    await expect(bell).toBeVisible();
    await expect(bell).toContainText("2");
    await page.screenshot({ path: shot("home-bell-phone.png") });
    await bell.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("알림");
    const notices = page.getByTestId("notice");
    await expect(notices).toHaveCount(2);
    await expect(notices.first()).toContainText(`새 과제 ${firstTitle}이 나왔습니다.`);
    await expect(notices.nth(1)).toContainText("1팀으로 함께하게 되었습니다");
    await expectAccessible(page);
    // The notices' words are messages of the i18n resources too, with the cohort and titles as data.
    await expectOnlyTranslatedText(page, [city.name, city.staff(junior).name]);
    await page.screenshot({ path: shot("notifications-phone.png"), fullPage: true });

    // Opening a notice reads it and leads where it says: the team's assignments.
    await notices.first().getByRole("button", { name: "바로 가기" }).click();
    await expect(page).toHaveURL(`${baseURL()}/${city.slug}/assignments`);
    await expect(page.getByRole("link", { name: "알림 1건 읽지 않음" })).toBeVisible();
    await page.goto(`${baseURL()}/${city.slug}/notifications`, { waitUntil: "networkidle" });

    await page.getByRole("checkbox", { name: "새 과제 메일로 받기" }).uncheck();
    await page.getByRole("checkbox", { name: "새 과제 앱에서 받기" }).uncheck();
    await page.getByRole("button", { name: "알림 설정 저장" }).click();
    await expect(page.getByRole("status")).toHaveText("알림 설정을 저장했습니다.");
    await expect(page.getByRole("checkbox", { name: "새 과제 메일로 받기" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "팀 발표 메일로 받기" })).toBeChecked();

    await page.getByRole("button", { name: "모두 읽음으로 표시" }).click();
    await expect(page.getByRole("status")).toHaveText("모든 알림을 읽음으로 표시했습니다.");
    await expect(page.getByRole("link", { name: "알림, 읽지 않은 알림 없음" })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test("the next assignment reaches the rest of the team, and not the junior who switched it off", async ({
  pageAs,
}) => {
  const coordinator = await pageAs(city.staff(coordinatorPerson).email);
  await setAssignment(coordinator, secondTitle);
  // The manager's mail left in the same transaction as the junior's would have.
  await expect
    .poll(() => mailsAbout(managerEmail, `새 과제: ${secondTitle}`).length, { timeout: 30_000 })
    .toBe(1);
  expect(mailsAbout(managerEmail, `새 과제: ${secondTitle}`)[0]?.text).toContain(
    `새 과제 ${secondTitle}가 나왔습니다.`,
  );
  expect(mailsAbout(juniorEmail, `새 과제: ${secondTitle}`)).toHaveLength(0);
  const page = await pageAs(juniorEmail);
  await page.goto(`${baseURL()}/${city.slug}/notifications`, { waitUntil: "networkidle" });
  await expect(page.getByRole("link", { name: "알림, 읽지 않은 알림 없음" })).toBeVisible();
  await expect(page.getByTestId("notice")).toHaveCount(2);
  await expect(page.getByText(secondTitle)).toHaveCount(0);
});

test("a revision asked for, the work featured, the ceremony and a nudge each arrive once, in the app and by mail", async ({
  db,
  pageAs,
}) => {
  const tenantId = city.id;
  const actorUserId = city.userId(coordinatorPerson);
  const now = new Date();
  await db.withTenant(tenantId, async (tx) => {
    const item = await tx.calendarItem.findFirstOrThrow({ where: { tenantId, cohortId, title: firstTitle } });
    const { submissionId } = await submitAssignment(tx, {
      tenantId,
      staffMemberId: city.staff(junior).id,
      itemId: item.id,
      text: "팀 소개 영상을 올립니다.",
      links: ["https://youtu.be/notifications-team-1"],
      actorUserId: city.userId(junior),
      now,
    });
    const review = (decision: "accept" | "request_revision" | "feature", comment = "") =>
      reviewSubmission(tx, {
        tenantId,
        cohortId,
        submissionId,
        decision,
        comment,
        actorUserId,
        now,
        appUrl: baseURL(),
      });
    await review("request_revision", "자막을 넣어 주세요");
    await review("accept");
    await review("feature");
    // Featured twice: told once.
    await review("feature");
    await saveCeremony(tx, {
      tenantId,
      cohortId,
      startsAt: new Date(now.getTime() + 10 * 86_400_000),
      place: "강릉아트센터 소공연장",
      programme: "",
      gift: "",
      actorUserId,
      appUrl: baseURL(),
    });
  });
  // The coordinator nudges the team twice the same day: told once.
  for (const _ of [1, 2])
    await db.withTenant(tenantId, async (tx) => {
      const team = await tx.team.findFirstOrThrow({ where: { tenantId, cohortId } });
      await nudgeTeams(tx, {
        tenantId,
        cohortId,
        teamIds: [team.id],
        today: tenantToday("Asia/Seoul"),
        actorUserId,
        appUrl: baseURL(),
      });
    });
  await expect
    .poll(() => mailsAbout(juniorEmail, "요즘 어떻게 지내십니까?").length, { timeout: 30_000 })
    .toBe(1);
  await expect.poll(() => mailsAbout(juniorEmail, "결연식 일정 안내").length, { timeout: 30_000 }).toBe(1);
  await expect
    .poll(() => mailsAbout(juniorEmail, `${firstTitle} 보완 요청`).length, { timeout: 30_000 })
    .toBe(1);
  await expect
    .poll(() => mailsAbout(juniorEmail, `${firstTitle} 우수 사례로 소개되었습니다`).length, {
      timeout: 30_000,
    })
    .toBe(1);
  const revision = mailsAbout(juniorEmail, `${firstTitle} 보완 요청`)[0];
  expect(revision?.text).toContain(`팀이 제출한 ${firstTitle}을 검토하고 보완을 요청했습니다.`);
  expect(revision?.text).toContain("검토 의견: 자막을 넣어 주세요");
  expect(mailsAbout(juniorEmail, "결연식 일정 안내")[0]?.text).toContain(
    "강릉아트센터 소공연장에서 열립니다.",
  );

  const page = await pageAs(juniorEmail);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${baseURL()}/${city.slug}/notifications`, { waitUntil: "networkidle" });
  await expect(page.getByRole("link", { name: "알림 4건 읽지 않음" })).toBeVisible();
  const notices = page.getByTestId("notice");
  await expect(notices).toHaveCount(6);
  await expect(page.getByText(/^1팀의 활동 기록이 \d+일째 없습니다\./)).toHaveCount(1);
  await expect(page.getByText(`팀이 제출한 ${firstTitle}이 우수 사례로 소개되었습니다.`)).toHaveCount(1);
  await expect(
    page.getByText(`주관부서가 팀이 제출한 ${firstTitle}을 보완해 달라고 요청했습니다.`),
  ).toHaveCount(1);
  await expect(page.getByText(/결연식이 .+, 강릉아트센터 소공연장에서 열립니다\./)).toHaveCount(1);
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, [city.name, city.staff(junior).name]);
});
