import { randomUUID } from "node:crypto";
import type { Database, TenantDb } from "../src/database";

/**
 * One row per tenant in each tenant table that the seed leaves empty, so the isolation check has
 * something to protect. A new tenant table the seed does not fill needs a line here: the check says so.
 */
export async function addIsolationFixtures(db: Database, tenantId: string): Promise<void> {
  const publication = await db.platform.insightPublication.create({ data: { status: "published" } });
  await db.withTenant(tenantId, async (tx) => {
    await tx.insightAggregate.create({
      data: {
        tenantId,
        publicationId: publication.id,
        cohortRef: randomUUID(),
        governmentType: "basic_government",
        region: "강원특별자치도",
        sizeBand: "1000-1999",
        programKind: "reverse",
        teamShape: "3:1",
        cohortYear: 2025,
        metric: "participants",
        value: 40,
        peopleCount: 40,
      },
    });
    const requester = await tx.staffMember.findFirstOrThrow({ where: { tenantId }, select: { id: true } });
    await tx.correctionRequest.create({
      data: {
        tenantId,
        staffMemberId: requester.id,
        field: "phone",
        currentValue: "",
        requestedValue: "033-640-0000",
      },
    });
    const directoryImport = await tx.directoryImport.create({
      data: {
        tenantId,
        fileName: "directory.csv",
        format: "csv",
        encoding: "utf-8",
        status: "ready",
        totalRows: 1,
      },
    });
    await tx.directoryImportRow.create({
      data: {
        tenantId,
        importId: directoryImport.id,
        rowNumber: 2,
        data: { employeeNumber: "X-1" },
        action: "new",
      },
    });
    await tx.ssoConfig.create({
      data: { tenantId, issuer: "https://idp.example.kr", clientId: "mentoring", clientSecretEncrypted: "x" },
    });
    await tx.apiToken.create({
      data: { tenantId, name: "HR system", tokenHash: randomUUID(), scopes: ["staff.import"] },
    });
    await addProgramFixtures(tx, tenantId);
    await tx.accessLog.create({
      data: {
        tenantId,
        viewerUserId: randomUUID(),
        kind: "directory",
        subjectCount: 0,
        clientAddress: "10.0.0.1",
      },
    });
    await tx.accessReview.create({
      data: { tenantId, month: new Date("2026-11-01"), summary: {}, recipientCount: 0 },
    });
  });
}

