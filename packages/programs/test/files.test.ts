// Files teams attach to their work: uploads taken from the storage with their type told from the content,
// attached to a submission or an activity, opened only by who may see them, in one tenant only.
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { calendarDate, isAppError } from "@mentoring/domain";
import { LocalFileStorage } from "@mentoring/storage";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "../src/activities";
import { reviewSubmission, submitAssignment } from "../src/assignments";
import { saveCalendarItem } from "../src/calendar";
import { assignEvaluator } from "../src/evaluations";
import {
  acceptUpload,
  listActivityPhotos,
  listAttachments,
  openAttachment,
  removeAbandonedUploads,
} from "../src/files";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

let database: SeededTestDatabase;
let db: Database;
let storageDir: string;
let storage: LocalFileStorage;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
const elsewhere = { tenantId: "", cohortId: "", actorUserId: "" };
/** Staff ids: two members of team 1, one of team 2. */
const people = { junior: "", manager: "", other: "" };
/** The published teams of the two: team 1 (junior and manager) and team 2 (other). */
const teamIds = { one: "", two: "" };
/** Their user ids (who uploads). */
const users = { junior: randomUUID(), manager: randomUUID(), other: randomUUID() };
let march = "";
const beforeDue = new Date("2025-03-20T01:00:00Z");

const code = (error: unknown) => (isAppError(error) ? error.code : error);

const mp4 = () =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypmp42"),
    Buffer.alloc(4),
    Buffer.from("mp42isom"),
    Buffer.alloc(4096, 7),
  ]);
const exe = () => {
  const bytes = Buffer.alloc(4096);
  bytes.write("MZ", 0);
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "binary");
  return bytes;
};
const jpeg = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();

/** A finished upload in the storage, then taken by acceptUpload, as the upload endpoint does. */
async function upload(
  kind: string,
  name: string,
  bytes: Buffer | AsyncIterable<Uint8Array>,
  options: { tenantId?: string; userId?: string } = {},
) {
  const uploadId = randomUUID();
  const sourceKey = `uploads-in-progress/${uploadId}`;
  await storage.put(sourceKey, bytes);
  const tenantId = options.tenantId ?? city.tenantId;
  const result = await db.withTenant(tenantId, (tx) =>
    acceptUpload(tx, {
      tenantId,
      storage,
      uploadId,
      sourceKey,
      kind,
      name,
      actorUserId: options.userId ?? users.junior,
      now: new Date(),
    }),
  );
  return { ...result, sourceKey };
}

const submit = (
  staffMemberId: string,
  userId: string,
  work: { fileIds?: string[]; removeFileIds?: string[]; links?: string[]; text?: string },
  tenantId = city.tenantId,
) =>
  db.withTenant(tenantId, (tx) =>
    submitAssignment(tx, {
      tenantId,
      staffMemberId,
      itemId: march,
      text: work.text ?? "",
      links: work.links ?? [],
      fileIds: work.fileIds,
      removeFileIds: work.removeFileIds,
      actorUserId: userId,
      now: beforeDue,
    }),
  );

const open = (
  attachmentId: string,
  who: { userId: string; staffMemberId: string | null; mayReview?: boolean; mayViewShowcase?: boolean },
  tenantId = city.tenantId,
) =>
  db.withTenant(tenantId, (tx) =>
    openAttachment(tx, {
      tenantId,
      attachmentId,
      userId: who.userId,
      staffMemberId: who.staffMemberId,
      mayReview: who.mayReview ?? false,
      mayViewShowcase: who.mayViewShowcase ?? false,
    }),
  );

