import type { TenantDb } from "@mentoring/db";
import { type ExclusionReason, excludedColumns, type PersonalTable } from "../records/personal-data-tables";

/** A value as JSON writes it: dates as ISO instants, big sizes as numbers. */
export type ExportValue = string | number | boolean | null | ExportValue[] | { [key: string]: ExportValue };
export type ExportRow = { id: string } & { [key: string]: ExportValue };

/**
 * Everything held about one person in one tenant, as their JSON download holds it and their PDF prints it:
 * a section per table of the rows about them (each with its id, so it can be checked against the table),
 * what the app shows them of their teams (teammates' names, the team's scores, certificates), and what is
 * left out with the reason.
 */
export interface PersonalDataExport {
  format: "mentoring.personal-data.v1";
  generatedAt: string;
  tenant: { name: string; slug: string; timeZone: string };
  person: { name: string; email: string };
  rows: Record<PersonalTable, ExportRow[]>;
  related: {
    /** Their published teams with every member's name and role: what the team page shows them anyway. */
    teams: ExportRow[];
    /** Submitted evaluations of their teams: the scores per criterion, neither evaluator nor comment. */
    team_evaluations: ExportRow[];
    /** Certificates and award certificates issued for their teams. */
    certificates: ExportRow[];
  };
  notIncluded: { table: string; column: string; reason: ExclusionReason }[];
}

/** Dates to ISO instants, bigints to numbers, recursively: the export is plain JSON. */
function plain(value: unknown): ExportValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value as ExportValue;
}

const rowsOf = (rows: { id: string }[]) => rows.map((row) => plain(row) as ExportRow);

/**
 * The person's data in the tenant (their account's user, and their staff record when they have one). A
 * synchronous read: one person's rows are few (a few hundred at most over several cohorts) and the reads
 * are by indexed person keys, so the download is answered at once rather than made by the worker.
 */
