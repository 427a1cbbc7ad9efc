import type { SubmissionResult } from "@conform-to/react";
import { unstable_coerceFormValue as coerceFormValue, parseWithZod } from "@conform-to/zod";
import type { TenantDb, TenantSql } from "@mentoring/db";
import { AppError, can, fieldIssueOf, type Permission } from "@mentoring/domain";
import { type Locale, messageKey } from "@mentoring/i18n";
import { withRequestId } from "@mentoring/jobs";
import { type AccessView, recordAccess } from "@mentoring/tenants";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import type { TFunction } from "i18next";
import { type ZodErrorMap, z } from "zod";
import {
  type Access,
  notFound,
  platformGate,
  requireCsrf,
  screenFormPost,
  type TenantAccess,
  tag,
  tenantGate,
  withBodyLimit,
} from "./guard.server";
import { localeOf, translatorFor } from "./i18n.server";
import { noteWrites, seenWalPosition } from "./read-your-writes.server";
import type { Refusal } from "./refusal";
import { type BodyKind, bodyLimits } from "./request-body.server";
import type { Services } from "./services.server";
import { requireUser, type SignedInUser } from "./session.server";

/**
 * The one way a page's loader or action is built. It declares what the handler needs and hands it over
 * resolved: who may run it (guard.server.ts: membership and permission, CSRF, read-only tenants), the
 * URL's params and search params and the submitted form parsed by zod, the reader's locale and
 * translator. Expected refusals (AppError) become a translated reply in one place: a 404 page for what is
 * not there, and for an action the form's errors with the error's status. The handler only does the
 * page's work. Machine endpoints (webhooks, the REST API) keep their own guards in guard.server.ts.
 */

/** The dotted path of a form field → its visible name, for messages that name it ("{{field}}: …"). */
export type FieldNamer = (path: string, t: TFunction) => string | null;

export interface PageSpec<P extends z.ZodTypeAny, Q extends z.ZodTypeAny> {
  /** The route's URL params; anything that does not parse is a 404 (as a page that is not there). */
  params?: P;
  /**
   * The URL's search params (filters, page numbers), parsed like a form; give fields defaults or
   * `.catch()` so that a hand-edited address still shows the page. What does not parse is a 400 page.
   */
  query?: Q;
}

export interface FormSpec<F extends z.ZodTypeAny> {
  /** The submitted form (conform's parseWithZod: "" is no value, numbers and booleans coerced). */
  form?: F;
  /** Names fields in the messages of invalid values; without it a message names no field. */
  fieldName?: FieldNamer;
  /** Fields whose submitted value is not sent back with a refusal (passwords). */
  hideFields?: string[];
}

/** What every handler receives. */
export interface PageContext<P = unknown, Q = unknown> {
  request: Request;
  params: P;
  query: Q;
  services: Services;
  requestId: string;
  /** Content-Security-Policy nonce for this response's inline scripts. */
  nonce: string;
  /** The client's address (for throttling by address). */
  clientAddress: string;
  locale: Locale;
  t: TFunction;
}

/**
 * A read that shows someone's personal data to someone else declares it: from what the read returned, the
 * kind of view and whose data (or null when it showed nobody's). The builder writes the access log's row
 * (who, whose, what, when, from where) in the read's own transaction; if that write fails the read fails
 * with it, and the page is not shown (issue 17: no view of personal data goes unrecorded).
 */
export interface AccessLogOption<T> {
  accessLog?: (result: T) => AccessView | null;
}

export type TenantReadOptions<T> =
  | (AccessLogOption<T> & { replica?: never })
  | {
      /**
       * The read may be served by the read replica (ADR 0028): the reports' and dashboards' pages. Someone
       * who wrote since the replica last caught up is read from the primary, so their own writes show.
       * Never with an access log: that row is a write, and a replica takes none.
       */
      replica: true;
      accessLog?: never;
    };

/** What a tenant page's handler receives besides. */
export interface TenantExtras extends TenantAccess {
  /** Whether the member also holds `permission` (to show or hide what they may do). */
  may(permission: Permission): boolean;
  /** Runs `work` in one transaction in this tenant's row-level-security context. */
  withTenant<T>(work: (db: TenantDb) => Promise<T>, options?: TenantReadOptions<T>): Promise<T>;
  /** The same with SQL as written, for the reads of the pages opened most (ADR 0019). */
  withTenantSql<T>(work: (sql: TenantSql) => Promise<T>, options?: AccessLogOption<T>): Promise<T>;
}

export type TenantContext<P = unknown, Q = unknown> = PageContext<P, Q> & TenantExtras;

