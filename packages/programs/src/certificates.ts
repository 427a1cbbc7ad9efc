import {
  type CertificateContentInput,
  certificateContentSchema,
  certificateStatus,
  generateCertificates,
  generateSigningKey,
  LocalFileStorage,
  newSerial,
  openSigningKey,
  parseSerial,
  signCertificate,
} from "@mentoring/certificates";
import { config } from "@mentoring/config";
import { type Database, type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import { type ApplicationRole, calendarDateIn } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import {
  ceremonyFields,
  designOf,
  draftContentSchema,
  json,
  namesAt,
  REVOCATION_REASON_MAX,
  safeFileName,
  teamsOfCohort,
  textAt,
} from "./certificate-records";
import { loadCohort } from "./records/cohort-record";
import { ProgramError } from "./errors";

/*
 * The contract between the ceremony/certificate service (written by the backend helper) and the web pages
 * (written by the web helper). Signatures and types are agreed. Certificates are per published team (a
 * mentor with their mentees, or 3 mentors with a mentee). Rules for fields and designs: certificate-records.ts.
 */

export interface CeremonyView {
  startsAt: Date;
  place: string;
  programme: string;
  gift: string;
  attendance: {
    applicationId: string;
    name: string;
    role: ApplicationRole;
    teamNumber: number | null;
    present: boolean | null;
  }[];
}

export type CertificateBatchStatus = "draft" | "generating" | "ready" | "failed";

export interface CertificateRow {
  id: string;
  serial: string;
  teamNumber: number;
  mentors: string[];
  mentees: string[];
  /** The date printed on it, "YYYY-MM-DD". */
  date: string;
  signed: boolean;
  fileReady: boolean;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export interface CertificateBatchView {
  id: string;
  cohortId: string;
  cohortTitle: string;
  status: CertificateBatchStatus;
  progress: number;
  signerName: string;
  signerTitle: string;
  signedAt: Date | null;
  signedByName: string | null;
  archiveReady: boolean;
  error: string | null;
  certificates: CertificateRow[];
}

/** What the public check shows: only what the certificate itself states, and its status. */
export type Verification =
  | { status: "not_found" }
  | {
      status: "valid" | "invalid" | "revoked";
      serial: string;
      issuer: string;
      program: string;
      cohort: string;
      mentors: string[];
      mentees: string[];
      date: string;
      signer: { name: string; title: string };
      revokedAt: Date | null;
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const certificateRowSelect = {
  id: true,
  serial: true,
  content: true,
  signature: true,
  fileKey: true,
  revokedAt: true,
  revokedReason: true,
  team: { select: { number: true } },
} satisfies Prisma.CertificateSelect;

type CertificateRecord = Prisma.CertificateGetPayload<{ select: typeof certificateRowSelect }>;

function rowOf(certificate: CertificateRecord): CertificateRow {
  return {
    id: certificate.id,
    serial: certificate.serial,
    teamNumber: certificate.team.number,
    mentors: namesAt(certificate.content, "mentors"),
    mentees: namesAt(certificate.content, "mentees"),
    date: textAt(certificate.content, "date"),
    signed: certificate.signature !== null,
    fileReady: certificate.fileKey !== null,
    revokedAt: certificate.revokedAt,
    revokedReason: certificate.revokedReason,
  };
}

const batchSelect = {
  id: true,
  cohortId: true,
  status: true,
  progress: true,
  signerName: true,
  signerTitle: true,
  signedAt: true,
  signedByUserId: true,
  archiveKey: true,
  error: true,
  createdAt: true,
  cohort: { select: { title: true } },
  certificates: { select: certificateRowSelect },
} satisfies Prisma.CertificateBatchSelect;

type BatchRecord = Prisma.CertificateBatchGetPayload<{ select: typeof batchSelect }>;

async function batchViews(
  tx: TenantDb,
  tenantId: string,
  batches: BatchRecord[],
): Promise<CertificateBatchView[]> {
  const signerIds = [
    ...new Set(batches.flatMap((batch) => (batch.signedByUserId ? [batch.signedByUserId] : []))),
  ];
  const users =
    signerIds.length === 0
      ? []
      : await tx.membership.findMany({
          where: { tenantId, userId: { in: signerIds } },
          select: { userId: true, user: { select: { displayName: true } } },
        });
  const nameOf = new Map(users.map((member) => [member.userId, member.user.displayName]));
  return batches.map((batch) => ({
    id: batch.id,
    cohortId: batch.cohortId,
    cohortTitle: batch.cohort.title,
    status: batch.status,
    progress: batch.progress,
    signerName: batch.signerName,
    signerTitle: batch.signerTitle,
    signedAt: batch.signedAt,
    signedByName: batch.signedByUserId ? (nameOf.get(batch.signedByUserId) ?? null) : null,
    archiveReady: batch.status === "ready" && batch.archiveKey !== null,
    error: batch.error,
    certificates: batch.certificates
      .map(rowOf)
      .sort((a, b) => a.teamNumber - b.teamNumber || (a.serial < b.serial ? -1 : 1)),
  }));
}

async function requireCohort(tx: TenantDb, tenantId: string, cohortId: string) {
  if (!UUID.test(cohortId)) throw new ProgramError("programs.error.cohortNotFound", {}, 404);
  const cohort = await tx.cohort.findFirst({
    where: { tenantId, id: cohortId },
    select: { id: true, title: true },
  });
  if (!cohort) throw new ProgramError("programs.error.cohortNotFound", {}, 404);
  return cohort;
}

async function tenantOf(tx: TenantDb, tenantId: string) {
  return tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { id: true, name: true, timeZone: true },
  });
}

/**
 * Who may be marked at the ceremony: the members of the published teams, or, before teams are
 * published, every accepted applicant.
 */
async function attendees(tx: TenantDb, tenantId: string, cohortId: string) {
  const teams = await teamsOfCohort(tx, tenantId, cohortId);
  if (teams.length > 0)
    return teams.flatMap((team) => [
      ...team.mentors.map((person) => ({
        ...person,
        role: "mentor" as const,
        teamNumber: team.number as number | null,
      })),
      ...team.mentees.map((person) => ({
        ...person,
        role: "mentee" as const,
        teamNumber: team.number as number | null,
      })),
    ]);
  const accepted = await tx.application.findMany({
    where: { tenantId, cohortId, status: "accepted" },
    select: { id: true, role: true, staffMemberId: true, staffMember: { select: { name: true } } },
  });
  return accepted
    .map((application) => ({
      applicationId: application.id,
      staffMemberId: application.staffMemberId,
      name: application.staffMember.name,
      role: application.role,
      teamNumber: null as number | null,
    }))
    .sort(
      (a, b) =>
        (a.role === b.role ? 0 : a.role === "mentor" ? -1 : 1) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.applicationId < b.applicationId ? -1 : 1),
    );
}

