/**
 * Test doubles for Stripe, which cannot be reached from tests: events signed exactly as Stripe signs them
 * (so the real verification runs), and a local HTTP server answering the few API calls billing makes.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { parsePlanCode } from "@mentoring/domain";
import Stripe from "stripe";

const signer = new Stripe("sk_test_signing_only");
const id = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;

/** A webhook request body and its Stripe-Signature header. */
export function signedWebhook(event: object, secret: string, timestamp?: number) {
  const body = JSON.stringify(event);
  const header = signer.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    ...(timestamp !== undefined && { timestamp }),
  });
  return { body, header };
}

function eventOf(type: string, created: number, object: object) {
  return {
    id: id("evt"),
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export interface SubscriptionFixture {
  subscriptionId: string;
  customerId: string;
  status: string;
  planCode: string;
  /** Unix seconds. */
  periodEnd: number;
  tenantId?: string;
  collection?: "send_invoice" | "charge_automatically";
}

/** A subscription object shaped as Stripe's API version 2026-10 sends it. */
export function subscriptionObject(fixture: SubscriptionFixture) {
  const plan = parsePlanCode(fixture.planCode);
  const collection = fixture.collection ?? "send_invoice";
  return {
    id: fixture.subscriptionId,
    object: "subscription",
    customer: fixture.customerId,
    status: fixture.status,
    collection_method: collection,
    days_until_due: collection === "send_invoice" ? 30 : null,
    currency: "krw",
    metadata: { ...(fixture.tenantId && { tenantId: fixture.tenantId }), planCode: fixture.planCode },
    items: {
      object: "list",
      has_more: false,
      data: [
        {
          id: id("si"),
          object: "subscription_item",
          current_period_start: fixture.periodEnd - 30 * 24 * 3600,
          current_period_end: fixture.periodEnd,
          quantity: 1,
          price: {
            id: `price_${fixture.planCode}`,
            object: "price",
            currency: "krw",
            lookup_key: fixture.planCode,
            metadata: { planCode: fixture.planCode },
            unit_amount: plan?.priceKrw ?? 0,
            recurring: { interval: plan?.interval === "yearly" ? "year" : "month", interval_count: 1 },
          },
        },
      ],
    },
  };
}

export function subscriptionEvent(
  type: "customer.subscription.created" | "customer.subscription.updated" | "customer.subscription.deleted",
  created: number,
  fixture: SubscriptionFixture,
) {
  return eventOf(type, created, subscriptionObject(fixture));
}

export interface InvoiceFixture {
  customerId: string;
  subscriptionId: string | null;
  status: "draft" | "open" | "paid" | "uncollectible" | "void";
  total: number;
  created: number;
  number?: string;
}

export function invoiceObject(fixture: InvoiceFixture) {
  return {
    id: id("in"),
    object: "invoice",
    customer: fixture.customerId,
    number: fixture.number ?? `MENTOR-${randomBytes(2).toString("hex").toUpperCase()}-0001`,
    status: fixture.status,
    currency: "krw",
    total: fixture.total,
    amount_due: fixture.status === "paid" ? 0 : fixture.total,
    amount_paid: fixture.status === "paid" ? fixture.total : 0,
    created: fixture.created,
    due_date: fixture.created + 30 * 24 * 3600,
    collection_method: "send_invoice",
    hosted_invoice_url: `https://invoice.stripe.com/i/${id("test")}`,
    parent: fixture.subscriptionId
      ? {
          type: "subscription_details",
          quote_details: null,
          subscription_details: { metadata: {}, subscription: fixture.subscriptionId },
        }
      : null,
  };
}

export function invoiceEvent(
  type: "invoice.paid" | "invoice.payment_failed",
  created: number,
  fixture: Omit<InvoiceFixture, "created">,
) {
  return eventOf(type, created, invoiceObject({ ...fixture, created }));
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The form-encoded body as Stripe's SDK sends it: keys like "metadata[tenantId]". */
  form: URLSearchParams;
  headers: IncomingMessage["headers"];
}

export interface StripeDouble {
  /** For STRIPE_API_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Invoices GET /v1/invoices answers with. */
  invoices: ReturnType<typeof invoiceObject>[];
  /** Lookup keys GET /v1/prices knows; by default every plan. */
  priceLookupKeys: Set<string> | null;
  close(): Promise<void>;
}

/**
 * A stand-in for api.stripe.com on 127.0.0.1 (random port): POST /v1/customers, GET /v1/prices,
 * POST /v1/subscriptions, GET /v1/invoices. It records every request and answers with objects shaped as
 * Stripe's; anything else gets Stripe's 404 error shape.
 */
export async function startStripeDouble(): Promise<StripeDouble> {
  const double: Omit<StripeDouble, "url" | "close"> = { requests: [], invoices: [], priceLookupKeys: null };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://stripe.test");
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const method = request.method ?? "GET";
      double.requests.push({
        method,
        path: url.pathname,
        query: url.searchParams,
        form,
        headers: request.headers,
      });
      const reply = (status: number, body: object) => {
        response.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
        response.end(JSON.stringify(body));
      };
      const list = (data: object[]) => ({ object: "list", data, has_more: false, url: url.pathname });
      const route = `${method} ${url.pathname}`;
      if (route === "POST /v1/customers") {
        const metadata = Object.fromEntries(
          [...form].flatMap(([key, value]) => {
            const match = /^metadata\[(.+)\]$/.exec(key);
            return match ? [[match[1], value]] : [];
          }),
        );
        return reply(200, {
          id: id("cus"),
          object: "customer",
          name: form.get("name"),
          email: form.get("email"),
          metadata,
          preferred_locales: form.getAll("preferred_locales[0]"),
        });
      }
      if (route === "GET /v1/prices") {
        const keys = [...url.searchParams].filter(([key]) => key.startsWith("lookup_keys")).map(([, v]) => v);
        const known = keys.filter((key) => parsePlanCode(key) && (double.priceLookupKeys?.has(key) ?? true));
        return reply(
          200,
          list(
            known.map((key) => ({
              id: `price_${key}`,
              object: "price",
              active: true,
              currency: "krw",
              lookup_key: key,
              metadata: { planCode: key },
              unit_amount: parsePlanCode(key)?.priceKrw,
            })),
          ),
        );
      }
      if (route === "POST /v1/subscriptions") {
        const planCode = form.get("metadata[planCode]") ?? "";
        const collection =
          form.get("collection_method") === "charge_automatically" ? "charge_automatically" : "send_invoice";
        return reply(
          200,
          subscriptionObject({
            subscriptionId: id("sub"),
            customerId: form.get("customer") ?? "",
            // Invoiced subscriptions start active (the invoice is open); a card one waits for payment.
            status: collection === "send_invoice" ? "active" : "incomplete",
            planCode,
            periodEnd: Math.floor(Date.now() / 1000) + 30 * 24 * 3600,
            tenantId: form.get("metadata[tenantId]") ?? undefined,
            collection,
          }),
        );
      }
      if (route === "GET /v1/invoices") {
        const customer = url.searchParams.get("customer");
        return reply(200, list(double.invoices.filter((invoice) => invoice.customer === customer)));
      }
      return reply(404, {
        error: { type: "invalid_request_error", message: `Unrecognized request URL (${route})` },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(double, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }) as StripeDouble;
}
