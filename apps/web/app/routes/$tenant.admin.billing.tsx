import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { billingIntervals, type PlanBand } from "@mentoring/domain";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormAnswer } from "../components/form-answer";
import { FormErrors, InputField, RadioGroupField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { presentTenantBilling } from "../presenters/tenant-billing.server";
import {
  loadTenantBilling,
  saveBusinessRegistrationNumber,
  startSubscription,
} from "../services/billing.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { invoiceStateOf, subscriptionStatusOf } from "../services/stored-codes";

export const handle = pageTitle("billing.title");

/** The tenant admin's billing: plan, status, invoices, and starting the subscription. */
export const loader = tenantLoader({ permission: "billing.manage" }, async ({ tenant, locale, services }) =>
  presentTenantBilling(await loadTenantBilling(services, tenant), locale, tenant.timeZone),
);

const businessRegistrationNumber = z
  .string({ required_error: "form.required" })
  .trim()
  .min(1, "form.required");
const brnForm = z.object({ intent: z.literal("brn"), businessRegistrationNumber });
const subscribeForm = z.object({
  intent: z.literal("subscribe"),
  businessRegistrationNumber,
  interval: z.enum(billingIntervals),
  collection: z.enum(["send_invoice", "charge_automatically"]),
});

/** Saving the registration number once subscribed, or starting the subscription. */
export const action = tenantAction(
  {
    permission: "billing.manage",
    form: z.discriminatedUnion("intent", [brnForm, subscribeForm]),
    fieldName: (path, t) => (path === "businessRegistrationNumber" ? t("billing.brn.label") : null),
  },
  async ({ form, tenant, user, requestId, services }) => {
    const acting = { tenant, actorUserId: user.id, requestId };
    if (form.intent === "brn")
      await saveBusinessRegistrationNumber(services, { ...acting, text: form.businessRegistrationNumber });
    else await startSubscription(services, { ...acting, email: user.email, input: form });
    return { done: form.intent };
  },
);

export default function Billing() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const bandLabel = (band: PlanBand) => t(`billing.band.${band}`);
  const { banner } = data.access;
  const brn = data.businessRegistrationNumber;
  const done = result && "done" in result ? result.done : undefined;
  // One of the two forms is on the page at a time: they share the registration number's field.
  const [form, fields] = useForm<{
    businessRegistrationNumber: string;
    interval: string;
    collection: string;
  }>({
    id: "billing",
    lastResult: isRefusal(result) ? result : undefined,
    defaultValue: { businessRegistrationNumber: brn ?? "", interval: "yearly", collection: "send_invoice" },
    constraint: getZodConstraint(subscribeForm),
  });
  // A refused field says so beside itself; other refusals (Stripe's) above the forms.
  const fieldsInError = Object.keys(form.allErrors).some((name) => name !== "");
  const businessNumberField = (
    <InputField
      meta={fields.businessRegistrationNumber}
      label={t("billing.brn.label")}
      hint={t("billing.brn.hint")}
      inputMode="numeric"
      autoComplete="off"
    />
  );

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
          <dd>{t(`billing.status.${subscriptionStatusOf(data.subscriptionStatus)}`)}</dd>
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

      {done === "subscribe" ? (
        <p role="status" className="form-status">
          {t("billing.subscribe.started")}
        </p>
      ) : null}
      {fieldsInError ? null : <FormErrors form={form} />}

      {data.subscribed ? (
        <section aria-labelledby="billing-brn">
          <h2 id="billing-brn">{t("billing.brn.title")}</h2>
          {done === "brn" ? <FormAnswer answer={result}>{t("billing.brn.saved")}</FormAnswer> : null}
          <Form method="post" className="narrow" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="brn" />
            {businessNumberField}
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
          <Form method="post" className="narrow" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="subscribe" />
            {businessNumberField}
            <RadioGroupField
              meta={fields.interval}
              label={t("billing.subscribe.interval")}
              options={billingIntervals.map((interval) => ({
                value: interval,
                label: t(`billing.interval.${interval}`),
              }))}
            />
            <RadioGroupField
              meta={fields.collection}
              label={t("billing.subscribe.collection")}
              options={[
                { value: "send_invoice", label: t("billing.subscribe.sendInvoice") },
                { value: "charge_automatically", label: t("billing.subscribe.chargeAutomatically") },
              ]}
            />
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
        ) : (
          <DataTable
            caption={t("billing.invoices.title")}
            captionHidden
            rows={data.invoices}
            rowKey={(invoice) => invoice.id}
            empty={t("billing.invoices.none")}
            columns={[
              {
                key: "number",
                header: t("billing.invoices.number"),
                cell: (invoice) => invoice.number ?? t("billing.invoices.noNumber"),
              },
              { key: "date", header: t("billing.invoices.date"), cell: (invoice) => invoice.createdText },
              {
                key: "dueDate",
                header: t("billing.invoices.dueDate"),
                cell: (invoice) => invoice.dueDateText,
              },
              {
                key: "amount",
                header: t("billing.invoices.amount"),
                numeric: true,
                cell: (invoice) => invoice.totalText,
              },
              {
                key: "status",
                header: t("billing.invoices.status"),
                cell: (invoice) =>
                  invoice.status ? t(`billing.invoices.state.${invoiceStateOf(invoice.status)}`) : "–",
              },
              {
                key: "link",
                header: t("billing.invoices.link"),
                cell: (invoice) =>
                  invoice.hostedInvoiceUrl ? (
                    <a href={invoice.hostedInvoiceUrl} target="_blank" rel="noreferrer">
                      {t("billing.invoices.open", {
                        number: invoice.number ?? t("billing.invoices.noNumber"),
                      })}
                    </a>
                  ) : (
                    "–"
                  ),
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
