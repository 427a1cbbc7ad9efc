import { billingIntervals, type PlanBand } from "@mentoring/domain";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import {
  brnForm,
  loadTenantBilling,
  saveBusinessRegistrationNumber,
  startSubscription,
  subscribeForm,
} from "../services/billing.server";
import { formatDateTime, formatMoney, formatNumber } from "../services/format.server";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** The tenant admin's billing: plan, status, invoices, and starting the subscription. */
export const loader = tenantRoute("billing.manage", async ({ request, context, tenant }) => {
  const billing = await loadTenantBilling(context.services, tenant);
  const locale = await localeOf(request);
  const day = (iso: string | null) =>
    iso ? formatDateTime(new Date(iso), locale, tenant.timeZone, { dateStyle: "long" }) : "–";
  return {
    ...billing,
    text: {
      bannerDate: day(billing.access.banner?.date ?? null),
      price: billing.plan ? formatMoney(billing.plan.priceKrw, locale) : "",
      currentPeriodEnd: day(billing.currentPeriodEnd),
      staffCount: formatNumber(billing.staffCount, locale),
      monthly: formatMoney(billing.suggested.monthlyKrw, locale),
      yearly: formatMoney(billing.suggested.yearlyKrw, locale),
    },
    invoices: billing.invoices.map((invoice) => ({
      ...invoice,
      createdText: day(invoice.created),
      dueDateText: day(invoice.dueDate),
      totalText: formatMoney(invoice.total, locale, invoice.currency.toUpperCase()),
    })),
  };
});

export const action = tenantRoute("billing.manage", async ({ request, context, tenant, user }) => {
  const form = await request.formData();
  const intent = form.get("intent");
  const acting = { tenant, actorUserId: user.id, requestId: context.requestId };
  if (intent === "brn") {
    const parsed = brnForm.safeParse({ businessRegistrationNumber: form.get("businessRegistrationNumber") });
    if (!parsed.success) return { intent, field: "form.required" };
    const saved = await saveBusinessRegistrationNumber(context.services, {
      ...acting,
      text: parsed.data.businessRegistrationNumber,
    });
    return saved.ok ? { intent, done: true } : { intent, field: saved.field };
  }
  if (intent === "subscribe") {
    const parsed = subscribeForm.safeParse({
      businessRegistrationNumber: form.get("businessRegistrationNumber"),
      interval: form.get("interval"),
      collection: form.get("collection"),
    });
    if (!parsed.success) {
      const errors = parsed.error.flatten().fieldErrors;
      if (errors.businessRegistrationNumber) return { intent, field: "form.required" };
      throw new Response(null, { status: 400 });
    }
    const result = await startSubscription(context.services, {
      ...acting,
      email: user.email,
      input: parsed.data,
    });
    return result.ok ? { intent, done: true } : { intent, ...result };
  }
  throw new Response(null, { status: 400 });
});

