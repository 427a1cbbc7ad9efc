import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../components/select-field";
import { auditQuery, searchAudit } from "../services/audit.server";
import { formatDateTime } from "../services/format.server";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** The tenant admin's search through the audit log; members without audit.view get 403. */
export const loader = tenantRoute("audit.view", async ({ request, context, tenant }) => {
  const query = auditQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await localeOf(request);
  const result = await searchAudit(context.services, tenant, query);
  const rows = result.rows.map((row) => ({
    ...row,
    at: formatDateTime(new Date(row.at), locale, tenant.timeZone, {
      dateStyle: "medium",
      timeStyle: "medium",
    }),
  }));
  return { ...result, rows, page: query.page };
});

export default function Audit() {
  const { t } = useTranslation();
  const { rows, actions, total, pages, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
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
      <Form method="get" className="filters" aria-label={t("audit.filter")}>
        <SelectField
          name="action"
          label="audit.action"
          placeholder="audit.anyAction"
          defaultValue={params.get("action") ?? ""}
          options={actions.map((action) => ({ value: action, label: actionLabel(action) }))}
        />
        <div className="field">
          <label htmlFor="actor">{t("audit.actor")}</label>
          <input id="actor" name="actor" type="search" defaultValue={params.get("actor") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="from">{t("audit.from")}</label>
          <input id="from" name="from" type="date" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("audit.to")}</label>
          <input id="to" name="to" type="date" defaultValue={params.get("to") ?? ""} />
        </div>
        <button type="submit" className="button-primary">
          {t("audit.search")}
        </button>
      </Form>
      {total === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.at}</td>
                  <td>{row.actor ? `${row.actor.displayName} (${row.actor.email})` : t("audit.system")}</td>
                  <td>{actionLabel(row.action)}</td>
                  <td>
                    <code>{row.entity}</code>
                  </td>
                  <td>
                    {row.before ? (
                      <details>
                        <summary>{t("audit.before")}</summary>
                        <pre>{row.before}</pre>
                      </details>
                    ) : null}
                    {row.after ? (
                      <details>
                        <summary>{t("audit.after")}</summary>
                        <pre>{row.after}</pre>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