/** The cohort's ceremony, or null when none is set. */
export async function getCeremony(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<CeremonyView | null> {
  const { tenantId, cohortId } = input;
  await requireCohort(tx, tenantId, cohortId);
  const ceremony = await tx.ceremony.findFirst({
    where: { tenantId, cohortId },
    select: {
      startsAt: true,
      place: true,
      programme: true,
      gift: true,
      attendance: { where: { tenantId }, select: { applicationId: true, present: true } },
    },
  });
  if (!ceremony) return null;
  const present = new Map(ceremony.attendance.map((row) => [row.applicationId, row.present]));
  const people = await attendees(tx, tenantId, cohortId);
  return {
    startsAt: ceremony.startsAt,
    place: ceremony.place,
    programme: ceremony.programme,
    gift: ceremony.gift,
    attendance: people.map((person) => ({
      applicationId: person.applicationId,
      name: person.name,
      role: person.role,
      teamNumber: person.teamNumber,
      present: present.get(person.applicationId) ?? null,
    })),
  };
}

/** Creates or changes the ceremony (when, where, programme, gift). Audited. */
export async function saveCeremony(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    startsAt: Date;
    place: string;
    programme: string;
    gift: string;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, cohortId, actorUserId, requestId } = input;
  const fields = ceremonyFields(input);
  await requireCohort(tx, tenantId, cohortId);
  const before = await tx.ceremony.findFirst({
    where: { tenantId, cohortId },
    select: { id: true, startsAt: true, place: true, programme: true, gift: true },
  });
  const saved = before
    ? await tx.ceremony.update({ where: { id: before.id }, data: fields, select: { id: true } })
    : await tx.ceremony.create({ data: { tenantId, cohortId, ...fields }, select: { id: true } });
  const { id: _id, ...previous } = before ?? { id: null };
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: before ? "ceremony.update" : "ceremony.create",
    entityType: "ceremony",
    entityId: saved.id,
    ...(before && { before: json({ ...previous, startsAt: before.startsAt.toISOString() }) }),
    after: json({ cohortId, ...fields, startsAt: fields.startsAt.toISOString() }),
    requestId,
  });
}