type Args = LoaderFunctionArgs | ActionFunctionArgs;

/** Who may run a handler, and what letting them in gives it (the gate throws the answer otherwise). */
interface Gate<A> {
  access: Access;
  open(args: Args): Promise<A>;
}

/**
 * C0 control characters other than tab, line feed and carriage return (a textarea's newline): no one types
 * them, PostgreSQL refuses NUL in text, and the rest would end up in certificates, mails and exports.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** In an address no control character at all is typed, tab and line feed included. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
const addressControlCharacter = /[\u0000-\u001F\u007F]/;

/**
 * The address, screened before the gate or anyone reads it: a control character in a URL param (the
 * tenant's slug, an id) is no page there, 404; one in the search params is a 400 page saying why. None
 * reaches the database, whose text refuses NUL.
 */
export async function screenAddress(args: Args): Promise<void> {
  if (Object.values(args.params).some((value) => value && addressControlCharacter.test(value)))
    throw notFound();
  const search = new URL(args.request.url).searchParams;
  for (const [name, value] of search) {
    if (!addressControlCharacter.test(name) && !addressControlCharacter.test(value)) continue;
    throw badRequest((await translatorFor(args.request))("error.addressControlCharacter"));
  }
}

/** A 400 whose body is the translated reason, which the error page shows. */
function badRequest(reason: string): Response {
  return new Response(reason, {
    status: 400,
    statusText: "Bad Request",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

const anyParams = z.unknown();

/**
 * A schema that reads form values as conform does ("" is no value; numbers, booleans and dates from
 * text), made once per schema: conform builds it anew on every parse, a dozen zod objects per field.
 */
const coercedSchemas = new WeakMap<z.ZodTypeAny, z.ZodTypeAny>();
function coercing<S extends z.ZodTypeAny>(schema: S): S {
  let coerced = coercedSchemas.get(schema);
  if (!coerced) {
    coerced = coerceFormValue(schema) as z.ZodTypeAny;
    coercedSchemas.set(schema, coerced);
  }
  return coerced as S;
}

async function pageContext<P extends z.ZodTypeAny, Q extends z.ZodTypeAny>(
  args: Args,
  spec: PageSpec<P, Q>,
): Promise<PageContext<z.infer<P>, z.infer<Q>>> {
  const params = (spec.params ?? anyParams).safeParse(args.params);
  if (!params.success) throw notFound();
  const query = spec.query
    ? parseWithZod(new URL(args.request.url).searchParams, {
        schema: coercing(spec.query),
        disableAutoCoercion: true,
      })
    : null;
  if (query && query.status !== "success")
    throw badRequest((await translatorFor(args.request))("error.badRequestHelp"));
  return {
    request: args.request,
    params: params.data,
    query: query?.value,
    services: args.context.services,
    requestId: args.context.requestId,
    clientAddress: args.context.clientAddress,
    nonce: args.context.nonce,
    locale: await localeOf(args.request),
    t: await translatorFor(args.request),
  };
}

/**
 * The headers a refusal answers with besides its status: Retry-After when it says to come back later. They
 * go on the reply itself and on the request's reply headers, which reach the response whichever way Remix
 * renders it.
 */
function refusalHeaders(error: AppError, args: Args): Headers {
  const headers = new Headers();
  const seconds = error.details.retryAfterSeconds;
  if (seconds !== undefined) {
    headers.set("Retry-After", String(Math.max(1, Math.ceil(seconds))));
    args.context.replyHeaders ??= new Headers();
    args.context.replyHeaders.set("Retry-After", headers.get("Retry-After") as string);
  }
  return headers;
}

/** In a loader, a refusal is a page: 404 for what is not there (or not the tenant's), else its status. */
function loaderRefusal(error: unknown, t: TFunction, args: Args): never {
  if (!(error instanceof AppError)) throw error;
  if (error.status === 404) throw notFound();
  throw new Response(t(messageKey(error.messageKey), error.params), {
    status: error.status,
    headers: refusalHeaders(error, args),
  });
}

function buildLoader<A, P extends z.ZodTypeAny, Q extends z.ZodTypeAny, R>(
  gate: Gate<A>,
  spec: PageSpec<P, Q>,
  handler: (context: PageContext<z.infer<P>, z.infer<Q>> & A) => Promise<R>,
) {
  return tag(
    (args: LoaderFunctionArgs) =>
      // Jobs a loader enqueues carry the request's id, as an action's do.
      withRequestId(args.context.requestId, async () => {
        await screenAddress(args);
        const extras = await gate.open(args);
        const context = { ...(await pageContext(args, spec)), ...extras };
        try {
          return await handler(context);
        } catch (error) {
          loaderRefusal(error, context.t, args);
        }
      }),
    gate.access,
  );
}

/** The translated message of each issue zod finds, naming its field as the page labels it. */
function translatingErrorMap(t: TFunction, fieldName: FieldNamer | undefined): ZodErrorMap {
  return (issue, context) => {
    const field = fieldName?.(issue.path.join("."), t) ?? "";
    // This map runs after the schema's own (`required_error`, an enum's `message`), whose key arrives as
    // the default: a schema that names its message keeps it.
    if (keyPattern.test(context.defaultError))
      return { message: t(messageKey(context.defaultError), { field }) };
    const { message, params } = fieldIssueOf({ ...issue, message: "" });
    return { message: t(messageKey(message), { ...params, field }) };
  };
}

/** An i18n key, as opposed to a message already worded ("{{field}}: …" from the error map). */
const keyPattern = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;

/**
 * A message the schema sets itself (`.min(1, "form.required")`, a refinement's message) bypasses the error
 * map: zod keeps it as written, an i18n key, which is translated here.
 */
function translateSchemaMessages(
  reply: SubmissionResult<string[]>,
  t: TFunction,
  fieldName: FieldNamer | undefined,
): SubmissionResult<string[]> {
  if (!reply.error) return reply;
  const error = Object.fromEntries(
    Object.entries(reply.error).map(([path, messages]) => [
      path,
      messages?.map((message) =>
        keyPattern.test(message) ? t(messageKey(message), { field: fieldName?.(path, t) ?? "" }) : message,
      ) ?? null,
    ]),
  );
  return { ...reply, error };
}

/** An AppError's message and, for invalid input, one translated message per field. */
export function translateRefusal(error: AppError, t: TFunction, fieldName: FieldNamer | undefined) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.details.fields ?? []) {
    if (fieldErrors[issue.path]) continue;
    const before = issue.params.beforePath;
    const params = {
      ...issue.params,
      field: fieldName?.(issue.path, t) ?? "",
      ...(typeof before === "string" ? { before: fieldName?.(before, t) ?? before } : {}),
    };
    fieldErrors[issue.path] = [t(messageKey(issue.message), params)];
  }
  return { formErrors: [t(messageKey(error.messageKey), error.params)], fieldErrors };
}

/**
 * Every submitted field holding a control character (a file's name too), refused with a translated message
 * beside it, whatever the form's schema says: one place for every form. Null when there is none.
 */
function controlCharacterErrors(formData: FormData, t: TFunction, fieldName: FieldNamer | undefined) {
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, value] of formData.entries()) {
    const text = typeof value === "string" ? value : value.name;
    if (!controlCharacter.test(text) && !controlCharacter.test(name)) continue;
    // A name that is itself hostile is no field of the form: the message is the form's.
    const path = controlCharacter.test(name) ? "" : name;
    // Beside its field the message needs no name; a page that names its fields has it said anyway.
    const field = fieldName?.(path, t);
    fieldErrors[path] = [field ? t("form.controlCharacterIn", { field }) : t("form.controlCharacter")];
  }
  if (Object.keys(fieldErrors).length === 0) return null;
  const { "": formLevel, ...byField } = fieldErrors;
  return { formErrors: formLevel ?? [t("form.errorSummary")], fieldErrors: byField };
}