/** Every file under the tenant's folder of the storage, and every upload still in progress. */
async function storedFiles() {
  const list = async (folder: string) =>
    (await readdir(path.join(storageDir, folder), { recursive: true }).catch(() => [])).filter(
      (name) => !name.endsWith(".json"),
    );
  return {
    attachments: await list(`${city.tenantId}/attachments`),
    inProgress: await list("uploads-in-progress"),
  };
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), "files-test-"));
  storage = new LocalFileStorage(storageDir);
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  Object.assign(elsewhere, await seededCohortOf(db, "yongin", "first"));
  const { teams, staffOf } = await publishTeams(db, city.tenantId, city.cohortId);
  const [one, two] = teams;
  people.junior = staffOf.get(one?.mentors[0] as string) as string;
  people.manager = staffOf.get(one?.mentees[0] as string) as string;
  people.other = staffOf.get(two?.mentors[0] as string) as string;
  teamIds.one = one?.id as string;
  teamIds.two = two?.id as string;
  march = (
    await db.withTenant(city.tenantId, (tx) =>
      saveCalendarItem(tx, {
        ...city,
        itemId: null,
        item: {
          kind: "assignment",
          title: "팀 소개 영상 만들기",
          description: "",
          place: "",
          audience: "all",
          teamId: null,
          attendance: false,
          dueAt: new Date("2025-03-25T14:59:00Z"),
        },
      }),
    )
  ).itemId;
}, 120_000);

afterAll(async () => {
  await database?.drop();
  await rm(storageDir, { recursive: true, force: true });
});

describe("a junior hands in a video file and a link for the team", () => {
  let videoId = "";
  let submissionId = "";

  it("keeps the video, told a video from its content, and the submission shows it to the team", async () => {
    const video = await upload("video", "팀 소개 영상.mp4", mp4());
    expect(video).toMatchObject({ kind: "video", mediaType: "video/mp4" });
    videoId = video.attachmentId;
    const result = await submit(people.junior, users.junior, {
      fileIds: [videoId],
      links: ["https://youtu.be/team-one"],
    });
    submissionId = result.submissionId;
    const files = await db.withTenant(city.tenantId, (tx) =>
      listAttachments(tx, { tenantId: city.tenantId, submissionIds: [submissionId] }),
    );
    expect(files.get(submissionId)).toEqual([
      expect.objectContaining({ id: videoId, kind: "video", name: "팀 소개 영상.mp4", hasThumbnail: false }),
    ]);
    expect(await storedFiles()).toEqual({ attachments: [videoId], inProgress: [] });
  });

  it("opens the video for the team and the coordinator, not for another team nor another tenant", async () => {
    const opened = await open(videoId, { userId: users.manager, staffMemberId: people.manager });
    expect(opened).toMatchObject({ mediaType: "video/mp4", size: mp4().length });
    expect(await open(videoId, { userId: randomUUID(), staffMemberId: null, mayReview: true })).toMatchObject(
      {
        kind: "video",
      },
    );
    expect(await open(videoId, { userId: users.other, staffMemberId: people.other }).catch(code)).toBe(
      "attachment.not_found",
    );
    expect(
      await open(videoId, { userId: users.other, staffMemberId: null, mayViewShowcase: true }).catch(code),
    ).toBe("attachment.not_found");
    expect(
      await open(
        videoId,
        { userId: users.junior, staffMemberId: null, mayReview: true },
        elsewhere.tenantId,
      ).catch(code),
    ).toBe("attachment.not_found");
  });

  it("opens the team's files for an outside evaluator assigned to the team, not for one assigned to another team", async () => {
    /** An outside trainer: an account with the evaluator role alone and no staff record, assigned to a team. */
    const evaluatorOf = (teamId: string, label: string) =>
      db.withTenant(city.tenantId, async (tx) => {
        const user = await tx.user.create({
          data: { email: `${label}@trainer.example.kr`, displayName: label },
        });
        await tx.membership.create({
          data: { tenantId: city.tenantId, userId: user.id, roles: ["evaluator"], staffMemberId: null },
        });
        await assignEvaluator(tx, {
          tenantId: city.tenantId,
          cohortId: city.cohortId,
          teamId,
          evaluatorUserId: user.id,
          actorUserId: city.actorUserId,
          now: new Date(),
        });
        return user.id;
      });
    const ours = await evaluatorOf(teamIds.one, "files-evaluator-one");
    const theirs = await evaluatorOf(teamIds.two, "files-evaluator-two");
    expect(await open(videoId, { userId: ours, staffMemberId: null })).toMatchObject({ kind: "video" });
    expect(await open(videoId, { userId: theirs, staffMemberId: null }).catch(code)).toBe(
      "attachment.not_found",
    );
  });

  it("shows a featured submission's files to every staff member of the showcase", async () => {
    const decide = (decision: "accept" | "feature") =>
      db.withTenant(city.tenantId, (tx) =>
        reviewSubmission(tx, {
          tenantId: city.tenantId,
          cohortId: city.cohortId,
          submissionId,
          decision,
          comment: "",
          actorUserId: city.actorUserId,
          now: beforeDue,
        }),
      );
    await decide("accept");
    await decide("feature");
    const viewer = { userId: users.other, staffMemberId: people.other, mayViewShowcase: true };
    expect(await open(videoId, viewer)).toMatchObject({ kind: "video" });
  });

  it("takes no new file once accepted, and keeps the upload waiting", async () => {
    const photo = await upload("photo", "촬영 현장.jpg", await jpeg());
    expect(await submit(people.junior, users.junior, { fileIds: [photo.attachmentId] }).catch(code)).toBe(
      "submission.already_accepted",
    );
    const files = await db.withTenant(city.tenantId, (tx) =>
      listAttachments(tx, { tenantId: city.tenantId, submissionIds: [submissionId] }),
    );
    expect(files.get(submissionId)?.map((file) => file.id)).toEqual([videoId]);
  });
});