/** Marks a participant present or absent at the ceremony. */
export async function recordAttendance(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    applicationId: string;
    present: boolean;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, cohortId, applicationId, present, actorUserId } = input;
  await requireCohort(tx, tenantId, cohortId);
  const ceremony = await tx.ceremony.findFirst({ where: { tenantId, cohortId }, select: { id: true } });
  if (!ceremony) throw new ProgramError("certificates.error.noCeremony", {}, 409);
  const people = await attendees(tx, tenantId, cohortId);
  const person = people.find((candidate) => candidate.applicationId === applicationId);
  if (!person) throw new ProgramError("certificates.error.notAttendee", {}, 404);
  const before = await tx.ceremonyAttendance.findFirst({
    where: { tenantId, ceremonyId: ceremony.id, applicationId },
    select: { present: true },
  });
  const row = await tx.ceremonyAttendance.upsert({
    where: { tenantId_ceremonyId_applicationId: { tenantId, ceremonyId: ceremony.id, applicationId } },
    create: { tenantId, ceremonyId: ceremony.id, applicationId, present },
    update: { present, recordedAt: new Date() },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "ceremony.attendance",
    entityType: "ceremony_attendance",
    entityId: row.id,
    ...(before && { before: { present: before.present } }),
    after: { cohortId, applicationId, name: person.name, present },
    requestId: input.requestId,
  });
}

/**
 * Prepares (or refreshes, while unsigned) the cohort's draft batch: one certificate per published team,
 * with its serial, content (tenant, program, cohort, names, date: the ceremony's day or today) and the
 * signer (the tenant's first certificate signer). Refused before teams are published. Audited.
 */
