import { listCorrectionRequests, resolveCorrectionRequest } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../services/format.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("myData.admin.title");

/**
 * The tenant admins' list of requests to correct directory data (privacy.requests.handle): each waiting one
 * with the value when asked, the value asked for and the person's note, marked corrected once the directory
 * is corrected at its source, or declined with a reason; the person is told either way.
 */
export const loader = tenantLoader(
  { permission: "privacy.requests.handle" },
  async ({ tenant, locale, withTenant }) => {
    const list = await withTenant((db) => listCorrectionRequests(db, { tenantId: tenant.id }));
    const when = (date: Date | null) =>
      date ? formatDateTime(date, locale, tenant.timeZone, { dateStyle: "medium", timeStyle: "short" }) : "";
    const shape = (rows: typeof list.pending) =>
      rows.map((row) => ({ ...row, createdAt: when(row.createdAt), resolvedAt: when(row.resolvedAt) }));
    return { pending: shape(list.pending), resolved: shape(list.resolved) };
  },
);

const resolveForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("applied"), requestId: id }),
  z.object({ intent: z.literal("declined"), requestId: id, reason: z.string().max(1000).default("") }),
]);

export const action = tenantAction(
  {
    permission: "privacy.requests.handle",
    form: resolveForm,
    whichForm: (sent) => ({ requestId: sent.requestId }),
  },
  async ({ form, tenant, user, requestId, services, withTenant }) => {
    const done = await withTenant((db) =>
      resolveCorrectionRequest(db, {
        tenantId: tenant.id,
        correctionRequestId: form.requestId,
        outcome: form.intent,
        reason: form.intent === "declined" ? form.reason : undefined,
        actorUserId: user.id,
        now: new Date(),
        requestId,
        appUrl: services.config.APP_URL,
      }),
    );
    return done;
  },
);

export default function CorrectionRequests() {
  const { t } = useTranslation();
  const { pending, resolved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const refusal = result && isRefusal(result) ? result : null;
  const done = result && !isRefusal(result) ? result : null;
  return (
    <>
      <h1>{t("myData.admin.title")}</h1>
      <p>{t("myData.admin.intro")}</p>
      {refusal ? (
        <p role="alert" className="form-error">
          {refusal.error?.[""]?.[0]}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="form-status">
          {t(done.outcome === "applied" ? "myData.admin.doneApplied" : "myData.admin.doneDeclined", {
            name: done.name,
            field: t(`myData.field.${done.field}`),
          })}
        </p>
      ) : null}
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t("myData.admin.pending")}</h2>
        {pending.length === 0 ? (
          <p>{t("myData.admin.none")}</p>
        ) : (
          // One card per request rather than a wide table: the two answers stay in reach on a phone.
          <ul className="notices">
            {pending.map((row) => {
              const field = t(`myData.field.${row.field}`);
              const headingId = `request-${row.id}`;
              const reasonId = `reason-${row.id}`;
              return (
                <li key={row.id} className="card" data-testid="correction-request">
                  <h3 id={headingId}>
                    {t("myData.admin.person", { name: row.name, employeeNumber: row.employeeNumber })}
                  </h3>
                  <dl className="facts">
                    <dt>{t("myData.admin.column.field")}</dt>
                    <dd>{field}</dd>
                    <dt>{t("myData.admin.column.current")}</dt>
                    <dd>{row.currentValue || "-"}</dd>
                    <dt>{t("myData.admin.column.requested")}</dt>
                    <dd>{row.requestedValue}</dd>
                    {row.note ? (
                      <>
                        <dt>{t("myData.admin.column.note")}</dt>
                        <dd>{row.note}</dd>
                      </>
                    ) : null}
                    <dt>{t("myData.admin.column.sentAt")}</dt>
                    <dd>{row.createdAt}</dd>
                  </dl>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="requestId" value={row.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="applied"
                      className="button-primary"
                      disabled={busy}
                      aria-label={t("myData.admin.appliedFor", { name: row.name, field })}
                    >
                      {t("myData.admin.applied")}
                    </button>
                  </Form>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="requestId" value={row.id} />
                    <div className="field">
                      <label htmlFor={reasonId}>{t("myData.admin.reasonLabel")}</label>
                      <input id={reasonId} name="reason" maxLength={1000} aria-describedby={headingId} />
                    </div>
                    <button
                      type="submit"
                      name="intent"
                      value="declined"
                      className="button-secondary"
                      disabled={busy}
                      aria-label={t("myData.admin.declineFor", { name: row.name, field })}
                    >
                      {t("myData.admin.decline")}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="resolved-heading">
        <h2 id="resolved-heading">{t("myData.admin.resolved")}</h2>
        <DataTable
          caption={t("myData.admin.resolved")}
          captionHidden
          rows={resolved}
          rowKey={(row) => row.id}
          empty={t("myData.admin.noneResolved")}
          columns={[
            {
              key: "person",
              header: t("myData.admin.column.person"),
              cell: (row) => t("myData.admin.person", { name: row.name, employeeNumber: row.employeeNumber }),
            },
            {
              key: "field",
              header: t("myData.admin.column.field"),
              cell: (row) => t(`myData.field.${row.field}`),
            },
            {
              key: "requested",
              header: t("myData.admin.column.requested"),
              cell: (row) => row.requestedValue,
            },
            {
              key: "status",
              header: t("myData.admin.column.status"),
              cell: (row) =>
                row.declineReason
                  ? `${t(`myData.correction.status.${row.status}`)}: ${row.declineReason}`
                  : t(`myData.correction.status.${row.status}`),
            },
            { key: "resolvedAt", header: t("myData.admin.column.resolvedAt"), cell: (row) => row.resolvedAt },
          ]}
        />
      </section>
    </>
  );
}
