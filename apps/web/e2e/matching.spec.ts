import { cohortCast, gangneungSeed, seededCohorts } from "@mentoring/db/seed";
import { builtinTemplate, localize } from "@mentoring/domain";
import { withParticle } from "@mentoring/i18n";
import type { Locator, Page } from "@playwright/test";
import { createCohortFor, createTenant, seededPerson } from "./factories";
import { expect, test } from "./fixtures";
import { baseURL, expectAccessible, expectOnlyTranslatedText, watchErrors } from "./support";

// Gangneung's coordinator forms the teams of reverse mentoring: moves the cohort from orientation to
// matching (its pre-surveys still open, so with a reason), runs matching and watches it work, gets 10 teams
// of 3 juniors and 1 manager with the proven gap, swaps two juniors between teams and sees the total
// change, and publishes. A manager then signs in and sees their own team with its contact details, and no
// one of another team.
//
// In a city of its own with Gangneung's directory: the 2nd cohort's 30 juniors and 10 managers are
// recruited into a cohort of the reverse-mentoring template, and answer its pre-surveys, through the same
// use cases the pages call.

test.setTimeout(300_000);

const seed = gangneungSeed();
const seeded = seededCohorts.gangneung?.[0];
if (!seeded) throw new Error("Gangneung has no seeded cohort");
const cast = cohortCast(seed, seeded);
const coordinator = seededPerson(
  seed,
  (person) => person.departmentCode === "general-affairs" && person.positionTitle === "주무관",
);
const mentee = cast.mentees[0];

const template = builtinTemplate("reverse_mentoring");
/** What pages show from the database: people, departments, positions, the template's own words. */
const directoryData = [
  ...seed.staff.flatMap((person) => [person.name, person.positionTitle]),
  ...seed.departments.map((department) => department.name),
  ...template.questionSets.flatMap((set) => [
    localize(set.title, "ko"),
    ...set.dimensions.map((dimension) => localize(dimension.label, "ko")),
    ...set.questions.map((question) => localize(question.prompt, "ko")),
  ]),
];

interface CardPerson {
  name: string;
  department: string;
}

/** A team card as the page shows it: its number, its mentors and mentees with their departments. */
async function readCard(
  card: Locator,
): Promise<{ number: number; mentors: CardPerson[]; mentees: CardPerson[] }> {
  const heading = (await card.getByRole("heading", { level: 3 }).textContent()) ?? "";
  const people = async (role: "mentor" | "mentee") => {
    const items = card.locator(`[data-testid="team-member"][data-role="${role}"]`);
    const names = await items.locator(".member__name").allTextContents();
    const metas = await items.locator(".member__meta").allTextContents();
    return names.map((name, index) => ({ name, department: (metas[index] ?? "").split(" · ")[0] ?? "" }));
  };
  return {
    number: Number.parseInt(heading, 10),
    mentors: await people("mentor"),
    mentees: await people("mentee"),
  };
}

/** Two juniors of two teams who may trade places: neither lands in their new manager's department. */
function swappable(cards: Awaited<ReturnType<typeof readCard>>[]) {
  for (const first of cards) {
    for (const second of cards) {
      if (first.number >= second.number) continue;
      const firstDepartments = new Set(first.mentees.map((person) => person.department));
      const secondDepartments = new Set(second.mentees.map((person) => person.department));
      for (const a of first.mentors) {
        for (const b of second.mentors) {
          // Same department: the swap would change nothing worth seeing.
          if (a.department === b.department) continue;
          if (secondDepartments.has(a.department) || firstDepartments.has(b.department)) continue;
          return { first, second, a, b };
        }
      }
    }
  }
  throw new Error("no two juniors can trade places without breaking a rule");
}

async function expectCleanPage(page: Page, data: string[]) {
  await expectAccessible(page);
  await expectOnlyTranslatedText(page, data);
}