export default function Billing() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const bandLabel = (band: PlanBand) => t(`billing.band.${band}`);
  const fieldError = result && "field" in result ? result.field : undefined;
  const formError = result && "error" in result ? result.error : undefined;
  const { banner } = data.access;
  const brn = data.businessRegistrationNumber;

  return (
    <>
      <h1>{t("billing.title")}</h1>
      {banner ? (
        <div className={banner.tone === "error" ? "form-error" : "form-status"} role="status">
          <p>{t(banner.messageKey, { date: data.text.bannerDate })}</p>
          {banner.reasonKey ? <p>{t(banner.reasonKey)}</p> : null}
        </div>
      ) : null}

      <section aria-labelledby="billing-summary">
        <h2 id="billing-summary">{t("billing.summary.title")}</h2>
        <dl>
          <dt>{t("billing.summary.plan")}</dt>
          <dd>
            {data.plan
              ? `${bandLabel(data.plan.band)} · ${t(`billing.interval.${data.plan.interval}`)} · ${data.text.price}`
              : t("billing.summary.noPlan")}
          </dd>
          <dt>{t("billing.summary.status")}</dt>
          <dd>{t(`billing.status.${data.subscriptionStatus ?? "none"}`)}</dd>
          <dt>{t("billing.summary.periodEnd")}</dt>
          <dd>{data.text.currentPeriodEnd}</dd>
          <dt>{t("billing.summary.staffCount")}</dt>
          <dd>{t("billing.summary.staff", { number: data.text.staffCount })}</dd>
          <dt>{t("billing.summary.brn")}</dt>
          <dd>
            {brn ? `${brn.slice(0, 3)}-${brn.slice(3, 5)}-${brn.slice(5)}` : t("billing.summary.notSet")}
          </dd>
        </dl>
      </section>

      {result?.intent === "subscribe" && "done" in result ? (
        <p role="status" className="form-status">
          {t("billing.subscribe.started")}
        </p>
      ) : null}
      {formError ? (
        <p role="alert" className="form-error">
          {t(formError)}
        </p>
      ) : null}

      {data.subscribed ? (
        <section aria-labelledby="billing-brn">
          <h2 id="billing-brn">{t("billing.brn.title")}</h2>
          {result?.intent === "brn" && "done" in result ? (
            <p role="status" className="form-status">
              {t("billing.brn.saved")}
            </p>
          ) : null}
          <Form method="post" noValidate className="narrow">
            <CsrfInput />
            <input type="hidden" name="intent" value="brn" />
            <BusinessNumberField value={brn} error={result?.intent === "brn" ? fieldError : undefined} />
            <button type="submit" disabled={busy}>
              {t("billing.brn.submit")}
            </button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="billing-subscribe">
          <h2 id="billing-subscribe">{t("billing.subscribe.title")}</h2>
          <p>
            {t("billing.subscribe.suggested", {
              number: data.text.staffCount,
              plan: bandLabel(data.suggested.band),
            })}{" "}
            {t("billing.subscribe.prices", {
              monthly: data.text.monthly,
              yearly: data.text.yearly,
            })}
          </p>
          <p>{t("billing.subscribe.vatNote")}</p>
          <Form method="post" noValidate className="narrow">
            <CsrfInput />
            <input type="hidden" name="intent" value="subscribe" />
            <BusinessNumberField
              value={brn}
              error={result?.intent === "subscribe" ? fieldError : undefined}
            />
            <fieldset>
              <legend>{t("billing.subscribe.interval")}</legend>
              {billingIntervals.map((interval) => (
                <div key={interval}>
                  <input
                    type="radio"
                    id={`interval-${interval}`}
                    name="interval"
                    value={interval}
                    defaultChecked={interval === "yearly"}
                  />{" "}
                  <label htmlFor={`interval-${interval}`}>{t(`billing.interval.${interval}`)}</label>
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t("billing.subscribe.collection")}</legend>
              <div>
                <input
                  type="radio"
                  id="collection-invoice"
                  name="collection"
                  value="send_invoice"
                  defaultChecked
                />{" "}
                <label htmlFor="collection-invoice">{t("billing.subscribe.sendInvoice")}</label>
              </div>
              <div>
                <input type="radio" id="collection-card" name="collection" value="charge_automatically" />{" "}
                <label htmlFor="collection-card">{t("billing.subscribe.chargeAutomatically")}</label>
              </div>
            </fieldset>
            <button type="submit" className="button-primary" disabled={busy}>
              {t("billing.subscribe.submit")}
            </button>
          </Form>
        </section>
      )}

      <section aria-labelledby="billing-invoices">
        <h2 id="billing-invoices">{t("billing.invoices.title")}</h2>
        {data.invoicesUnavailable ? (
          <p role="status" className="form-error">
            {t("billing.invoices.unavailable")}
          </p>
        ) : data.invoices.length === 0 ? (
          <p>{t("billing.invoices.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("billing.invoices.number")}</th>
                  <th scope="col">{t("billing.invoices.date")}</th>
                  <th scope="col">{t("billing.invoices.dueDate")}</th>
                  <th scope="col">{t("billing.invoices.amount")}</th>
                  <th scope="col">{t("billing.invoices.status")}</th>
                  <th scope="col">{t("billing.invoices.link")}</th>
                </tr>
              </thead>
              <tbody>
                {data.invoices.map((invoice) => {
                  const number = invoice.number ?? t("billing.invoices.noNumber");
                  return (
                    <tr key={invoice.id}>
                      <td>{number}</td>
                      <td>{invoice.createdText}</td>
                      <td>{invoice.dueDateText}</td>
                      <td>{invoice.totalText}</td>
                      <td>{invoice.status ? t(`billing.invoices.state.${invoice.status}`) : "–"}</td>
                      <td>
                        {invoice.hostedInvoiceUrl ? (
                          <a href={invoice.hostedInvoiceUrl} target="_blank" rel="noreferrer">
                            {t("billing.invoices.open", { number })}
                          </a>
                        ) : (
                          "–"
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The business registration number, asked for on its own and again when subscribing. */
function BusinessNumberField({ value, error }: { value: string | null; error: string | undefined }) {
  return (
    <Field
      name="businessRegistrationNumber"
      label="billing.brn.label"
      hint="billing.brn.hint"
      inputMode="numeric"
      autoComplete="off"
      defaultValue={value ?? ""}
      required
      error={error}
    />
  );
}
