import { createDatabase, type Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkInToCeremony,
  getCeremonyCheckIn,
  getItemAttendance,
  issueCheckInCode,
} from "../src/attendance";
import { remindTomorrow, type SpanItemInput, saveCalendarItem } from "../src/calendar";
import { getCeremony, recordAttendance, saveCeremony } from "../src/certificates";
import { getMyCalendarItem, signUpForEvent, withdrawFromEvent } from "../src/events";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

// Gangneung's 2nd cohort, its teams published (30 juniors, 10 managers): a video workshop with a few
// places, a staff concert without a limit, and the pairing ceremony whose attendance is taken by QR code.

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
/** Yongin's two cohorts: the 1st just before its ceremony, the 2nd recruiting. */
const yonginFirst = { tenantId: "", cohortId: "", actorUserId: "" };
const yonginSecond = { tenantId: "", cohortId: "", actorUserId: "" };
let yongin = "";
let teams: Awaited<ReturnType<typeof publishTeams>>["teams"] = [];
let staffOf = new Map<string, string | null>();
const secret = "a-test-secret-of-at-least-32-characters!";
/** "Now": the Monday before the workshop, 09:00 in Korea. */
const now = new Date("2025-05-12T00:00:00Z");
const startsAt = new Date("2025-05-14T05:00:00Z");

const code = (error: unknown) => (isAppError(error) ? error.code : error);
const juniors = () => teams.flatMap((team) => team.mentors).map((id) => staffOf.get(id) as string);
const managers = () => teams.flatMap((team) => team.mentees).map((id) => staffOf.get(id) as string);

const event = (overrides: Partial<SpanItemInput> = {}): SpanItemInput => ({
  kind: "event",
  title: "영상 제작 워크숍",
  description: "팀 소개 영상을 함께 찍고 편집합니다.",
  place: "강릉시청 3층 교육장",
  audience: "all",
  teamId: null,
  attendance: true,
  startsAt,
  endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
  signUp: true,
  capacity: 3,
  ...overrides,
});
const save = (item: SpanItemInput, itemId: string | null = null) =>
  db.withTenant(city.tenantId, (tx) => saveCalendarItem(tx, { ...city, itemId, item }));
const acting = (itemId: string, staffMemberId: string, at = now) => ({
  tenantId: city.tenantId,
  itemId,
  staffMemberId,
  now: at,
});
const signUp = (itemId: string, staffMemberId: string, at = now) =>
  db.withTenant(city.tenantId, (tx) => signUpForEvent(tx, acting(itemId, staffMemberId, at)));
const withdraw = (itemId: string, staffMemberId: string, at = now) =>
  db.withTenant(city.tenantId, (tx) => withdrawFromEvent(tx, acting(itemId, staffMemberId, at)));
const view = (itemId: string, staffMemberId: string, at = now) =>
  db.withTenant(city.tenantId, (tx) => getMyCalendarItem(tx, acting(itemId, staffMemberId, at)));
const signups = (itemId: string) =>
  db.withTenant(city.tenantId, (tx) => tx.eventSignup.count({ where: { itemId } }));

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  Object.assign(yonginFirst, await seededCohortOf(db, "yongin", "first"));
  Object.assign(yonginSecond, await seededCohortOf(db, "yongin"));
  yongin = yonginFirst.tenantId;
  ({ teams, staffOf } = await publishTeams(db, city.tenantId, city.cohortId));
}, 120_000);

afterAll(() => database?.drop());