export async function prepareCertificateBatch(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; actorUserId: string; requestId?: string; today: string },
): Promise<{ batchId: string }> {
  const { tenantId, cohortId, actorUserId, requestId } = input;
  await requireCohort(tx, tenantId, cohortId);
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const teams = await teamsOfCohort(tx, tenantId, cohortId);
  if (teams.length === 0) throw new ProgramError("certificates.error.noTeams", {}, 409);
  const signer = await tx.certificateSigner.findFirst({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { name: true, title: true },
  });
  if (!signer) throw new ProgramError("certificates.error.noSigner", {}, 409);
  const tenant = await tenantOf(tx, tenantId);
  const ceremony = await tx.ceremony.findFirst({ where: { tenantId, cohortId }, select: { startsAt: true } });
  const date = ceremony ? calendarDateIn(ceremony.startsAt, tenant.timeZone) : input.today;

  const drafts = teams.map((team) => {
    const parsed = draftContentSchema.safeParse({
      serial: newSerial(),
      tenant: { id: tenant.id, name: tenant.name },
      program: record.definition.name,
      cohort: record.cohort.title,
      mentors: team.mentors.map((person) => person.name),
      mentees: team.mentees.map((person) => person.name),
      date,
      signer: { name: signer.name, title: signer.title },
    });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join(".") ?? "";
      throw new ProgramError("certificates.error.contentInvalid", { team: team.number, field });
    }
    return { team, content: parsed.data };
  });

  const existing = await tx.certificateBatch.findFirst({
    where: { tenantId, cohortId, status: "draft" },
    orderBy: { createdAt: "desc" },
    select: { id: true, certificates: { select: { serial: true } } },
  });
  let batchId: string;
  if (existing) {
    batchId = existing.id;
    const serials = existing.certificates.map((certificate) => certificate.serial);
    await tx.certificate.deleteMany({ where: { tenantId, batchId } });
    if (serials.length > 0)
      await tx.certificateSerial.deleteMany({ where: { tenantId, serial: { in: serials } } });
    await tx.certificateBatch.update({
      where: { id: batchId },
      data: { signerName: signer.name, signerTitle: signer.title, progress: 0, error: null },
    });
  } else {
    const batch = await tx.certificateBatch.create({
      data: {
        tenantId,
        cohortId,
        status: "draft",
        signerName: signer.name,
        signerTitle: signer.title,
        createdByUserId: actorUserId,
      },
      select: { id: true },
    });
    batchId = batch.id;
  }
  await tx.certificateSerial.createMany({
    data: drafts.map(({ content }) => ({ serial: content.serial, tenantId })),
  });
  await tx.certificate.createMany({
    data: drafts.map(({ team, content }) => ({
      tenantId,
      cohortId,
      batchId,
      teamId: team.id,
      serial: content.serial,
      content: json(content),
    })),
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: existing ? "certificate_batch.refresh" : "certificate_batch.prepare",
    entityType: "certificate_batch",
    entityId: batchId,
    ...(existing && { before: { certificates: existing.certificates.length } }),
    after: {
      cohortId,
      certificates: drafts.length,
      date,
      signer: { name: signer.name, title: signer.title },
    },
    requestId,
  });
  return { batchId };
}