test("a coordinator runs matching, swaps two juniors, publishes, and a manager sees exactly their team", async ({
  pageAs,
  db,
}) => {
  if (!mentee) throw new Error("the seeded cast is incomplete");
  const city = await createTenant(db, {
    like: seed,
    accounts: [
      { person: coordinator, roles: ["coordinator"] },
      { person: mentee, roles: ["participant"] },
    ],
  });
  const applicants = [
    ...cast.mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
    ...cast.mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
  ];
  // The 2nd cohort's dates: eligibility (years of service) is judged on the day recruitment opens.
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: seeded.recruitmentStart,
    phase: "orientation",
    applicants,
    answers: () => true,
    appUrl: baseURL(),
  });
  const cohortTitle = cohort.title;
  const data = [city.name, cohortTitle, ...directoryData, ...applicants.map(({ person }) => person.email)];
  const overview = `${baseURL()}/${city.slug}/programs/cohorts/${cohort.id}`;

  const desk = await pageAs(city.staff(coordinator).email);
  const deskErrors = watchErrors(desk);

  // In orientation, the matching page says where the phase is moved.
  await desk.goto(`${overview}/matching`);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("매칭");
  await expect(desk.getByTestId("not-in-phase")).toContainText("이 기수는 지금 오리엔테이션 단계입니다.");
  await expect(desk.getByRole("button", { name: "매칭 실행" })).toHaveCount(0);
  await expect(desk.getByText("아직 실행한 매칭이 없습니다.")).toBeVisible();
  await expectCleanPage(desk, data);

  // The pre-surveys are still open: the coordinator moves on anyway, with a reason.
  await desk.getByRole("link", { name: "개요와 일정에서 단계 넘기기" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText(cohortTitle);
  await expect(desk.getByText("사전 설문 2개가 아직 열려 있습니다")).toBeVisible();
  await desk.getByLabel("위 내용을 확인했으며, 그래도 다음 단계로 넘깁니다").check();
  await desk.getByLabel("재정의 사유").fill("사전 설문과 진단은 모두 제출되었습니다.");
  await desk.getByRole("button", { name: "매칭 단계로 넘기기" }).click();
  await expect(desk.getByTestId("cohort-status")).toHaveText("매칭");

  // Matching runs in the worker; the page shows its progress until the teams are there.
  await desk.getByRole("navigation", { name: "기수 메뉴" }).getByRole("link", { name: "매칭" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("매칭");
  await desk.getByRole("button", { name: "매칭 실행" }).click();
  await desk.waitForURL(/\/matching\?run=[0-9a-f-]{36}$/);
  await expect(
    desk
      .getByRole("progressbar", { name: "매칭 진행률" })
      .or(desk.getByRole("heading", { name: "1회차 결과" })),
  ).toBeVisible();
  await expect(desk.getByRole("row", { name: /1회차/ })).toContainText(/대기 중|실행 중|완료/);
  await expect(desk.getByRole("heading", { name: "1회차 결과" })).toBeVisible({ timeout: 90_000 });
  // The first teams show while the engine still proves them best: the run is done when it says so. The
  // engine stops proving at its 60 s limit of wall time, which a CI runner busy with two suites stretched past
  // 90 s once (still "99%" at 90 s).
  await expect(desk.getByRole("row", { name: /1회차/ })).toContainText("완료", { timeout: 150_000 });
  await expect(desk.getByRole("progressbar")).toHaveCount(0);

  // 10 teams of exactly 3 juniors and 1 manager, every rule kept, the proven gap reported.
  await expect(desk.getByTestId("summary-teams")).toHaveText("10");
  await expect(desk.getByTestId("summary-gap")).toHaveText(/^\d+\.\d{2} %$/);
  await expect(desk.getByTestId("summary-unplaced")).toHaveText("0명");
  const cards = desk.getByTestId("team-card");
  await expect(cards).toHaveCount(10);
  for (const card of await cards.all()) {
    await expect(card.locator('[data-role="mentor"]')).toHaveCount(3);
    await expect(card.locator('[data-role="mentee"]')).toHaveCount(1);
  }
  await expect(desk.locator(".violation-list")).toHaveCount(0);

  // Why a team is a team: its score by criterion.
  const firstCard = cards.first();
  await firstCard.getByText("왜 이 팀인가요?").click();
  const breakdown = firstCard.getByRole("table", { name: "1팀 점수 구성" });
  await expect(breakdown.getByRole("rowheader", { name: /진단 결과 보완/ })).toBeVisible();
  await expect(breakdown.getByRole("rowheader", { name: /관심 분야 일치/ })).toBeVisible();
  await expectCleanPage(desk, data);

  // Two juniors trade places; the total changes at once, and no rule breaks.
  const teams = await Promise.all((await cards.all()).map(readCard));
  const { first, second, a, b } = swappable(teams);
  const totalBefore = (await desk.getByTestId("summary-total").textContent()) ?? "";
  const card = cards.filter({
    has: desk.getByRole("heading", { level: 3, name: `${first.number}팀`, exact: true }),
  });
  // One dialog for every person: Escape closes it and gives focus back to the person's button.
  const opener = card.getByRole("button", { name: `${a.name} 이동·교체` });
  await opener.click();
  const dialog = desk.getByRole("dialog", { name: `${a.name} 이동 또는 교체` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(`${a.name}: 옮길 팀`)).toBeFocused();
  await expectCleanPage(desk, data);
  await desk.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // By keyboard alone: open, find the other junior by name, choose them, swap.
  await desk.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const swapList = dialog.getByLabel(`${a.name}: 맞바꿀 사람`);
  await expect(swapList.getByRole("option")).toHaveCount(27);
  await dialog.getByLabel("이름, 부서, 팀으로 찾기").focus();
  await desk.keyboard.type(`${second.number}팀 · ${b.name}`);
  await expect(swapList.getByRole("option")).toHaveText([`${second.number}팀 · ${b.name} · ${b.department}`]);
  await desk.keyboard.press("Tab");
  await expect(swapList).toBeFocused();
  await desk.keyboard.press("ArrowDown");
  await expect(swapList).toHaveValue(/.+/);
  await dialog.getByRole("button", { name: `${a.name} 교체` }).focus();
  await desk.keyboard.press("Enter");
  const message = desk.getByTestId("edit-result");
  await expect(message).toContainText(
    new RegExp(`^총점 ${totalBefore.replace(/[.]/g, "\\.")} → [\\d.,]+ \\(([+-][\\d.,]+|±0)\\)`),
  );
  await expect(message).toContainText("팀 카드의 점수와 규칙 확인이 바로 바뀌었습니다.");
  const after = cards.filter({
    has: desk.getByRole("heading", { level: 3, name: `${first.number}팀`, exact: true }),
  });
  await expect(after.locator('[data-role="mentor"] .member__name')).toContainText([b.name]);
  await expect(desk.locator(".violation-list")).toHaveCount(0);
  // The dialog closed with the swap; focus is on the junior's button, now in the other team's card.
  await expect(dialog).toBeHidden();
  const moved = cards
    .filter({ has: desk.getByRole("heading", { level: 3, name: `${second.number}팀`, exact: true }) })
    .getByRole("button", { name: `${a.name} 이동·교체` });
  await expect(moved).toBeFocused();
  await expectCleanPage(desk, data);

  // A move without a team is answered in the dialog, beside the choice; then a move to another team
  // breaks the team shape at once, and moving back mends it.
  await moved.click();
  await dialog.getByRole("button", { name: `${a.name} 이동` }).click();
  await expect(dialog.getByRole("alert")).toHaveText("옮길 팀이나 맞바꿀 사람을 고르세요.");
  await expect(dialog.getByLabel(`${a.name}: 옮길 팀`)).toHaveAccessibleDescription(
    /옮길 팀이나 맞바꿀 사람을 고르세요\.$/,
  );
  await dialog.getByLabel(`${a.name}: 옮길 팀`).selectOption({ label: `${first.number}팀` });
  await dialog.getByRole("button", { name: `${a.name} 이동` }).click();
  await expect(dialog).toBeHidden();
  await expect(after.locator('[data-role="mentor"]')).toHaveCount(4);
  await expect(desk.locator(".violation-list")).not.toHaveCount(0);
  await after.getByRole("button", { name: `${a.name} 이동·교체` }).click();
  await dialog.getByLabel(`${a.name}: 옮길 팀`).selectOption({ label: `${second.number}팀` });
  await dialog.getByRole("button", { name: `${a.name} 이동` }).click();
  await expect(dialog).toBeHidden();
  await expect(after.locator('[data-role="mentor"]')).toHaveCount(3);
  await expect(desk.locator(".violation-list")).toHaveCount(0);

  // At a phone's width the dialog fits the screen and reads as cleanly.
  const desktop = desk.viewportSize();
  await desk.setViewportSize({ width: 390, height: 844 });
  await after.getByRole("button", { name: `${b.name} 이동·교체` }).click();
  const phoneDialog = desk.getByRole("dialog", { name: `${b.name} 이동 또는 교체` });
  await expect(phoneDialog).toBeVisible();
  const box = await phoneDialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await expectCleanPage(desk, data);
  await phoneDialog.getByRole("button", { name: "닫기" }).click();
  await expect(phoneDialog).toBeHidden();
  if (desktop) await desk.setViewportSize(desktop);

  // A forbidden pair inside a team breaks a rule at once, and publication waits until it is lifted; a pin
  // is kept for the next run.
  const pairCard = cards.filter({
    has: desk.getByRole("heading", { level: 3, name: `${second.number}팀`, exact: true }),
  });
  const { mentors: pairMentors, mentees: pairMentees } = await readCard(pairCard);
  const [pairMentor, pairMentee] = [pairMentors[0]?.name ?? "", pairMentees[0]?.name ?? ""];
  await pairCard
    .getByRole("button", { name: `${second.number}팀 멘토 ${pairMentor}, 멘티 ${pairMentee} 짝 금지` })
    .click();
  await expect(
    desk
      .getByRole("status")
      .filter({ hasText: `짝을 금지했습니다: 멘토 ${pairMentor} · 멘티 ${pairMentee}` }),
  ).toBeVisible();
  await expect(pairCard.locator(".violation-list")).toHaveText(
    `${second.number}팀: 멘토 ${pairMentor}, 멘티 ${withParticle(pairMentee, "은/는")} 금지한 짝입니다`,
  );
  await expect(desk.getByRole("button", { name: "매칭 결과 공개" })).toBeDisabled();
  await expect(desk.getByRole("button", { name: "매칭 결과 공개" })).toHaveAccessibleDescription(
    "지켜지지 않은 규칙이 1개 있어 공개할 수 없습니다. 팀을 고치거나 다시 실행하세요.",
  );
  await expectCleanPage(desk, data);
  await pairCard.getByRole("button", { name: `멘토 ${pairMentor}, 멘티 ${pairMentee} 짝 금지 해제` }).click();
  await expect(desk.locator(".violation-list")).toHaveCount(0);
  await pairCard
    .getByRole("button", { name: `${second.number}팀 멘토 ${pairMentor}, 멘티 ${pairMentee} 짝 고정` })
    .click();
  await expect(desk.getByRole("list", { name: "고정한 짝" }).getByRole("listitem")).toHaveText([
    new RegExp(`^멘토 ${pairMentor} · 멘티 ${pairMentee}`),
  ]);
  await expect(desk.getByText("금지한 짝이 없습니다.")).toBeVisible();

  // Publication, confirmed.
  await desk.getByLabel("팀 구성을 검토했으며 참가자에게 공개합니다").check();
  await desk.getByRole("button", { name: "매칭 결과 공개" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "10개 팀을 공개했습니다." })).toBeVisible();
  await expect(desk.getByRole("row", { name: /1회차/ })).toContainText("공개됨");
  await expect(desk.getByTestId("published-notice")).toBeVisible();
  await expectCleanPage(desk, data);

  // The manager's team as the coordinator published it: 3 juniors, the manager, and who is elsewhere.
  const published = await Promise.all((await cards.all()).map(readCard));
  const mine = published.find((team) => team.mentees.some((person) => person.name === mentee.name));
  if (!mine) throw new Error(`${mentee.name} is in no team`);
  const myNames = [...mine.mentors, ...mine.mentees].map((person) => person.name);
  const elsewhere = published
    .filter((team) => team !== mine)
    .flatMap((team) => team.mentors)
    .find((person) => !myNames.includes(person.name));
  if (!elsewhere) throw new Error("every other junior shares a name with this team");
  expect(deskErrors).toEqual([]);
  await desk.context().close();

  const participant = await pageAs(city.staff(mentee).email);
  const participantErrors = watchErrors(participant);
  await participant.goto(`${baseURL()}/${city.slug}/team`);
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText("내 팀");
  const section = participant.getByTestId("my-team");
  await expect(section).toHaveCount(1);
  await expect(section.getByRole("heading", { level: 2 })).toHaveText(`${cohortTitle} ${mine.number}팀`);
  await expect(section).toContainText("내 역할: 멘티");
  const rows = section.getByTestId("my-team-member");
  await expect(rows).toHaveCount(4);
  for (const name of myNames) await expect(section.getByRole("rowheader", { name })).toHaveCount(1);
  await expect(participant.getByText(elsewhere.name)).toHaveCount(0);
  const me = rows.filter({ has: participant.getByRole("rowheader", { name: mentee.name }) });
  await expect(me).toContainText("나");
  const { email } = city.staff(mentee);
  await expect(me.getByRole("link", { name: email })).toHaveAttribute("href", `mailto:${email}`);
  await expectCleanPage(participant, data);
  expect(participantErrors).toEqual([]);
});

test("while a run is queued, the coordinator cannot start another: the button waits and says why", async ({
  pageAs,
  db,
}) => {
  const city = await createTenant(db, {
    like: seed,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
  });
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: seeded.recruitmentStart,
    phase: "matching",
    applicants: [
      ...cast.mentors.map((person) => ({ person: city.staff(person), role: "mentor" as const })),
      ...cast.mentees.map((person) => ({ person: city.staff(person), role: "mentee" as const })),
    ],
    answers: () => true,
    override: "대기 중인 실행 시험",
    appUrl: baseURL(),
  });
  // A run the worker has not taken yet (written without its job, so it stays queued).
  await db.withTenant(city.id, (tx) =>
    tx.matchingRun.create({
      data: {
        tenantId: city.id,
        cohortId: cohort.id,
        number: 1,
        status: "queued",
        problem: { participants: [] },
      },
    }),
  );

  const desk = await pageAs(city.staff(coordinator).email);
  await desk.goto(`${baseURL()}/${city.slug}/programs/cohorts/${cohort.id}/matching`);
  const again = desk.getByRole("button", { name: "다시 실행" });
  await expect(again).toBeDisabled();
  await expect(again).toHaveAccessibleDescription(
    "1회차가 아직 계산 중입니다. 끝나면 다시 실행할 수 있습니다.",
  );
  await expectCleanPage(desk, [city.name, cohort.title]);
});
