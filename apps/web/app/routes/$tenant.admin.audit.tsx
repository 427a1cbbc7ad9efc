import { getFormProps, useForm } from "@conform-to/react";
import { auditSearchQuery, searchAuditLog } from "@mentoring/tenants";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { InputField, SelectField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { presentAuditRows } from "../presenters/audit.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("audit.title");

/** The tenant admin's search through the audit log; members without audit.view get 403. */
export const loader = tenantLoader(
  { permission: "audit.view", query: auditSearchQuery },
  async ({ query, tenant, locale, t, withTenant }) => {
    const { names, ...result } = await withTenant((db) =>
      searchAuditLog(db, { tenantId: tenant.id, timeZone: tenant.timeZone, search: query }),
    );
    const { page, ...filters } = query;
    const rows = presentAuditRows(result.rows, { locale, timeZone: tenant.timeZone, t, names });
    return { ...result, rows, page, filters };
  },
);

export default function Audit() {
  const { t } = useTranslation();
  const { rows, actions, pages, page, filters } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<{ action: string; actor: string; from: string; to: string }>({
    id: "audit-filter",
    defaultValue: filters,
  });
  // A recorded action not worded yet shows its code rather than nothing.
  const actionLabel = (action: string) => t(`auditAction.${action}`, { defaultValue: action });
  const pageLink = (to: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(to));
    return `?${next.toString()}`;
  };
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="filters" aria-label={t("audit.filter")} {...getFormProps(form)}>
        <SelectField
          meta={fields.action}
          label={t("audit.action")}
          placeholder={t("audit.anyAction")}
          options={actions.map((action) => ({ value: action, label: actionLabel(action) }))}
        />
        <InputField meta={fields.actor} type="search" label={t("audit.actor")} />
        <InputField meta={fields.from} type="date" label={t("audit.from")} />
        <InputField meta={fields.to} type="date" label={t("audit.to")} />
        <button type="submit" className="button-primary">
          {t("audit.search")}
        </button>
      </Form>
      <DataTable
        caption={t("audit.title")}
        captionHidden
        rows={rows}
        rowKey={(row) => row.id}
        empty={t("audit.none")}
        columns={[
          { key: "at", header: t("audit.at"), cell: (row) => row.at },
          {
            key: "actor",
            header: t("audit.actor"),
            cell: (row) => (row.actor ? `${row.actor.displayName} (${row.actor.email})` : t("audit.system")),
          },
          { key: "action", header: t("audit.action"), cell: (row) => actionLabel(row.action) },
          { key: "entity", header: t("audit.entity"), cell: (row) => row.entity },
          {
            key: "change",
            header: t("audit.change"),
            // Each field in words: "상태: 평가 → 종료"; a value only known before (a removal) says so.
            cell: (row) =>
              row.changes.length === 0 ? null : (
                <dl className="audit-changes">
                  {row.changes.map((change) => (
                    <div key={change.field}>
                      <dt>{change.field}</dt>
                      <dd>
                        {change.after === null
                          ? t("audit.beforeOnly", { before: change.before })
                          : change.before === null
                            ? change.after
                            : t("audit.fromTo", { before: change.before, after: change.after })}
                      </dd>
                    </div>
                  ))}
                </dl>
              ),
          },
        ]}
      />
      {pages > 1 ? (
        <nav aria-label={t("audit.page", { page })} className="pager">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("audit.previous")}</Link> : null}{" "}
          <span>{t("audit.page", { page })}</span>{" "}
          {page < pages ? <Link to={pageLink(page + 1)}>{t("audit.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
