// Teams' files over HTTP, through the route modules as Remix calls them: a resumable upload (tus) created
// with its length and kind, its bytes sent in two parts, the finished file kept as the member's; the file
// served by byte ranges (206, Content-Range, Accept-Ranges) with its type and name; refusals before a byte
// is stored (a 3 GB video, no CSRF header); a member of another team, and another tenant, get 404.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { reviewSubmission, saveCalendarItem, submitAssignment } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as fileLoader } from "../app/routes/$tenant.files.$fileId";
import { action as createUpload } from "../app/routes/$tenant.uploads";
import { action as uploadAction, loader as uploadLoader } from "../app/routes/$tenant.uploads.$uploadId";
import type { Services } from "../app/services/services.server";
import { servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
let storageDir: string;
const city = { tenantId: "", slug: "gangneung", cohortId: "", itemId: "", coordinatorUserId: "" };
const people = {
  junior: { userId: "", staffMemberId: "" },
  other: { userId: "", staffMemberId: "" },
  outsider: { userId: "" },
};
type Browser = { cookie: string; csrf: string };
const browsers: Record<"junior" | "other" | "outsider", Browser> = {} as never;

/** An MP4's first bytes (its ftyp box) and more: a video by its content. */
const video = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from("ftypmp42"),
  Buffer.alloc(4),
  Buffer.from("mp42isom"),
  Buffer.alloc(100_000, 5),
]);

const context = () => ({ services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" });

/** The route's answer, returned or thrown, as Remix would send it. */
async function answer(run: () => Promise<unknown>): Promise<Response> {
  try {
    const value = await run();
    if (value instanceof Response) return value;
    throw new Error(`expected a Response, got ${JSON.stringify(value)}`);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function tus(
  route: (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<unknown>,
  who: Browser,
  init: { method: string; path: string; headers?: Record<string, string>; body?: Uint8Array },
  params: Record<string, string>,
) {
  const request = new Request(`http://127.0.0.1${init.path}`, {
    method: init.method,
    headers: {
      cookie: who.cookie,
      "x-csrf-token": who.csrf,
      "tus-resumable": "1.0.0",
      ...init.headers,
    },
    body: init.body ? new Uint8Array(init.body) : undefined,
  });
  return answer(() => route({ request, params, context: context() } as ActionFunctionArgs));
}

const metadata = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");

/** Uploads `bytes` in two PATCHes as `who`; returns the upload's id and the last answer. */
async function upload(who: Browser, bytes: Buffer, fields: Record<string, string>) {
  const created = await tus(
    createUpload,
    who,
    {
      method: "POST",
      path: `/${city.slug}/uploads`,
      headers: { "upload-length": String(bytes.length), "upload-metadata": metadata(fields) },
    },
    { tenant: city.slug },
  );
  if (created.status !== 201) return { created, id: "", finished: created };
  const location = created.headers.get("location") as string;
  const id = location.split("/").pop() as string;
  const half = Math.floor(bytes.length / 2);
  let finished = created;
  for (const [offset, part] of [
    [0, bytes.subarray(0, half)],
    [half, bytes.subarray(half)],
  ] as const) {
    finished = await tus(
      uploadAction,
      who,
      {
        method: "PATCH",
        path: location,
        headers: { "upload-offset": String(offset), "content-type": "application/offset+octet-stream" },
        body: part,
      },
      { tenant: city.slug, uploadId: id },
    );
  }
  return { created, id, finished };
}

const fetchFile = (who: Browser, id: string, headers: Record<string, string> = {}, slug = city.slug) =>
  answer(() =>
    fileLoader({
      request: new Request(`http://127.0.0.1/${slug}/files/${id}`, {
        headers: { cookie: who.cookie, ...headers },
      }),
      params: { tenant: slug, fileId: id },
      context: context(),
    } as LoaderFunctionArgs),
  );

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  storageDir = await mkdtemp(path.join(os.tmpdir(), "uploads-web-"));
  services = servicesWithoutRedis(db, { STORAGE_DIR: storageDir });
  await seedPrograms(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } });
    city.cohortId = cohort.id;
    const juniors = await tx.application.findMany({
      where: { tenantId, cohortId: cohort.id, status: "accepted", role: "mentor" },
      take: 2,
      orderBy: { id: "asc" },
    });
    const run = await tx.matchingRun.create({
      data: {
        tenantId,
        cohortId: cohort.id,
        number: 1,
        status: "succeeded",
        problem: {},
        publishedAt: new Date(),
      },
    });
    for (const [index, application] of juniors.entries()) {
      const team = await tx.team.create({
        data: { tenantId, cohortId: cohort.id, runId: run.id, number: index + 1, score: 1, breakdown: {} },
      });
      await tx.teamMember.create({
        data: {
          tenantId,
          cohortId: cohort.id,
          teamId: team.id,
          applicationId: application.id,
          role: "mentor",
        },
      });
      const member = await tx.membership.findFirstOrThrow({
        where: { tenantId, staffMemberId: application.staffMemberId },
      });
      people[index === 0 ? "junior" : "other"] = {
        userId: member.userId,
        staffMemberId: application.staffMemberId,
      };
    }
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "coordinator" } },
    });
    city.coordinatorUserId = coordinator.userId;
    city.itemId = (
      await saveCalendarItem(tx, {
        tenantId,
        cohortId: cohort.id,
        itemId: null,
        actorUserId: coordinator.userId,
        item: {
          kind: "assignment",
          title: "팀 소개 영상",
          description: "",
          place: "",
          audience: "all",
          teamId: null,
          attendance: false,
          dueAt: new Date(Date.now() + 7 * 86_400_000),
        },
      })
    ).itemId;
  });
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  people.outsider.userId = (
    await db.withTenant(yongin, (tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "coordinator" } } }),
    )
  ).userId;
  browsers.junior = await signedInBrowser(services, people.junior.userId);
  browsers.other = await signedInBrowser(services, people.other.userId);
  browsers.outsider = await signedInBrowser(services, people.outsider.userId);
}, 120_000);