describe("what is refused, with nothing stored", () => {
  it("refuses an .exe renamed .mp4 and removes it", async () => {
    expect(await upload("video", "발표.mp4", exe()).catch(code)).toBe("attachment.type_refused");
    expect((await storedFiles()).inProgress).toEqual([]);
  });

  it("refuses a photo over 20 MB, and a file whose name holds a NUL byte", async () => {
    async function* zeros(size: number) {
      const chunk = new Uint8Array(1024 * 1024);
      for (let sent = 0; sent < size; sent += chunk.length)
        yield chunk.subarray(0, Math.min(chunk.length, size - sent));
    }
    const before = (await storedFiles()).attachments;
    expect(await upload("photo", "큰 사진.jpg", zeros(20 * 1024 * 1024 + 1)).catch(code)).toBe(
      "attachment.too_large",
    );
    expect(await upload("video", "a\u0000.mp4", mp4()).catch(code)).toBe("attachment.name_invalid");
    expect(await upload("program", "a.exe", exe()).catch(code)).toBe("attachment.kind_invalid");
    expect(await storedFiles()).toEqual({ attachments: before, inProgress: [] });
  });

  it("attaches no one else's upload, and none of another tenant", async () => {
    const managers = await upload("document", "보고서.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n"), {
      userId: users.manager,
    });
    const theirs = await upload("video", "other.mp4", mp4(), {
      tenantId: elsewhere.tenantId,
      userId: users.junior,
    });
    const log = (photoIds: string[], tenantId = city.tenantId) =>
      db.withTenant(tenantId, (tx) =>
        logActivity(tx, {
          tenantId,
          cohortId: city.cohortId,
          staffMemberId: people.junior,
          kind: "team_activity",
          happenedOn: "2025-05-14",
          minutes: 90,
          place: "",
          topic: "맛집 탐방",
          notes: "",
          participantIds: [],
          photoIds,
          today: calendarDate("2025-05-15"),
          actorUserId: users.junior,
        }),
      );
    expect(await log([managers.attachmentId]).catch(code)).toBe("attachment.not_found");
    expect(await log([theirs.attachmentId]).catch(code)).toBe("attachment.not_found");
  });
});

