import { defaultNamespace } from "@mentoring/i18n";
import type { searchAuditLog } from "@mentoring/tenants";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../services/i18n.server";
import { presentAuditRows } from "./audit.server";

type Row = Awaited<ReturnType<typeof searchAuditLog>>["rows"][number];

let ko: TFunction;
let en: TFunction;

// The app's own translators, as its loaders get them.
beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

const cohortId = "0b6c1f0e-3f5e-4a58-9a43-2f1c0e5d7a11";
const unknownStaffId = "5d0e8f7a-1b2c-4d3e-8f90-a1b2c3d4e5f6";
const tenantId = "9e8d7c6b-5a49-4838-8271-605f4e3d2c1b";
const names = { [cohortId]: "신규 공직자 멘토링 1기" };

const row = (fields: Partial<Row> & Pick<Row, "action" | "entityType">): Row => ({
  id: crypto.randomUUID(),
  at: new Date("2025-10-31T01:00:00Z"),
  entityId: null,
  actor: null,
  before: null,
  after: null,
  ...fields,
});

const present = (rows: Row[], t: TFunction, locale = "ko") =>
  presentAuditRows(rows, { locale, timeZone: "Asia/Seoul", t, names });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

describe("the audit log's changes", () => {
  it("name the fields and word the values of a billing change instead of showing JSON", () => {
    const [shown] = present(
      [
        row({
          action: "billing.business_registration_number.update",
          entityType: "tenant",
          entityId: tenantId,
          before: { businessRegistrationNumber: null },
          after: { businessRegistrationNumber: "1248100998" },
        }),
      ],
      ko,
    );
    expect(shown?.changes).toEqual([{ field: "사업자등록번호", before: "없음", after: "1248100998" }]);
    expect(shown?.entity).toBe("기관");
  });

  it("word statuses, who moved it and an override's reason; lists of records are counted", () => {
    const [shown] = present(
      [
        row({
          action: "cohort.status.update",
          entityType: "cohort",
          entityId: cohortId,
          before: { status: "evaluation" },
          after: {
            status: "closed",
            by: "coordinator",
            override: {
              reason: "응답 기한이 지났습니다",
              problems: [{ code: "transition.post_surveys_incomplete", params: { submitted: 1 } }],
            },
          },
        }),
      ],
      ko,
    );
    expect(shown?.entity).toBe("기수 · 신규 공직자 멘토링 1기");
    expect(shown?.changes).toEqual([
      { field: "상태", before: "평가", after: "종료" },
      { field: "처리 주체", before: null, after: "담당자" },
      { field: "재정의 · 사유", before: null, after: "응답 기한이 지났습니다" },
      { field: "재정의 · 넘어간 문제", before: null, after: "1개" },
    ]);
  });

  it("name the ids the page can and leave out the ones it cannot", () => {
    const [shown] = present(
      [
        row({
          action: "application.submit",
          entityType: "application",
          entityId: crypto.randomUUID(),
          after: {
            cohortId,
            staffMemberId: unknownStaffId,
            role: "mentor",
            status: "accepted",
            consentAt: "2025-01-22T00:30:00.000Z",
          },
        }),
      ],
      ko,
    );
    expect(shown?.entity).toBe("참가 신청");
    expect(shown?.changes).toEqual([
      { field: "기수", before: null, after: "신규 공직자 멘토링 1기" },
      { field: "역할", before: null, after: "멘토" },
      { field: "상태", before: null, after: "선정" },
      { field: "동의 일시", before: null, after: expect.stringMatching(/^2025\. 1\. 22\. 09:30/) },
    ]);
  });

  it("show no JSON and no id in any language, and say a removal's values were before", () => {
    const rows = [
      row({
        action: "certificate_signer.delete",
        entityType: "certificate_signer",
        entityId: crypto.randomUUID(),
        before: { name: "홍길동", title: "제1부시장" },
      }),
      row({
        action: "certificate_batch.prepare",
        entityType: "certificate_batch",
        entityId: crypto.randomUUID(),
        after: {
          cohortId,
          certificates: 14,
          signer: { name: "홍길동", title: "제1부시장" },
          keyId: unknownStaffId,
        },
      }),
      row({
        action: "tenant.branding.update",
        entityType: "tenant",
        before: { logoKey: null, sealKey: null },
        after: { logoKey: `tenants/${tenantId}/logo.png`, sealKey: null },
      }),
    ];
    for (const [t, locale] of [
      [ko, "ko"],
      [en, "en"],
    ] as const) {
      const shown = present(rows, t, locale);
      const text = JSON.stringify(shown.map(({ entity, changes }) => ({ entity, changes })));
      expect(text).not.toMatch(UUID);
      for (const change of shown.flatMap((one) => one.changes))
        expect([change.field, change.before, change.after].join(" ")).not.toMatch(/[{}[\]]/);
    }
    const [removed, prepared, branding] = present(rows, en, "en");
    expect(removed?.changes).toEqual([
      { field: "Name", before: "홍길동", after: null },
      { field: "Title", before: "제1부시장", after: null },
    ]);
    expect(prepared?.changes).toEqual([
      { field: "Cohort", before: null, after: "신규 공직자 멘토링 1기" },
      { field: "Certificates", before: null, after: "14" },
      { field: "Signer · Name", before: null, after: "홍길동" },
      { field: "Signer · Title", before: null, after: "제1부시장" },
    ]);
    expect(branding?.changes).toEqual([
      { field: "Logo", before: "None", after: "Set" },
      { field: "Seal", before: null, after: "None" },
    ]);
  });
});