/** The cohort's batches, newest first. */
export async function listCertificateBatches(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<CertificateBatchView[]> {
  const { tenantId, cohortId } = input;
  await requireCohort(tx, tenantId, cohortId);
  const batches = await tx.certificateBatch.findMany({
    where: { tenantId, cohortId },
    orderBy: { createdAt: "desc" },
    select: batchSelect,
  });
  return batchViews(tx, tenantId, batches);
}

/** One batch; 404 ProgramError when not the tenant's (or not the cohort's, when cohortId is given). */
export async function getCertificateBatch(
  tx: TenantDb,
  input: { tenantId: string; batchId: string; cohortId?: string },
): Promise<CertificateBatchView> {
  const { tenantId, batchId, cohortId } = input;
  if (!UUID.test(batchId) || (cohortId !== undefined && !UUID.test(cohortId)))
    throw new ProgramError("certificates.error.batchNotFound", {}, 404);
  const batch = await tx.certificateBatch.findFirst({
    where: { tenantId, id: batchId, ...(cohortId !== undefined && { cohortId }) },
    select: batchSelect,
  });
  if (!batch) throw new ProgramError("certificates.error.batchNotFound", {}, 404);
  const [view] = await batchViews(tx, tenantId, [batch]);
  return view as CertificateBatchView;
}

/** For the executive: batches waiting for a signature, then signed ones, newest first. */
export async function batchesForSigning(
  tx: TenantDb,
  input: { tenantId: string },
): Promise<CertificateBatchView[]> {
  const { tenantId } = input;
  const batches = await tx.certificateBatch.findMany({
    where: { tenantId, certificates: { some: { tenantId } } },
    orderBy: { createdAt: "desc" },
    select: batchSelect,
  });
  const waiting = batches.filter((batch) => batch.status === "draft");
  const signed = batches
    .filter((batch) => batch.status !== "draft")
    .sort((a, b) => (b.signedAt?.getTime() ?? 0) - (a.signedAt?.getTime() ?? 0));
  return batchViews(tx, tenantId, [...waiting, ...signed]);
}

/** The tenant's current signing key, made (and sealed with `encryptionKey`) on first use. */
async function currentSigningKey(tx: TenantDb, tenantId: string, encryptionKey: string) {
  const stored = await tx.signingKey.findFirst({
    where: { tenantId, retiredAt: null },
    orderBy: { createdAt: "desc" },
    select: { keyId: true, publicKey: true, sealedPrivateKey: true },
  });
  if (stored) return stored;
  const key = generateSigningKey(tenantId, encryptionKey);
  await tx.signingKey.create({ data: { tenantId, ...key } });
  return key;
}

/**
 * The executive signs the draft batch: every certificate's canonical content is signed with the tenant's
 * Ed25519 key (made on first use, sealed with `encryptionKey`), and "certificates.generate" is enqueued.
 * Audited.
 */
export async function signCertificateBatch(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    batchId: string;
    actorUserId: string;
    requestId?: string;
    encryptionKey: string;
    now: Date;
  },
): Promise<void> {
  const { tenantId, cohortId, batchId, actorUserId, requestId, now } = input;
  if (!UUID.test(batchId)) throw new ProgramError("certificates.error.batchNotFound", {}, 404);
  await requireCohort(tx, tenantId, cohortId);
  // The cohort first, as preparing does, so a refresh and a signature of one batch take turns.
  await loadCohort(tx, tenantId, cohortId, { lock: true });
  await tx.$queryRaw`select 1 from certificate_batches where tenant_id = ${tenantId}::uuid and id = ${batchId}::uuid for update`;
  const batch = await tx.certificateBatch.findFirst({
    where: { tenantId, id: batchId, cohortId },
    select: { id: true, status: true, certificates: { select: { id: true, content: true } } },
  });
  if (!batch) throw new ProgramError("certificates.error.batchNotFound", {}, 404);
  if (batch.status !== "draft") throw new ProgramError("certificates.error.alreadySigned", {}, 409);
  if (batch.certificates.length === 0) throw new ProgramError("certificates.error.noTeams", {}, 409);
  const key = await currentSigningKey(tx, tenantId, input.encryptionKey);
  const privateKey = openSigningKey(key, tenantId, input.encryptionKey);
  for (const certificate of batch.certificates) {
    const draft = certificate.content as Record<string, unknown>;
    const content = certificateContentSchema.parse({ ...draft, issuedAt: now });
    await tx.certificate.update({
      where: { id: certificate.id },
      data: {
        content: json(content),
        signature: signCertificate(content, privateKey),
        keyId: key.keyId,
        issuedAt: now,
      },
    });
  }
  await tx.certificateBatch.update({
    where: { id: batch.id },
    data: { status: "generating", signedByUserId: actorUserId, signedAt: now, progress: 0, error: null },
  });
  await enqueue(tx, "certificates.generate", { tenantId, batchId });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "certificate_batch.sign",
    entityType: "certificate_batch",
    entityId: batch.id,
    before: { status: "draft" },
    after: { cohortId, status: "generating", certificates: batch.certificates.length, keyId: key.keyId },
    requestId,
  });
}

/** The batch asked for is not the tenant's (or was never made): the job cannot succeed by retrying. */
export class CertificateBatchNotFoundError extends Error {
  constructor(readonly batchId: string) {
    super(`certificate batch ${batchId} not found`);
    this.name = "CertificateBatchNotFoundError";
  }
}

/** How often, at most, progress is written to the batch row. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * The worker's part: renders and stores every PDF and the ZIP, reporting progress. Idempotent: files whose
 * stored hash matches are not rendered again, so a rerun after a fix renders only what changed. An unsigned
 * batch is left alone. On failure the batch is marked failed with the reason and the error rethrown; a
 * shutdown (signal) leaves it generating for the retry.
 */