export async function exportMyData(
  tx: TenantDb,
  input: { tenantId: string; userId: string; staffMemberId: string | null; now: Date },
): Promise<PersonalDataExport> {
  const { tenantId, userId, now } = input;
  const staffId = input.staffMemberId;
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { name: true, slug: true, timeZone: true },
  });
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, locale: true, createdAt: true, updatedAt: true },
  });
  // A person without a staff record has none of what hangs off one: no id matches.
  const staff = staffId ? { staffMemberId: staffId } : { staffMemberId: { in: [] as string[] } };
  const applications = staffId
    ? await tx.application.findMany({
        where: { tenantId, staffMemberId: staffId },
        orderBy: { submittedAt: "asc" },
        select: {
          id: true,
          cohortId: true,
          cohort: { select: { title: true } },
          role: true,
          status: true,
          consentVersion: true,
          consentAt: true,
          consentWithdrawnAt: true,
          nominatedByUserId: true,
          submittedAt: true,
          decidedAt: true,
          withdrawnAt: true,
          rejectionReason: true,
          eligibility: true,
        },
      })
    : [];
  const applicationIds = applications.map((application) => application.id);
  const mine = { tenantId, applicationId: { in: applicationIds } };

  const staffMembers = staffId
    ? await tx.staffMember.findMany({
        where: { tenantId, id: staffId },
        select: {
          id: true,
          employeeNumber: true,
          name: true,
          department: { select: { name: true } },
          grade: true,
          positionTitle: true,
          hireDate: true,
          birthYear: true,
          email: true,
          phone: true,
          active: true,
          createdAt: true,
          updatedAt: true,
        },
      })
    : [];
  const teamMembers = await tx.teamMember.findMany({
    where: mine,
    select: {
      id: true,
      teamId: true,
      role: true,
      team: { select: { number: true, name: true, cohort: { select: { title: true } } } },
    },
  });
  const teamIds = teamMembers.map((member) => member.teamId);

  const rows: PersonalDataExport["rows"] = {
    users: rowsOf([user]),
    user_identities: rowsOf(
      await tx.userIdentity.findMany({
        where: { userId },
        select: { id: true, issuer: true, subject: true, createdAt: true },
      }),
    ),
    staff_members: rowsOf(
      staffMembers.map(({ department, ...record }) => ({ ...record, department: department.name })),
    ),
    memberships: rowsOf(
      await tx.membership.findMany({
        where: { tenantId, OR: [{ userId }, ...(staffId ? [{ staffMemberId: staffId }] : [])] },
        select: { id: true, roles: true, createdAt: true, updatedAt: true },
      }),
    ),
    invitations: rowsOf(
      await tx.invitation.findMany({
        where: { tenantId, email: { equals: user.email, mode: "insensitive" } },
        select: {
          id: true,
          email: true,
          roles: true,
          createdAt: true,
          expiresAt: true,
          acceptedAt: true,
          revokedAt: true,
        },
      }),
    ),
    applications: rowsOf(
      applications.map(({ cohort, nominatedByUserId, ...application }) => ({
        ...application,
        cohort: cohort.title,
        nominated: nominatedByUserId !== null,
      })),
    ),
    survey_responses: rowsOf(
      (
        await tx.surveyResponse.findMany({
          where: mine,
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            round: { select: { questionSetKey: true, phase: true, cohort: { select: { title: true } } } },
            answers: true,
            scores: true,
            submittedAt: true,
            createdAt: true,
            updatedAt: true,
          },
        })
      ).map(({ round, ...response }) => ({
        ...response,
        cohort: round.cohort.title,
        questionSet: round.questionSetKey,
        phase: round.phase,
      })),
    ),
    team_members: rowsOf(
      teamMembers.map(({ team, ...member }) => ({
        ...member,
        cohort: team.cohort.title,
        teamNumber: team.number,
        teamName: team.name,
      })),
    ),
    activity_participants: rowsOf(
      (
        await tx.activityParticipant.findMany({
          where: mine,
          select: {
            id: true,
            activity: {
              select: {
                kind: true,
                happenedOn: true,
                minutes: true,
                place: true,
                topic: true,
                notes: true,
                team: { select: { number: true } },
              },
            },
          },
        })
      ).map(({ id, activity: { team, ...activity } }) => ({ id, ...activity, teamNumber: team.number })),
    ),
    attendance: rowsOf(
      (
        await tx.attendance.findMany({
          where: mine,
          select: {
            id: true,
            present: true,
            method: true,
            recordedAt: true,
            item: { select: { title: true, kind: true, startsAt: true } },
          },
        })
      ).map(({ item, ...record }) => ({
        ...record,
        title: item.title,
        kind: item.kind,
        startsAt: item.startsAt,
      })),
    ),
    ceremony_attendance: rowsOf(
      (
        await tx.ceremonyAttendance.findMany({
          where: mine,
          select: {
            id: true,
            present: true,
            method: true,
            recordedAt: true,
            ceremony: { select: { startsAt: true, place: true } },
          },
        })
      ).map(({ ceremony, ...record }) => ({ ...record, startsAt: ceremony.startsAt, place: ceremony.place })),
    ),
    event_signups: rowsOf(
      (
        await tx.eventSignup.findMany({
          where: mine,
          select: { id: true, createdAt: true, item: { select: { title: true, startsAt: true } } },
        })
      ).map(({ item, ...signup }) => ({ ...signup, title: item.title, startsAt: item.startsAt })),
    ),
    submissions: rowsOf(
      (
        await tx.submission.findMany({
          where: { tenantId, submittedByUserId: userId },
          orderBy: { submittedAt: "asc" },
          select: {
            id: true,
            item: { select: { title: true } },
            team: { select: { number: true } },
            status: true,
            text: true,
            links: true,
            firstSubmittedAt: true,
            submittedAt: true,
            late: true,
            reviewComment: true,
            reviewedAt: true,
            featuredAt: true,
          },
        })
      ).map(({ item, team, ...submission }) => ({
        ...submission,
        title: item.title,
        teamNumber: team.number,
      })),
    ),
    attachments: rowsOf(
      await tx.attachment.findMany({
        where: { tenantId, uploadedByUserId: userId },
        orderBy: { uploadedAt: "asc" },
        select: {
          id: true,
          kind: true,
          originalName: true,
          mediaType: true,
          size: true,
          submissionId: true,
          activityId: true,
          uploadedAt: true,
        },
      }),
    ),
    evaluator_assignments: rowsOf(
      (
        await tx.evaluatorAssignment.findMany({
          where: { tenantId, evaluatorUserId: userId },
          select: {
            id: true,
            assignedAt: true,
            cohort: { select: { title: true } },
            team: { select: { number: true } },
            evaluation: {
              select: {
                status: true,
                submittedAt: true,
                scores: { select: { criterionKey: true, score: true, comment: true } },
              },
            },
          },
        })
      ).map(({ cohort, team, ...assignment }) => ({
        ...assignment,
        cohort: cohort.title,
        teamNumber: team.number,
      })),
    ),
    notifications: rowsOf(
      await tx.notification.findMany({
        where: { tenantId, ...staff },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          params: true,
          link: true,
          inApp: true,
          readAt: true,
          createdAt: true,
        },
      }),
    ),
    notification_preferences: rowsOf(
      await tx.notificationPreference.findMany({
        where: { tenantId, ...staff },
        select: { id: true, kind: true, email: true, inApp: true, updatedAt: true },
      }),
    ),
    calendar_feeds: rowsOf(
      await tx.calendarFeed.findMany({
        where: { tenantId, ...staff },
        select: { id: true, createdAt: true, revokedAt: true },
      }),
    ),
    // What they did: the action and what it was done to. What it changed is left out: an admin's or
    // coordinator's rows describe other people (roles given, applications decided).
    audit_logs: rowsOf(
      await tx.auditLog.findMany({
        where: { tenantId, actorUserId: userId },
        orderBy: { at: "asc" },
        select: { id: true, action: true, entityType: true, entityId: true, at: true },
      }),
    ),
    correction_requests: rowsOf(
      await tx.correctionRequest.findMany({
        where: { tenantId, ...staff },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          field: true,
          currentValue: true,
          requestedValue: true,
          note: true,
          status: true,
          declineReason: true,
          resolvedAt: true,
          createdAt: true,
        },
      }),
    ),
    access_logs: staffId ? await accessToMyData(tx, tenantId, staffId) : [],
  };

  return {
    format: "mentoring.personal-data.v1",
    generatedAt: now.toISOString(),
    tenant,
    person: { name: staffMembers[0]?.name ?? user.displayName, email: user.email },
    rows,
    related: await relatedToTeams(tx, tenantId, teamIds),
    notIncluded: excludedColumns(),
  };
}