type ActionHandlerContext<
  A,
  P extends z.ZodTypeAny,
  Q extends z.ZodTypeAny,
  F extends z.ZodTypeAny,
> = PageContext<z.infer<P>, z.infer<Q>> & A & { form: z.infer<F> };

/** A form's fields as the browser sent them, before the form's schema read them: each name's first text. */
export type SubmittedFields = Readonly<Record<string, string | undefined>>;

function submittedFields(formData: FormData): SubmittedFields {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData.entries())
    if (typeof value === "string" && !(name in fields)) fields[name] = value;
  return fields;
}

interface ActionSpec<A, P extends z.ZodTypeAny, Q extends z.ZodTypeAny, F extends z.ZodTypeAny, Extra, Which>
  extends PageSpec<P, Q>,
    FormSpec<F> {
  /**
   * Which of the page's forms a refusal answers (the row, item or team it is about), read from the fields
   * as sent: added to every refusal, the schema's and the control-character screen's too, so that a page
   * with a form per row shows each refusal beside the form that was sent.
   */
  whichForm?: (submitted: SubmittedFields) => Which;
  /** What else a use case's refusal tells the page (e.g. the problems it found, listed). */
  onRefusal?: (error: AppError, context: ActionHandlerContext<A, P, Q, F>) => Extra;
  /** What the form carries, for its size limit (request-body.server.ts): fields unless it uploads files. */
  body?: PageBody;
}