describe("a team logs an activity with photos", () => {
  it("keeps each photo with a thumbnail, which the coordinator sees without the activity's notes", async () => {
    const photos = [
      await upload("photo", "맛집 1.jpg", await jpeg()),
      await upload("photo", "맛집 2.jpg", await jpeg()),
    ];
    const video = await upload("video", "브이로그.mp4", mp4());
    const log = (photoIds: string[]) =>
      db.withTenant(city.tenantId, (tx) =>
        logActivity(tx, {
          tenantId: city.tenantId,
          cohortId: city.cohortId,
          staffMemberId: people.junior,
          kind: "team_activity",
          happenedOn: "2025-05-14",
          minutes: 90,
          place: "강릉 중앙시장",
          topic: "맛집 탐방",
          notes: "팀장님 이야기",
          participantIds: [],
          photoIds,
          today: calendarDate("2025-05-15"),
          actorUserId: users.junior,
        }),
      );
    expect(await log([video.attachmentId]).catch(code)).toBe("attachment.not_a_photo");
    await log(photos.map((photo) => photo.attachmentId));
    const gallery = await db.withTenant(city.tenantId, (tx) => listActivityPhotos(tx, city));
    const team = gallery.teams.find((each) => each.photos.length > 0);
    expect(team?.photos).toEqual(
      photos.map((photo) => ({ id: photo.attachmentId, happenedOn: "2025-05-14", hasThumbnail: true })),
    );
    expect(JSON.stringify(gallery)).not.toContain("팀장님 이야기");
    const opened = await open(photos[0]?.attachmentId as string, {
      userId: randomUUID(),
      staffMemberId: null,
      mayReview: true,
    });
    const thumbnail = await storage.get(opened.thumbnailKey as string);
    expect((await sharp(thumbnail as Buffer).metadata()).width).toBe(480);
  });
});

describe("a revision", () => {
  it("adds and takes off files until accepted, and says which stored files to delete", async () => {
    const first = await upload("document", "계획서.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n"), {
      userId: users.other,
    });
    const { submissionId } = await submit(people.other, users.other, { fileIds: [first.attachmentId] });
    const second = await upload("photo", "사진.jpg", await jpeg(), { userId: users.other });
    const revised = await submit(people.other, users.other, {
      fileIds: [second.attachmentId],
      removeFileIds: [first.attachmentId],
    });
    expect(revised.removedKeys).toEqual([`${city.tenantId}/attachments/${first.attachmentId}`]);
    const files = await db.withTenant(city.tenantId, (tx) =>
      listAttachments(tx, { tenantId: city.tenantId, submissionIds: [submissionId] }),
    );
    expect(files.get(submissionId)?.map((file) => file.name)).toEqual(["사진.jpg"]);
    expect(
      await submit(people.other, users.other, { removeFileIds: [second.attachmentId] }).catch(code),
    ).toBe("submission.empty");
  });
});

describe("uploads never attached", () => {
  it("are removed a day later with their files, while attached ones stay", async () => {
    const waiting = await upload("photo", "고른 사진.jpg", await jpeg(), { userId: users.manager });
    const sweep = (olderThan: Date) =>
      db.withTenant(city.tenantId, (tx) =>
        removeAbandonedUploads(tx, { tenantId: city.tenantId, storage, olderThan }),
      );
    expect(await sweep(new Date(Date.now() - 86_400_000))).toBe(0);
    const attachedBefore = (await storedFiles()).attachments.length;
    expect(await sweep(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
    const left = await storedFiles();
    expect(left.attachments).not.toContain(waiting.attachmentId);
    expect(left.attachments).not.toContain(`${waiting.attachmentId}.thumbnail.jpg`);
    expect(left.attachments.length).toBeLessThan(attachedBefore);
    const opened = await db.withTenant(city.tenantId, (tx) =>
      tx.attachment.count({ where: { tenantId: city.tenantId, submissionId: null, activityId: null } }),
    );
    expect(opened).toBe(0);
    const attached = await db.withTenant(city.tenantId, (tx) =>
      tx.attachment.count({ where: { tenantId: city.tenantId } }),
    );
    expect(attached).toBeGreaterThan(0);
  });
});