afterAll(async () => {
  await database?.drop();
  await rm(storageDir, { recursive: true, force: true });
});

describe("a resumable upload", () => {
  let fileId = "";

  it("takes a video in two parts and keeps it as the member's, ready to attach", async () => {
    const { created, id, finished } = await upload(browsers.junior, video, {
      filename: "팀 영상.mp4",
      kind: "video",
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/${city.slug}/uploads/${id}`);
    expect(finished.status).toBe(204);
    fileId = id;
    await db.withTenant(city.tenantId, (tx) =>
      submitAssignment(tx, {
        tenantId: city.tenantId,
        staffMemberId: people.junior.staffMemberId,
        itemId: city.itemId,
        text: "",
        links: [],
        fileIds: [fileId],
        actorUserId: people.junior.userId,
        now: new Date(),
      }),
    );
    expect(await readdir(path.join(storageDir, "uploads-in-progress"))).toEqual([]);
  });

  it("serves the file whole, and a range of it with 206 and Content-Range", async () => {
    const whole = await fetchFile(browsers.junior, fileId);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-length")).toBe(String(video.length));
    expect(whole.headers.get("content-disposition")).toBe(
      `inline; filename="_ __.mp4"; filename*=UTF-8''${encodeURIComponent("팀 영상.mp4")}`,
    );
    expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);

    const part = await fetchFile(browsers.junior, fileId, { range: "bytes=4-11" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 4-11/${video.length}`);
    expect(part.headers.get("content-length")).toBe("8");
    expect(await part.text()).toBe("ftypmp42");

    const tail = await fetchFile(browsers.junior, fileId, { range: "bytes=-5" });
    expect(tail.headers.get("content-range")).toBe(
      `bytes ${video.length - 5}-${video.length - 1}/${video.length}`,
    );

    const past = await fetchFile(browsers.junior, fileId, { range: `bytes=${video.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${video.length}`);
  });

  it("is not found for a member of another team, nor from another tenant", async () => {
    expect((await fetchFile(browsers.other, fileId)).status).toBe(404);
    expect((await fetchFile(browsers.outsider, fileId)).status).toBe(404);
    expect((await fetchFile(browsers.outsider, fileId, {}, "yongin")).status).toBe(404);
  });

  it("is served to every staff member of the showcase once the work is featured", async () => {
    const submission = await db.withTenant(city.tenantId, (tx) =>
      tx.attachment.findUniqueOrThrow({ where: { id: fileId }, select: { submissionId: true } }),
    );
    for (const decision of ["accept", "feature"] as const)
      await db.withTenant(city.tenantId, (tx) =>
        reviewSubmission(tx, {
          tenantId: city.tenantId,
          cohortId: city.cohortId,
          submissionId: submission.submissionId as string,
          decision,
          comment: "",
          actorUserId: city.coordinatorUserId,
          now: new Date(),
        }),
      );
    expect((await fetchFile(browsers.other, fileId, { range: "bytes=0-3" })).status).toBe(206);
    expect((await fetchFile(browsers.outsider, fileId, {}, "yongin")).status).toBe(404);
  });
});

describe("what an upload refuses before a byte is stored", () => {
  it("refuses a 3 GB video at creation with the limit in the reader's language", async () => {
    const refused = await tus(
      createUpload,
      browsers.junior,
      {
        method: "POST",
        path: `/${city.slug}/uploads`,
        headers: {
          "upload-length": String(3 * 1024 ** 3),
          "upload-metadata": metadata({ filename: "긴 영상.mp4", kind: "video" }),
        },
      },
      { tenant: city.slug },
    );
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ message: expect.stringContaining("2 GB") });
  });

  it("refuses a photo over 20 MB, a name with a NUL byte, and a post without the CSRF header", async () => {
    const big = await tus(
      createUpload,
      browsers.junior,
      {
        method: "POST",
        path: `/${city.slug}/uploads`,
        headers: {
          "upload-length": String(20 * 1024 * 1024 + 1),
          "upload-metadata": metadata({ filename: "사진.jpg", kind: "photo" }),
        },
      },
      { tenant: city.slug },
    );
    expect(big.status).toBe(413);
    expect((await big.json()).message).toContain("20 MB");
    const named = await upload(browsers.junior, video, { filename: "a\u0000.mp4", kind: "video" });
    expect(named.created.status).toBe(400);
    expect((await named.created.json()).error).toBe("attachment.name_invalid");
    const forged = await tus(
      createUpload,
      { ...browsers.junior, csrf: "not-the-token" },
      {
        method: "POST",
        path: `/${city.slug}/uploads`,
        headers: { "upload-length": "10", "upload-metadata": metadata({ filename: "a.mp4", kind: "video" }) },
      },
      { tenant: city.slug },
    );
    expect(forged.status).toBe(403);
  });

  it("refuses an .exe renamed .mp4 when it finishes, and keeps nothing of it", async () => {
    const program = Buffer.alloc(4096);
    program.write("MZ", 0);
    program.writeUInt32LE(0x80, 0x3c);
    program.write("PE\0\0", 0x80, "binary");
    const { finished } = await upload(browsers.junior, program, { filename: "영상.mp4", kind: "video" });
    expect(finished.status).toBe(415);
    expect((await finished.json()).error).toBe("attachment.type_refused");
    expect(await readdir(path.join(storageDir, "uploads-in-progress"))).toEqual([]);
  });

  it("refuses a program announced as a video at its first part, before a byte of it is kept", async () => {
    const program = Buffer.alloc(1024 * 1024);
    program.write("MZ", 0);
    program.writeUInt32LE(0x80, 0x3c);
    program.write("PE\0\0", 0x80, "binary");
    const created = await tus(
      createUpload,
      browsers.junior,
      {
        method: "POST",
        path: `/${city.slug}/uploads`,
        headers: {
          "upload-length": String(program.length),
          "upload-metadata": metadata({ filename: "발표.mp4", kind: "video" }),
        },
      },
      { tenant: city.slug },
    );
    const location = created.headers.get("location") as string;
    const id = location.split("/").pop() as string;
    const first = await tus(
      uploadAction,
      browsers.junior,
      {
        method: "PATCH",
        path: location,
        headers: { "upload-offset": "0", "content-type": "application/offset+octet-stream" },
        body: program.subarray(0, 64 * 1024),
      },
      { tenant: city.slug, uploadId: id },
    );
    expect(first.status).toBe(415);
    expect((await first.json()).message).toContain("실행 파일");
    expect(await readdir(path.join(storageDir, "uploads-in-progress"))).toEqual([]);
    const head = await tus(
      uploadLoader,
      browsers.junior,
      { method: "HEAD", path: location },
      { tenant: city.slug, uploadId: id },
    );
    expect(head.status).toBe(404);
  });

  it("lets no one else resume a member's upload", async () => {
    const created = await tus(
      createUpload,
      browsers.junior,
      {
        method: "POST",
        path: `/${city.slug}/uploads`,
        headers: {
          "upload-length": "100",
          "upload-metadata": metadata({ filename: "a.mp4", kind: "video" }),
        },
      },
      { tenant: city.slug },
    );
    const id = (created.headers.get("location") as string).split("/").pop() as string;
    const head = (who: Browser) =>
      tus(
        uploadLoader,
        who,
        { method: "HEAD", path: `/${city.slug}/uploads/${id}` },
        { tenant: city.slug, uploadId: id },
      );
    expect((await head(browsers.junior)).headers.get("upload-offset")).toBe("0");
    expect((await head(browsers.other)).status).toBe(404);
  });
});