export async function generateCertificateBatch(
  db: Database,
  input: {
    tenantId: string;
    batchId: string;
    storageDir: string;
    appUrl: string;
    /** DATA_ENCRYPTION_KEY; defaults to the configured one. */
    encryptionKey?: string;
  },
  options: { onProgress?: (percent: number) => void | Promise<void>; signal?: AbortSignal } = {},
): Promise<void> {
  const { tenantId, batchId, storageDir, appUrl } = input;
  if (!UUID.test(batchId)) throw new CertificateBatchNotFoundError(batchId);
  const loaded = await db.withTenant(tenantId, async (tx) => {
    const batch = await tx.certificateBatch.findFirst({
      where: { tenantId, id: batchId },
      select: {
        id: true,
        cohortId: true,
        status: true,
        signerName: true,
        signerTitle: true,
        certificates: {
          where: { tenantId },
          orderBy: { serial: "asc" },
          select: { id: true, serial: true, content: true, signature: true, keyId: true, contentHash: true },
        },
      },
    });
    if (!batch) return null;
    if (batch.status === "draft") return { batch, record: null, key: null, images: null };
    const record = await loadCohort(tx, tenantId, batch.cohortId);
    const keyIds = [...new Set(batch.certificates.map((certificate) => certificate.keyId))];
    const keyId = keyIds[0];
    if (keyIds.length !== 1 || typeof keyId !== "string")
      throw new Error(`certificate batch ${batchId} is not signed with one key`);
    const key = await tx.signingKey.findFirst({
      where: { tenantId, keyId },
      select: { keyId: true, publicKey: true, sealedPrivateKey: true },
    });
    if (!key) throw new Error(`signing key ${keyId} of tenant ${tenantId} is missing`);
    // tenants is a platform table, readable in the tenant's transaction: where its logo and seal are kept.
    const images = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { logoKey: true, sealKey: true },
    });
    if (batch.status !== "generating")
      await tx.certificateBatch.update({
        where: { id: batch.id },
        data: { status: "generating", error: null },
      });
    return { batch, record, key, images };
  });
  if (!loaded) throw new CertificateBatchNotFoundError(batchId);
  const { batch, record, key, images } = loaded;
  if (!record || !key || !images) return;

  let lastWritten = 0;
  let lastPercent = -1;
  let reporting: Promise<unknown> = Promise.resolve();
  const report = (percent: number, force = false) => {
    const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
    if (rounded === lastPercent && !force) return;
    const now = Date.now();
    if (!force && now - lastWritten < PROGRESS_INTERVAL_MS) return;
    lastWritten = now;
    lastPercent = rounded;
    reporting = reporting.then(async () => {
      await db.withTenant(tenantId, (tx) =>
        tx.certificateBatch.updateMany({ where: { tenantId, id: batchId }, data: { progress: rounded } }),
      );
      await options.onProgress?.(rounded);
    });
  };

  try {
    const encryptionKey = input.encryptionKey ?? config().DATA_ENCRYPTION_KEY;
    const privateKey = openSigningKey(key, tenantId, encryptionKey);
    const storage = new LocalFileStorage(storageDir);
    // The tenant's images are part of the design: a new seal changes its fingerprint, so every PDF is redone.
    const image = async (name: string, imageKey: string | null) => {
      if (!imageKey) return null;
      const bytes = await storage.get(imageKey);
      if (!bytes) throw new Error(`the tenant's ${name} (${imageKey}) is missing from storage`);
      return bytes;
    };
    const design = designOf(
      record.definition,
      { name: batch.signerName, title: batch.signerTitle },
      { logo: await image("logo", images.logoKey), seal: await image("seal", images.sealKey) },
    );
    const contents = batch.certificates.map((certificate) =>
      certificateContentSchema.parse(certificate.content),
    );
    report(0, true);
    const result = await generateCertificates(contents, {
      storage,
      design,
      baseUrl: appUrl,
      signingKey: { keyId: key.keyId, privateKey },
      folder: `tenants/${tenantId}/certificates/${batchId}`,
      signal: options.signal,
      onProgress: (progress) => {
        const share = progress.total === 0 ? 1 : progress.done / progress.total;
        report(progress.phase === "certificates" ? share * 90 : 90 + share * 9);
      },
    });
    await reporting;
    const stored = new Map(batch.certificates.map((certificate) => [certificate.serial, certificate]));
    for (const generated of result.certificates) {
      const certificate = stored.get(generated.serial);
      if (certificate?.signature !== generated.signature)
        throw new Error(`certificate ${generated.serial} does not carry the signature it was signed with`);
    }
    await db.withTenant(tenantId, async (tx) => {
      for (const generated of result.certificates) {
        const certificate = stored.get(generated.serial);
        if (!certificate || certificate.contentHash === generated.contentHash) continue;
        await tx.certificate.update({
          where: { id: certificate.id },
          data: { fileKey: generated.key, contentHash: generated.contentHash },
        });
      }
      await tx.certificateBatch.updateMany({
        where: { tenantId, id: batchId },
        data: { status: "ready", progress: 100, archiveKey: result.archive.key, error: null },
      });
    });
    report(100, true);
    await reporting;
  } catch (error) {
    await reporting.catch(() => undefined);
    if (options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await db.withTenant(tenantId, (tx) =>
      tx.certificateBatch.updateMany({
        where: { tenantId, id: batchId },
        data: { status: "failed", error: message.slice(0, 2000) },
      }),
    );
    throw error;
  }
}