describe("a workshop that takes sign-ups", () => {
  it("shows places left, takes a participant's place, and counts them on the coordinator's sheet", async () => {
    const { itemId } = await save(event());
    const [junior] = juniors();
    const before = await view(itemId, junior as string);
    expect(before.signUp).toMatchObject({
      capacity: 3,
      taken: 0,
      placesLeft: 3,
      signedUp: false,
      refusal: null,
    });
    expect(await signUp(itemId, junior as string)).toEqual({ itemId, alreadySignedUp: false });
    expect((await view(itemId, junior as string)).signUp).toMatchObject({
      taken: 1,
      placesLeft: 2,
      signedUp: true,
      mayWithdraw: true,
    });
    const sheet = await db.withTenant(city.tenantId, (tx) => getItemAttendance(tx, { ...city, itemId, now }));
    expect(sheet.sheet?.signUps).toEqual({ taken: 1, capacity: 3 });
    // Of the cohort's juniors, only the one who signed up is expected at the event.
    expect(sheet.sheet?.people.length).toBeGreaterThan(1);
    expect(sheet.sheet?.summary).toEqual({ present: 0, expected: 1 });
    expect(
      sheet.sheet?.people.filter((person) => person.signedUp).map((person) => person.staffMemberId),
    ).toEqual([junior]);
    expect(sheet.sheet?.people.find((person) => person.staffMemberId === junior)?.present).toBeNull();
  });

  it("keeps one place for a double tap", async () => {
    const { itemId } = await save(event({ title: "SNS 홍보 교육" }));
    const [junior] = juniors();
    const answers = await Promise.all([signUp(itemId, junior as string), signUp(itemId, junior as string)]);
    expect(answers.map((answer) => answer.alreadySignedUp).sort()).toEqual([false, true]);
    expect(await signups(itemId)).toBe(1);
  });

  it("never gives more places than it has, however many sign up at the same moment", async () => {
    const { itemId } = await save(event({ title: "라디오 DJ 체험", capacity: 5 }));
    // A client with room for many transactions at once, so that they really do overlap.
    const wide = createDatabase(database.urls.app, { poolSize: 25 });
    let inside = 0;
    let mostInsideAtOnce = 0;
    try {
      const answers = await Promise.allSettled(
        juniors().map((person) =>
          wide.withTenant(
            city.tenantId,
            async (tx) => {
              inside += 1;
              mostInsideAtOnce = Math.max(mostInsideAtOnce, inside);
              try {
                return await signUpForEvent(tx, acting(itemId, person));
              } finally {
                inside -= 1;
              }
            },
            { timeout: 60_000, maxWait: 60_000 },
          ),
        ),
      );
      // The transactions did overlap: the lock, not the pool, kept the count right.
      expect(mostInsideAtOnce).toBeGreaterThan(5);
      const refused = answers
        .filter((answer) => answer.status === "rejected")
        .map((answer) => code(answer.reason));
      expect(answers.filter((answer) => answer.status === "fulfilled")).toHaveLength(5);
      expect(refused).toEqual(Array(25).fill("calendar.event_full"));
      expect(await signups(itemId)).toBe(5);
    } finally {
      await wide.disconnect();
    }
  });

  it("refuses the next person when full, until someone withdraws", async () => {
    const { itemId } = await save(event({ title: "ChatGPT 활용 교육", capacity: 2 }));
    const [a, b, c] = juniors() as [string, string, string];
    await signUp(itemId, a);
    await signUp(itemId, b);
    expect((await view(itemId, c)).signUp).toMatchObject({ placesLeft: 0, refusal: "calendar.event_full" });
    expect(await signUp(itemId, c).catch(code)).toBe("calendar.event_full");
    expect(await withdraw(itemId, a)).toEqual({ itemId, withdrawn: true });
    expect(await withdraw(itemId, a)).toEqual({ itemId, withdrawn: false });
    expect(await signUp(itemId, c)).toEqual({ itemId, alreadySignedUp: false });
    expect(await signups(itemId)).toBe(2);
  });

  it("refuses sign-up after its closing moment, and withdrawing once the event has started", async () => {
    const closes = new Date("2025-05-13T09:00:00Z");
    const { itemId } = await save(event({ title: "힐링 음악회", capacity: null, signUpClosesAt: closes }));
    const [a, b] = juniors() as [string, string];
    await signUp(itemId, a);
    const late = new Date(closes.getTime() + 1);
    expect((await view(itemId, b, late)).signUp).toMatchObject({
      placesLeft: null,
      refusal: "calendar.sign_up_closed",
    });
    expect(await signUp(itemId, b, late).catch(code)).toBe("calendar.sign_up_closed");
    // After the deadline a place can still be given back, until the start.
    expect(await withdraw(itemId, a, late)).toMatchObject({ withdrawn: true });
    await signUp(itemId, a);
    expect(await withdraw(itemId, a, startsAt).catch(code)).toBe("calendar.event_started");
    expect(await signups(itemId)).toBe(1);
  });

  it("refuses sign-up on an event that takes none, and is not found by someone it is not for", async () => {
    const { itemId: closed } = await save(event({ title: "간부회의 참석", signUp: false }));
    const [junior] = juniors();
    expect((await view(closed, junior as string)).signUp).toBeNull();
    expect(await signUp(closed, junior as string).catch(code)).toBe("calendar.sign_up_not_open");
    const { itemId: mentorsOnly } = await save(event({ title: "주니어 보드 회의", audience: "mentors" }));
    const [manager] = managers();
    expect(await view(mentorsOnly, manager as string).catch(code)).toBe("calendar.item_not_found");
    expect(await signUp(mentorsOnly, manager as string).catch(code)).toBe("calendar.item_not_found");
  });

  it("is not found from another city, and writes nothing there", async () => {
    const { itemId } = await save(event({ title: "다른 시 시험 워크숍" }));
    const [junior] = juniors();
    const elsewhere = { tenantId: yongin, itemId, staffMemberId: junior as string, now };
    expect(await db.withTenant(yongin, (tx) => signUpForEvent(tx, elsewhere)).catch(code)).toBe(
      "calendar.item_not_found",
    );
    expect(await db.withTenant(yongin, (tx) => getMyCalendarItem(tx, elsewhere)).catch(code)).toBe(
      "calendar.item_not_found",
    );
    expect(await signups(itemId)).toBe(0);
  });
});

