import { getFormProps, useForm } from "@conform-to/react";
import { accessKinds } from "@mentoring/domain";
import { accessLogSearchQuery, listAccessReviews, searchAccessLog } from "@mentoring/tenants";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { InputField, SelectField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { presentAccessLogRows, presentAccessReviews } from "../presenters/access-log.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("privacyLog.page.title");

/**
 * The privacy officer's search through the personal-data access log: who viewed whose data, what, when and
 * from where, filtered by the person viewed, the viewer, the kind and the days, a page at a time, and the
 * same search as a CSV file. Members without privacy.review get 403.
 */
export const loader = tenantLoader(
  { permission: "privacy.review", query: accessLogSearchQuery },
  async ({ query, tenant, locale, t, withTenant }) => {
    const [result, reviews] = await withTenant(async (db) => [
      await searchAccessLog(db, { tenantId: tenant.id, timeZone: tenant.timeZone, search: query }),
      await listAccessReviews(db, { tenantId: tenant.id }),
    ]);
    const base = `/${tenant.slug}/admin/access-log`;
    const { page, ...filters } = query;
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value) search.set(name, String(value));
    return {
      rows: presentAccessLogRows(result.rows, { locale, timeZone: tenant.timeZone, t }),
      total: result.total,
      pages: result.pages,
      page,
      filters,
      exportCsv: `${base}/export${search.size > 0 ? `?${search.toString()}` : ""}`,
      reviews: presentAccessReviews(reviews, { locale, base }),
    };
  },
);

export default function AccessLog() {
  const { t } = useTranslation();
  const { rows, total, pages, page, filters, exportCsv, reviews } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<{ person: string; viewer: string; kind: string; from: string; to: string }>({
    id: "access-log-filter",
    defaultValue: filters,
  });
  const pageLink = (to: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(to));
    return `?${next.toString()}`;
  };
  return (
    <>
      <h1>{t("privacyLog.page.title")}</h1>
      <p>{t("privacyLog.page.intro")}</p>
      <Form method="get" className="filters" aria-label={t("privacyLog.page.filter")} {...getFormProps(form)}>
        <InputField meta={fields.person} type="search" label={t("privacyLog.page.person")} />
        <InputField meta={fields.viewer} type="search" label={t("privacyLog.page.viewer")} />
        <SelectField
          meta={fields.kind}
          label={t("privacyLog.page.kind")}
          placeholder={t("privacyLog.page.anyKind")}
          options={accessKinds.map((kind) => ({ value: kind, label: t(`privacyLog.kind.${kind}`) }))}
        />
        <InputField meta={fields.from} type="date" label={t("privacyLog.page.from")} />
        <InputField meta={fields.to} type="date" label={t("privacyLog.page.to")} />
        <button type="submit" className="button-primary">
          {t("privacyLog.page.search")}
        </button>
      </Form>
      <p>
        {t("privacyLog.page.total", { count: total })} ·{" "}
        <a href={exportCsv} download>
          {t("privacyLog.page.exportCsv")}
        </a>
      </p>
      <DataTable
        caption={t("privacyLog.page.title")}
        captionHidden
        rows={rows}
        rowKey={(row) => row.id}
        empty={t("privacyLog.page.none")}
        columns={[
          { key: "at", header: t("privacyLog.page.at"), cell: (row) => row.at },
          { key: "viewer", header: t("privacyLog.page.viewerColumn"), cell: (row) => row.viewer },
          { key: "kind", header: t("privacyLog.page.kind"), cell: (row) => row.kind },
          {
            key: "whose",
            header: t("privacyLog.page.whose"),
            cell: (row) => (
              <>
                {row.people}
                {row.whose ? <br /> : null}
                {row.whose}
              </>
            ),
          },
          { key: "object", header: t("privacyLog.page.object"), cell: (row) => row.object },
          { key: "address", header: t("privacyLog.page.address"), cell: (row) => row.address },
          { key: "requestId", header: t("privacyLog.page.requestId"), cell: (row) => row.requestId },
        ]}
      />
      {pages > 1 ? (
        <nav aria-label={t("privacyLog.page.pager")} className="pager">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("privacyLog.page.previous")}</Link> : null}{" "}
          <span>{t("privacyLog.page.page", { page })}</span>{" "}
          {page < pages ? <Link to={pageLink(page + 1)}>{t("privacyLog.page.next")}</Link> : null}
        </nav>
      ) : null}
      <h2>{t("privacyLog.reviews.title")}</h2>
      <p>{t("privacyLog.reviews.intro")}</p>
      <DataTable
        caption={t("privacyLog.reviews.title")}
        captionHidden
        rows={reviews}
        rowKey={(review) => review.id}
        empty={t("privacyLog.reviews.none")}
        columns={[
          {
            key: "month",
            header: t("privacyLog.reviews.month"),
            cell: (review) => <Link to={review.search}>{review.month}</Link>,
          },
          { key: "views", header: t("privacyLog.reviews.views"), cell: (review) => review.views },
          { key: "exports", header: t("privacyLog.reviews.exports"), cell: (review) => review.exports },
          {
            key: "outOfHours",
            header: t("privacyLog.reviews.outOfHours"),
            cell: (review) => review.outOfHours,
          },
          { key: "unusual", header: t("privacyLog.reviews.unusual"), cell: (review) => review.unusual },
          {
            key: "recipients",
            header: t("privacyLog.reviews.recipients"),
            cell: (review) => review.recipients,
          },
        ]}
      />
    </>
  );
}
