import { newSerial } from "@mentoring/certificates";
import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, calendarDateIn } from "@mentoring/domain";
import { requireCohort } from "../records/certificate-cohort";
import { draftContentSchema, json } from "../records/certificate-content";
import { type TeamOfCohort, teamsOfCohort } from "../records/certificate-teams";
import { loadCohort } from "../records/cohort-record";

/** The published teams' members the ceremony's attendance marks absent, in the teams' order. */
async function absentees(tx: TenantDb, tenantId: string, cohortId: string, teams: TeamOfCohort[]) {
  const rows = await tx.ceremonyAttendance.findMany({
    where: { tenantId, present: false, ceremony: { tenantId, cohortId } },
    select: { applicationId: true },
  });
  const marked = new Set(rows.map((row) => row.applicationId));
  return teams
    .flatMap((team) => [...team.mentors, ...team.mentees])
    .filter((person) => marked.has(person.applicationId));
}

async function tenantOf(tx: TenantDb, tenantId: string) {
  return tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { id: true, name: true, timeZone: true },
  });
}

/** Whether people marked absent at the ceremony get their certificate too, or are left out of it. */
export type AbsenteeChoice = "include" | "exclude";

/**
 * Prepares (or refreshes, while unsigned) the cohort's draft batch: one certificate per published team,
 * with its serial, content (tenant, program, cohort, names, date: the ceremony's day or today) and the
 * signer (the tenant's first certificate signer). Refused before teams are published. Audited.
 *
 * When the ceremony's attendance marks someone absent, the coordinator decides (`absentees`): issue for
 * them too, or leave their names off (a team left without a mentor or without a mentee gets no
 * certificate). Without a decision the preparation is refused with the absentees' names
 * (certificate.absentees_undecided).
 */
export async function prepareCertificateBatch(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    actorUserId: string;
    requestId?: string;
    today: string;
    absentees?: AbsenteeChoice;
  },
): Promise<{ batchId: string }> {
  const { tenantId, cohortId, actorUserId, requestId } = input;
  await requireCohort(tx, tenantId, cohortId);
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const published = await teamsOfCohort(tx, tenantId, cohortId);
  if (published.length === 0) throw new AppError("certificate.no_teams");
  const absent = await absentees(tx, tenantId, cohortId, published);
  if (absent.length > 0 && input.absentees === undefined) {
    throw new AppError("certificate.absentees_undecided", {
      count: absent.length,
      names: absent.map((person) => person.name).join(", "),
    });
  }
  const leftOut = new Set(input.absentees === "exclude" ? absent.map((person) => person.applicationId) : []);
  const present = (person: { applicationId: string }) => !leftOut.has(person.applicationId);
  // A team is dropped only when leaving out its absentees empties a side; any other gap is refused below.
  const teams = published
    .filter((team) => ![team.mentors, team.mentees].some((side) => side.length > 0 && !side.some(present)))
    .map((team) => ({
      ...team,
      mentors: team.mentors.filter(present),
      mentees: team.mentees.filter(present),
    }));
  if (teams.length === 0) throw new AppError("certificate.all_absent");
  const signer = await tx.certificateSigner.findFirst({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { name: true, title: true },
  });
  if (!signer) throw new AppError("certificate.no_signer");
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
      throw new AppError("certificate.content_invalid", { team: team.number, field });
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
      ...(absent.length > 0 && { absent: absent.length, absentees: input.absentees }),
      date,
      signer: { name: signer.name, title: signer.title },
    },
    requestId,
  });
  return { batchId };
}