/** Revokes one certificate with a reason (coordinator). Audited. */
export async function revokeCertificate(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    certificateId: string;
    reason: string;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, cohortId, certificateId, actorUserId, requestId } = input;
  const reason = (input.reason ?? "").trim();
  if (reason.length === 0) throw new ProgramError("certificates.error.reasonRequired");
  if (reason.length > REVOCATION_REASON_MAX)
    throw new ProgramError("certificates.error.reasonTooLong", { max: REVOCATION_REASON_MAX });
  if (!UUID.test(certificateId) || !UUID.test(cohortId))
    throw new ProgramError("certificates.error.certificateNotFound", {}, 404);
  const certificate = await tx.certificate.findFirst({
    where: { tenantId, cohortId, id: certificateId },
    select: { id: true, serial: true, signature: true, revokedAt: true },
  });
  if (!certificate) throw new ProgramError("certificates.error.certificateNotFound", {}, 404);
  if (certificate.signature === null) throw new ProgramError("certificates.error.notSigned", {}, 409);
  if (certificate.revokedAt !== null) throw new ProgramError("certificates.error.alreadyRevoked", {}, 409);
  const revokedAt = new Date();
  await tx.certificate.update({
    where: { id: certificate.id },
    data: { revokedAt, revokedReason: reason, revokedByUserId: actorUserId },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "certificate.revoke",
    entityType: "certificate",
    entityId: certificate.id,
    before: { revokedAt: null },
    after: { cohortId, serial: certificate.serial, revokedAt: revokedAt.toISOString(), reason },
    requestId,
  });
}

function fileNameOf(content: unknown, serial: string): string {
  const mentors = namesAt(content, "mentors").join(",");
  const mentees = namesAt(content, "mentees").join(",");
  return safeFileName(`${mentors}_${mentees}_${serial}.pdf`);
}

/**
 * The stored file of a certificate, for download: the coordinator may fetch any of the tenant's; a
 * participant (staffMemberId given) only their own team's, and not a revoked one. Null when not theirs or
 * not generated.
 */
export async function certificateDownload(
  tx: TenantDb,
  input: { tenantId: string; certificateId: string; staffMemberId: string | null },
): Promise<{ storageKey: string; fileName: string } | null> {
  const { tenantId, certificateId, staffMemberId } = input;
  if (!UUID.test(certificateId)) return null;
  const certificate = await tx.certificate.findFirst({
    where: {
      tenantId,
      id: certificateId,
      signature: { not: null },
      fileKey: { not: null },
      ...(staffMemberId !== null && {
        revokedAt: null,
        team: { members: { some: { tenantId, application: { tenantId, staffMemberId } } } },
      }),
    },
    select: { serial: true, content: true, fileKey: true },
  });
  if (!certificate?.fileKey) return null;
  return { storageKey: certificate.fileKey, fileName: fileNameOf(certificate.content, certificate.serial) };
}