/** Who looked at or exported their data, when and what: the viewer by name when on the staff. */
async function accessToMyData(tx: TenantDb, tenantId: string, staffId: string): Promise<ExportRow[]> {
  const views = await tx.accessLog.findMany({
    where: { tenantId, subjectStaffIds: { has: staffId } },
    orderBy: { at: "asc" },
    select: { id: true, kind: true, at: true, viewerStaffMemberId: true, subjectCount: true },
  });
  const viewers = new Map(
    (
      await tx.staffMember.findMany({
        where: { tenantId, id: { in: views.flatMap((view) => view.viewerStaffMemberId ?? []) } },
        select: { id: true, name: true },
      })
    ).map((viewer) => [viewer.id, viewer.name]),
  );
  return rowsOf(
    views.map(({ viewerStaffMemberId, ...view }) => ({
      ...view,
      viewer: viewerStaffMemberId ? (viewers.get(viewerStaffMemberId) ?? null) : null,
    })),
  );
}

/** Their teams as the app shows them: members' names and roles, the scores given, the certificates. */
async function relatedToTeams(
  tx: TenantDb,
  tenantId: string,
  teamIds: string[],
): Promise<PersonalDataExport["related"]> {
  if (teamIds.length === 0) return { teams: [], team_evaluations: [], certificates: [] };
  const teams = await tx.team.findMany({
    where: { tenantId, id: { in: teamIds } },
    select: {
      id: true,
      number: true,
      name: true,
      cohort: { select: { title: true } },
      members: {
        select: { role: true, application: { select: { staffMember: { select: { name: true } } } } },
      },
    },
  });
  const evaluations = await tx.evaluation.findMany({
    where: { tenantId, status: "submitted", assignment: { teamId: { in: teamIds } } },
    select: {
      id: true,
      submittedAt: true,
      assignment: { select: { team: { select: { number: true, cohort: { select: { title: true } } } } } },
      scores: { select: { criterionKey: true, score: true }, orderBy: { criterionKey: "asc" } },
    },
  });
  const certificates = await tx.certificate.findMany({
    where: { tenantId, teamId: { in: teamIds }, issuedAt: { not: null } },
    select: {
      id: true,
      serial: true,
      issuedAt: true,
      revokedAt: true,
      revokedReason: true,
      content: true,
      batch: { select: { kind: true } },
    },
  });
  return {
    teams: rowsOf(
      teams.map(({ cohort, members, ...team }) => ({
        ...team,
        cohort: cohort.title,
        members: members.map((member) => ({ name: member.application.staffMember.name, role: member.role })),
      })),
    ),
    team_evaluations: rowsOf(
      evaluations.map(({ assignment, ...evaluation }) => ({
        ...evaluation,
        cohort: assignment.team.cohort.title,
        teamNumber: assignment.team.number,
      })),
    ),
    certificates: rowsOf(
      certificates.map(({ batch, ...certificate }) => ({ ...certificate, kind: batch.kind })),
    ),
  };
}