describe("the coordinator's sign-up terms", () => {
  const refusedAt = (error: unknown) =>
    isAppError(error) ? [error.code, error.details?.fields?.[0]?.path] : error;

  it("takes sign-ups on events only, closing no later than the start, with 1 to 10,000 places", async () => {
    expect(await save(event({ kind: "training" })).catch(refusedAt)).toEqual([
      "calendar.sign_up_events_only",
      "signUp",
    ]);
    expect(
      await save(event({ signUpClosesAt: new Date(startsAt.getTime() + 60_000) })).catch(refusedAt),
    ).toEqual(["calendar.sign_up_closes_after_start", "signUpClosesAt"]);
    for (const capacity of [0, -1, 1.5, 10_001])
      expect(await save(event({ capacity })).catch(refusedAt)).toEqual([
        "calendar.capacity_invalid",
        "capacity",
      ]);
  });

  it("keeps the places already taken: the capacity cannot drop below them", async () => {
    const { itemId } = await save(event({ title: "영상 편집 심화", capacity: 5 }));
    const [a, b] = juniors() as [string, string];
    await signUp(itemId, a);
    await signUp(itemId, b);
    expect(await save(event({ title: "영상 편집 심화", capacity: 1 }), itemId).catch(refusedAt)).toEqual([
      "calendar.capacity_below_signups",
      "capacity",
    ]);
    expect(await save(event({ title: "영상 편집 심화", capacity: 2 }), itemId)).toEqual({ itemId });
  });
});