async function addProgramFixtures(tx: TenantDb, tenantId: string) {
  const template = await tx.programTemplate.create({
    data: { tenantId, name: "Isolation fixture", kind: "standard" },
  });
  const version = await tx.programTemplateVersion.create({
    data: { tenantId, templateId: template.id, version: 1, definition: {} },
  });
  const day = new Date("2025-01-22T00:00:00Z");
  const cohort = await tx.cohort.create({
    data: {
      tenantId,
      templateId: template.id,
      templateVersionId: version.id,
      number: 99,
      title: "Isolation fixture",
      recruitmentStart: day,
      recruitmentEnd: day,
      orientation: day,
      matching: day,
      ceremony: day,
      activitiesStart: day,
      activitiesEnd: day,
      evaluationStart: day,
      evaluationEnd: day,
      close: day,
      scheduleCheckedOn: day,
      quotaMentor: 1,
      quotaMentee: 1,
    },
  });
  const staff = await tx.staffMember.findFirstOrThrow({ where: { tenantId }, select: { id: true } });
  const application = await tx.application.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      staffMemberId: staff.id,
      role: "mentor",
      status: "accepted",
      eligibility: {},
    },
  });
  const round = await tx.surveyRound.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      questionSetKey: "pre_survey",
      phase: "pre",
      opensOn: day,
      closesOn: day,
    },
  });
  await tx.surveyResponse.create({ data: { tenantId, roundId: round.id, applicationId: application.id } });
  const proposal = await tx.boardProposal.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      title: "청년 직원 주거 지원",
      body: "관사 일부를 청년 직원에게 배정",
    },
  });
  await tx.boardProposalProposer.create({
    data: { tenantId, proposalId: proposal.id, applicationId: application.id },
  });
  await tx.surveyInvitation.create({ data: { tenantId, roundId: round.id, applicationId: application.id } });
  const run = await tx.matchingRun.create({
    data: { tenantId, cohortId: cohort.id, number: 1, problem: {} },
  });
  const team = await tx.team.create({
    data: { tenantId, cohortId: cohort.id, runId: run.id, number: 1, score: 0, breakdown: {} },
  });
  await tx.teamMember.create({
    data: { tenantId, cohortId: cohort.id, teamId: team.id, applicationId: application.id, role: "mentor" },
  });
  await tx.signingKey.create({
    data: { tenantId, keyId: randomUUID(), publicKey: "x", sealedPrivateKey: "x" },
  });
  const ceremony = await tx.ceremony.create({
    data: { tenantId, cohortId: cohort.id, startsAt: day, place: "시청 컨벤션홀" },
  });
  await tx.ceremonyAttendance.create({
    data: { tenantId, ceremonyId: ceremony.id, applicationId: application.id, present: true },
  });
  const assignment = await tx.calendarItem.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      kind: "assignment",
      title: "3월 과제",
      dueAt: day,
      teamId: team.id,
    },
  });
  await tx.submission.create({
    data: {
      tenantId,
      itemId: assignment.id,
      teamId: team.id,
      text: "팀 소개 영상",
      firstSubmittedAt: day,
      submittedAt: day,
    },
  });
  const activity = await tx.activity.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      teamId: team.id,
      kind: "meeting",
      happenedOn: day,
      minutes: 60,
      topic: "첫 만남",
      notes: "비공개 상담 내용",
    },
  });
  await tx.activityParticipant.create({
    data: { tenantId, activityId: activity.id, applicationId: application.id },
  });
  await tx.attachment.create({
    data: {
      id: randomUUID(),
      tenantId,
      activityId: activity.id,
      kind: "photo",
      originalName: "첫 만남.jpg",
      mediaType: "image/jpeg",
      size: 1024n,
      storageKey: `${tenantId}/attachments/photo`,
      uploadedByUserId: randomUUID(),
    },
  });
  await tx.attendance.create({
    data: {
      tenantId,
      itemId: assignment.id,
      applicationId: application.id,
      present: true,
      method: "check_in",
    },
  });
  const workshop = await tx.calendarItem.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      kind: "event",
      title: "영상 제작 워크숍",
      startsAt: day,
      endsAt: day,
      signUp: true,
      capacity: 20,
    },
  });
  await tx.eventSignup.create({
    data: { tenantId, itemId: workshop.id, applicationId: application.id },
  });
  await tx.calendarFeed.create({
    data: { tenantId, staffMemberId: staff.id, tokenHash: `feed-${randomUUID()}` },
  });
  await tx.notification.create({
    data: {
      tenantId,
      staffMemberId: staff.id,
      kind: "team_published",
      subject: `cohort:${cohort.id}`,
      params: { cohortTitle: "거꾸로 멘토링 1기", teamNumber: 1 },
      link: "/team",
      inApp: true,
    },
  });
  await tx.notificationPreference.create({
    data: { tenantId, staffMemberId: staff.id, kind: "team_nudge", email: false },
  });
  const evaluator = await tx.membership.findFirstOrThrow({ where: { tenantId }, select: { userId: true } });
  const evaluatorAssignment = await tx.evaluatorAssignment.create({
    data: { tenantId, cohortId: cohort.id, teamId: team.id, evaluatorUserId: evaluator.userId },
  });
  const evaluation = await tx.evaluation.create({
    data: { tenantId, assignmentId: evaluatorAssignment.id },
  });
  await tx.evaluationScore.create({
    data: { tenantId, evaluationId: evaluation.id, criterionKey: "results", score: 8, comment: "성과 우수" },
  });
  const batch = await tx.certificateBatch.create({
    data: { tenantId, cohortId: cohort.id, signerName: "홍길동", signerTitle: "부시장" },
  });
  // Ten serials per tenant, one of them on a certificate.
  const serials = Array.from({ length: 10 }, () => randomUUID());
  await tx.certificateSerial.createMany({ data: serials.map((serial) => ({ serial, tenantId })) });
  await tx.certificate.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      batchId: batch.id,
      teamId: team.id,
      serial: serials[0] as string,
      content: {},
    },
  });
  const awardBatch = await tx.certificateBatch.create({
    data: { tenantId, cohortId: cohort.id, kind: "award", signerName: "홍길동", signerTitle: "부시장" },
  });
  const decision = await tx.awardDecision.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      status: "approved",
      proposedByUserId: evaluator.userId,
      proposedAt: day,
      decidedByUserId: evaluator.userId,
      decidedAt: day,
      certificateBatchId: awardBatch.id,
    },
  });
  await tx.awardGrant.create({
    data: {
      tenantId,
      decisionId: decision.id,
      teamId: team.id,
      categoryIndex: 0,
      name: "최우수",
      prize: "표창장, 국내외 우수사례지 견학",
      certificateTitle: "표창장",
    },
  });
  await tx.cohortReportRun.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      status: "ready",
      progress: 100,
      dataHash: "0".repeat(64),
      pdfKey: `tenants/${tenantId}/reports/${cohort.id}/report.pdf`,
      xlsxKey: `tenants/${tenantId}/reports/${cohort.id}/report.xlsx`,
      finishedAt: day,
    },
  });
  await tx.pseudonymisedSurveyResponse.create({
    data: {
      tenantId,
      cohortId: cohort.id,
      roundId: round.id,
      pseudonym: randomUUID(),
      role: "mentee",
      answers: { dl_ai: 4 },
      scores: { digital_literacy: 4 },
    },
  });
}