/** The storage key and file name of a ready batch's ZIP (coordinator, executive). */
export async function certificateArchive(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; batchId: string },
): Promise<{ storageKey: string; fileName: string } | null> {
  const { tenantId, cohortId, batchId } = input;
  if (!UUID.test(batchId) || !UUID.test(cohortId)) return null;
  const batch = await tx.certificateBatch.findFirst({
    where: { tenantId, cohortId, id: batchId, status: "ready", archiveKey: { not: null } },
    select: { archiveKey: true, cohort: { select: { title: true } } },
  });
  if (!batch?.archiveKey) return null;
  return { storageKey: batch.archiveKey, fileName: safeFileName(`${batch.cohort.title} 결연증서.zip`) };
}

/** A participant's own certificates (ready and signed), across cohorts, revoked ones included as such. */
export async function myCertificates(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<(CertificateRow & { cohortTitle: string })[]> {
  const { tenantId, staffMemberId } = input;
  const certificates = await tx.certificate.findMany({
    where: {
      tenantId,
      signature: { not: null },
      fileKey: { not: null },
      batch: { tenantId, status: "ready" },
      team: { members: { some: { tenantId, application: { tenantId, staffMemberId } } } },
    },
    orderBy: { issuedAt: "desc" },
    select: { ...certificateRowSelect, batch: { select: { cohort: { select: { title: true } } } } },
  });
  return certificates.map((certificate) => ({
    ...rowOf(certificate),
    cohortTitle: certificate.batch.cohort.title,
  }));
}

/**
 * The public check of a serial (no session): finds the tenant through the platform's serial table, then
 * the certificate inside that tenant, and verifies its signature with the tenant's public key. Anything
 * that is not a signed certificate answers not_found; nothing but the certificate's own statements and
 * its status is returned.
 */
export async function verifySerial(db: Database, serial: string): Promise<Verification> {
  const notFound: Verification = { status: "not_found" };
  if (typeof serial !== "string" || serial.length > 100) return notFound;
  const parsed = parseSerial(serial);
  if (!parsed.ok) return notFound;
  const owner = await db.platform.certificateSerial.findUnique({
    where: { serial: parsed.serial },
    select: { tenantId: true },
  });
  if (!owner) return notFound;
  const tenantId = owner.tenantId;
  const found = await db.withTenant(tenantId, async (tx) => {
    const certificate = await tx.certificate.findFirst({
      where: { tenantId, serial: parsed.serial, signature: { not: null } },
      select: { serial: true, content: true, signature: true, keyId: true, revokedAt: true },
    });
    if (!certificate?.signature || !certificate.keyId) return null;
    const key = await tx.signingKey.findFirst({
      where: { tenantId, keyId: certificate.keyId },
      select: { publicKey: true },
    });
    return { ...certificate, signature: certificate.signature, publicKey: key?.publicKey ?? "" };
  });
  if (!found) return notFound;
  const { content } = found;
  const genuine = textAt(content, "serial") === found.serial && textAt(content, "tenant", "id") === tenantId;
  const status = genuine
    ? certificateStatus({
        content: content as CertificateContentInput,
        signature: found.signature,
        publicKey: found.publicKey,
        revokedAt: found.revokedAt,
      })
    : "invalid";
  return {
    status,
    serial: found.serial,
    issuer: textAt(content, "tenant", "name"),
    program: textAt(content, "program"),
    cohort: textAt(content, "cohort"),
    mentors: namesAt(content, "mentors"),
    mentees: namesAt(content, "mentees"),
    date: textAt(content, "date"),
    signer: { name: textAt(content, "signer", "name"), title: textAt(content, "signer", "title") },
    revokedAt: status === "revoked" ? found.revokedAt : null,
  };
}