type PageBody = Extract<BodyKind, "form" | "directoryUpload" | "brandingImages">;

function buildAction<
  A,
  P extends z.ZodTypeAny,
  Q extends z.ZodTypeAny,
  F extends z.ZodTypeAny,
  R,
  Extra,
  Which,
>(
  gate: Gate<A>,
  spec: ActionSpec<A, P, Q, F, Extra, Which>,
  handler: (context: ActionHandlerContext<A, P, Q, F>) => Promise<R>,
) {
  const bodyLimit = bodyLimits[spec.body ?? "form"];
  const action = tag(
    (received: ActionFunctionArgs) =>
      // Every outbox row the action writes carries the request's id, and so do the jobs made from them.
      withRequestId(received.context.requestId, () => runAction(received)),
    gate.access,
  );
  const runAction = async (received: ActionFunctionArgs) => {
    // Screened and limited before anyone, the gate's CSRF check included, reads the body.
    const args = screenFormPost(received, bodyLimit);
    await screenAddress(args);
    const extras = await gate.open(args);
    const context = { ...(await pageContext(args, spec)), ...extras };
    const formData = spec.form ? await args.request.formData() : null;
    const submission =
      formData && spec.form
        ? parseWithZod(formData, {
            schema: coercing(spec.form),
            disableAutoCoercion: true,
            errorMap: translatingErrorMap(context.t, spec.fieldName),
          })
        : null;
    const hideFields = spec.hideFields ?? [];
    const controlled = formData ? controlCharacterErrors(formData, context.t, spec.fieldName) : null;
    const which = formData ? spec.whichForm?.(submittedFields(formData)) : undefined;
    if (submission && (submission.status !== "success" || controlled)) {
      const reply = translateSchemaMessages(
        submission.reply({ hideFields, ...controlled }),
        context.t,
        spec.fieldName,
      );
      return data({ ...which, ...reply } as Refusal<Extra & Which>, { status: 400 });
    }
    const withForm = { ...context, form: submission?.value as z.infer<F> };
    try {
      return await handler(withForm);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.status === 404) throw notFound();
      const translated = translateRefusal(error, context.t, spec.fieldName);
      const reply = submission
        ? submission.reply({ ...translated, hideFields })
        : { status: "error" as const, error: { "": translated.formErrors, ...translated.fieldErrors } };
      // The page's details first: conform's own fields (intent, initialValue, error…) must stay its own.
      const refusal = {
        ...which,
        ...spec.onRefusal?.(error, withForm),
        ...reply,
        status: "error",
        code: error.code,
      } as Refusal<Extra & Which>;
      return data(refusal, { status: error.status, headers: refusalHeaders(error, args) });
    } finally {
      // Whatever the handler wrote has committed (or never will): the browser's later replica reads wait
      // for it (read-your-writes, ADR 0028).
      await noteWrites(args.context);
    }
  };
  return withBodyLimit(action, bodyLimit);
}

// ---------------------------------------------------------------------------------------------------------
// Gates

function tenantGateFor(permission: Permission): Gate<TenantExtras> {
  return {
    access: { kind: "tenant", permission },
    async open(args) {
      const access = await tenantGate(args, permission);
      const { db } = args.context.services;
      const viewer = {
        tenantId: access.tenant.id,
        viewerUserId: access.user.id,
        viewerStaffMemberId: access.membership.staffMemberId,
        clientAddress: args.context.clientAddress,
        requestId: args.context.requestId,
      };
      /** The work, then its access log row when it declares one, in the same transaction. */
      const logged =
        <D extends TenantDb | TenantSql, T>(work: (db: D) => Promise<T>, options?: AccessLogOption<T>) =>
        async (tx: D) => {
          const result = await work(tx);
          const view = options?.accessLog?.(result);
          if (view) await recordAccess(tx, { ...viewer, ...view });
          return result;
        };
      return {
        ...access,
        may: (other: Permission) => can(access.membership.roles, other),
        withTenant: async <T>(work: (db: TenantDb) => Promise<T>, options?: TenantReadOptions<T>) =>
          options?.replica
            ? db.withTenantReplica(access.tenant.id, work, {
                notBefore: await seenWalPosition(args.request, args.context),
              })
            : db.withTenant(access.tenant.id, logged(work, options)),
        withTenantSql: <T>(work: (sql: TenantSql) => Promise<T>, options?: AccessLogOption<T>) =>
          db.withTenantSql(access.tenant.id, logged(work, options)),
      };
    },
  };
}