describe("checking in to the pairing ceremony by QR code", () => {
  let ceremonyId = "";
  const scan = (staffMemberId: string, scannedCode: string, at = now, tenantId = city.tenantId) =>
    db.withTenant(tenantId, (tx) =>
      checkInToCeremony(tx, {
        tenantId,
        cohortId: city.cohortId,
        staffMemberId,
        code: scannedCode,
        secret,
        actorUserId: city.actorUserId,
        now: at,
      }),
    );
  const issued = (at = now, id = ceremonyId, tenantId = city.tenantId) =>
    issueCheckInCode({ secret, tenantId, ceremonyId: id, now: at }).code;
  const statusOf = async (staffMemberId: string) => {
    const ceremony = await db.withTenant(city.tenantId, (tx) => getCeremony(tx, city));
    const applicationId = [...staffOf].find(([, staff]) => staff === staffMemberId)?.[0];
    return ceremony?.attendance.find((person) => person.applicationId === applicationId);
  };

  beforeAll(async () => {
    const ceremony = { startsAt, place: "강릉시청 대회의실", programme: "", gift: "" };
    await db.withTenant(city.tenantId, (tx) => saveCeremony(tx, { ...city, ...ceremony }));
    ceremonyId = (await db.withTenant(city.tenantId, (tx) => getCeremony(tx, city)))?.id as string;
  });

  it("marks the participant who scans present, by check-in, once however often they scan", async () => {
    const [junior] = juniors() as [string];
    expect(
      (await db.withTenant(city.tenantId, (tx) => getCeremonyCheckIn(tx, { ...city, staffMemberId: junior })))
        .present,
    ).toBe(false);
    expect(await scan(junior, issued())).toMatchObject({ alreadyIn: false });
    expect(await scan(junior, issued())).toMatchObject({ alreadyIn: true });
    expect(await statusOf(junior)).toMatchObject({ present: true, method: "check_in" });
    // The coordinator can still correct it by hand.
    const applicationId = [...staffOf].find(([, staff]) => staff === junior)?.[0] as string;
    await db.withTenant(city.tenantId, (tx) =>
      recordAttendance(tx, { ...city, applicationId, present: false }),
    );
    expect(await statusOf(junior)).toMatchObject({ present: false, method: "coordinator" });
  });

  it("refuses an expired code, a forged one, another cohort's and another city's, marking no one", async () => {
    const [, junior] = juniors() as [string, string];
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await scan(junior, issued(now), later).catch(code)).toBe("attendance.code_expired");
    expect(await scan(junior, issued(now, ceremonyId, yongin)).catch(code)).toBe("attendance.code_invalid");
    const forged = issueCheckInCode({
      secret: "another-secret-another-secret-another!",
      tenantId: city.tenantId,
      ceremonyId,
      now,
    });
    expect(await scan(junior, forged.code).catch(code)).toBe("attendance.code_invalid");
    // A training's code for the same id is not the ceremony's.
    const itemCode = issueCheckInCode({ secret, tenantId: city.tenantId, itemId: ceremonyId, now }).code;
    expect(await scan(junior, itemCode).catch(code)).toBe("attendance.code_invalid");
    expect((await statusOf(junior))?.present).toBeNull();
  });

  it("refuses the code of another cohort's ceremony", async () => {
    const ceremony = { startsAt, place: "용인시청 에이스홀", programme: "", gift: "" };
    for (const cohort of [yonginFirst, yonginSecond])
      await db.withTenant(yongin, (tx) => saveCeremony(tx, { ...cohort, ...ceremony }));
    const idOf = async (cohort: typeof yonginFirst) =>
      (await db.withTenant(yongin, (tx) => getCeremony(tx, cohort)))?.id as string;
    const [mine, theirs] = [await idOf(yonginFirst), await idOf(yonginSecond)];
    expect(mine).not.toBe(theirs);
    const mentor = await db.withTenant(yongin, (tx) =>
      tx.application.findFirstOrThrow({
        where: { cohortId: yonginFirst.cohortId, status: "accepted" },
        select: { staffMemberId: true },
      }),
    );
    const scanAt = (ceremonyId: string) =>
      db.withTenant(yongin, (tx) =>
        checkInToCeremony(tx, {
          ...yonginFirst,
          staffMemberId: mentor.staffMemberId,
          code: issueCheckInCode({ secret, tenantId: yongin, ceremonyId, now }).code,
          secret,
          now,
        }),
      );
    expect(await scanAt(theirs).catch(code)).toBe("attendance.code_invalid");
    expect(await scanAt(mine)).toMatchObject({ alreadyIn: false });
  });

  it("is not found from another city, nor for someone outside the cohort", async () => {
    const [junior] = juniors() as [string];
    expect(await scan(junior, issued(), now, yongin).catch(code)).toBe("cohort.not_found");
    const outsider = await db.withTenant(city.tenantId, (tx) =>
      tx.staffMember.findFirstOrThrow({
        where: { applications: { none: { cohortId: city.cohortId } } },
        select: { id: true },
      }),
    );
    expect(await scan(outsider.id, issued()).catch(code)).toBe("attendance.not_for_you");
  });
});

describe("the day before an event", () => {
  it("reminds those who signed up when it takes sign-ups, and everyone it is for when it does not", async () => {
    await db.withTenant(city.tenantId, (tx) =>
      tx.cohort.update({ where: { id: city.cohortId }, data: { status: "active" } }),
    );
    const tomorrow = new Date("2025-05-21T05:00:00Z");
    const at = { startsAt: tomorrow, endsAt: new Date(tomorrow.getTime() + 3_600_000) };
    const workshop = await save(event({ title: "챗GPT 활용 교육", capacity: null, ...at }));
    const concert = await save(event({ title: "힐링 음악회", signUp: false, attendance: false, ...at }));
    const [first, second, third] = juniors();
    await signUp(workshop.itemId, first as string);
    await signUp(workshop.itemId, second as string);

    // 10:00 in Korea the day before.
    const run = () =>
      remindTomorrow(db, { now: new Date("2025-05-20T01:00:00Z"), appUrl: "https://mentoring.example.kr" });
    await run();
    const told = (itemId: string) =>
      db.withTenant(city.tenantId, async (tx) =>
        (
          await tx.notification.findMany({
            where: { tenantId: city.tenantId, subject: `item:${itemId}@${tomorrow.toISOString()}` },
            select: { staffMemberId: true },
          })
        )
          .map((notice) => notice.staffMemberId)
          .sort(),
      );
    expect(await told(workshop.itemId)).toEqual([first, second].sort());
    expect(await told(concert.itemId)).toEqual([...juniors(), ...managers()].sort());
    // Signing up after the reminder went out brings no second round.
    await signUp(workshop.itemId, third as string);
    await run();
    expect(await told(workshop.itemId)).toHaveLength(2);
  });
});