const publicGate: Gate<object> = {
  access: { kind: "public" },
  async open(args) {
    await requireCsrf(args);
    return {};
  },
};

const signedInGate: Gate<{ user: SignedInUser }> = {
  access: { kind: "signed_in" },
  async open(args) {
    await requireCsrf(args);
    return { user: await requireUser(args.request, args.context.services) };
  },
};

function platformGateFor(permission: Permission): Gate<{ user: SignedInUser }> {
  return {
    access: { kind: "platform", permission },
    open: async (args) => ({ user: await platformGate(args, permission) }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Builders: a loader and an action for each kind of page.

/** A page under /{tenant}/: members holding `permission` (404 to outsiders, 403 to other members). */
export function tenantLoader<P extends z.ZodTypeAny, Q extends z.ZodTypeAny, R>(
  spec: PageSpec<P, Q> & { permission: Permission },
  handler: (context: TenantContext<z.infer<P>, z.infer<Q>>) => Promise<R>,
) {
  return buildLoader(tenantGateFor(spec.permission), spec, handler);
}

export function tenantAction<
  P extends z.ZodTypeAny,
  Q extends z.ZodTypeAny,
  F extends z.ZodTypeAny,
  R,
  Extra extends object = object,
  Which extends object = object,
>(
  spec: ActionSpec<TenantExtras, P, Q, F, Extra, Which> & { permission: Permission },
  handler: (context: ActionHandlerContext<TenantExtras, P, Q, F>) => Promise<R>,
) {
  return buildAction(tenantGateFor(spec.permission), spec, handler);
}

/** A page under /platform/ (operator) or /insights/ (national analyst). */
export function platformLoader<P extends z.ZodTypeAny, Q extends z.ZodTypeAny, R>(
  spec: PageSpec<P, Q> & { permission: Permission },
  handler: (context: PageContext<z.infer<P>, z.infer<Q>> & { user: SignedInUser }) => Promise<R>,
) {
  return buildLoader(platformGateFor(spec.permission), spec, handler);
}

export function platformAction<
  P extends z.ZodTypeAny,
  Q extends z.ZodTypeAny,
  F extends z.ZodTypeAny,
  R,
  Extra extends object = object,
  Which extends object = object,
>(
  spec: ActionSpec<{ user: SignedInUser }, P, Q, F, Extra, Which> & { permission: Permission },
  handler: (context: ActionHandlerContext<{ user: SignedInUser }, P, Q, F>) => Promise<R>,
) {
  return buildAction(platformGateFor(spec.permission), spec, handler);
}

/** A page for anyone signed in, whatever their roles. */
export function signedInLoader<P extends z.ZodTypeAny, Q extends z.ZodTypeAny, R>(
  spec: PageSpec<P, Q>,
  handler: (context: PageContext<z.infer<P>, z.infer<Q>> & { user: SignedInUser }) => Promise<R>,
) {
  return buildLoader(signedInGate, spec, handler);
}

export function signedInAction<
  P extends z.ZodTypeAny,
  Q extends z.ZodTypeAny,
  F extends z.ZodTypeAny,
  R,
  Extra extends object = object,
  Which extends object = object,
>(
  spec: ActionSpec<{ user: SignedInUser }, P, Q, F, Extra, Which>,
  handler: (context: ActionHandlerContext<{ user: SignedInUser }, P, Q, F>) => Promise<R>,
) {
  return buildAction(signedInGate, spec, handler);
}

/** A page for anyone, signed in or not (sign-in, password reset, sign-up, the public certificate check). */
export function publicLoader<P extends z.ZodTypeAny, Q extends z.ZodTypeAny, R>(
  spec: PageSpec<P, Q>,
  handler: (context: PageContext<z.infer<P>, z.infer<Q>>) => Promise<R>,
) {
  return buildLoader(publicGate, spec, handler);
}

export function publicAction<
  P extends z.ZodTypeAny,
  Q extends z.ZodTypeAny,
  F extends z.ZodTypeAny,
  R,
  Extra extends object = object,
  Which extends object = object,
>(
  spec: ActionSpec<object, P, Q, F, Extra, Which>,
  handler: (context: ActionHandlerContext<object, P, Q, F>) => Promise<R>,
) {
  return buildAction(publicGate, spec, handler);
}
