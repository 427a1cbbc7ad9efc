import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { TenantDb } from "@mentoring/db";
import { AppError, can, fieldIssueOf, type Permission } from "@mentoring/domain";
import type { Locale } from "@mentoring/i18n";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import type { TFunction } from "i18next";
import { type ZodErrorMap, z } from "zod";
import { notFound, type TenantAccess, tagTenant, tenantGate } from "./guard.server";
import { localeOf, translatorFor } from "./i18n.server";
import type { Services } from "./services.server";

/**
 * The one way a tenant page's loader or action is built. It declares what the handler needs and hands it
 * over resolved: who may run it (membership and permission, CSRF, read-only tenants: guard.server.ts), the
 * URL's params and the submitted form parsed by zod, the reader's locale and translator. Expected refusals
 * (AppError) become a translated reply in one place: a 404 page for what is not the tenant's, and for an
 * action the form's errors with the error's status. The handler only does the page's work.
 */

/** The dotted path of a form field → its visible name, for messages that name it ("{{field}}: …"). */
export type FieldNamer = (path: string, t: TFunction) => string | null;

interface Spec<P extends z.ZodTypeAny> {
  permission: Permission;
  /** The route's URL params; anything that does not parse is a 404 (as a page that is not there). */
  params?: P;
}

interface ActionSpec<P extends z.ZodTypeAny, F extends z.ZodTypeAny> extends Spec<P> {
  /** The submitted form (conform's parseWithZod: "" is no value, numbers and booleans coerced). */
  form?: F;
  /** Names fields in the messages of invalid values; without it a message names no field. */
  fieldName?: FieldNamer;
}

export interface TenantContext<P> extends TenantAccess {
  request: Request;
  params: P;
  services: Services;
  requestId: string;
  locale: Locale;
  t: TFunction;
  /** Whether the member also holds `permission` (to show or hide what they may do). */
  may(permission: Permission): boolean;
  /** Runs `work` in one transaction in this tenant's row-level-security context. */
  withTenant<T>(work: (db: TenantDb) => Promise<T>): Promise<T>;
}

type Args = LoaderFunctionArgs | ActionFunctionArgs;

/**
 * What an action answers when it refuses: conform's submission result (the form's values and errors by
 * field, "" for the form as a whole), the refusal's code when it came from a use case, and anything the
 * route's `onRefusal` adds for its page.
 */
export type Refusal<Extra = object> = SubmissionResult<string[]> & {
  status: "error";
  code?: string;
} & Partial<Extra>;

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && (value as { status?: unknown }).status === "error";
}

async function tenantContext<P extends z.ZodTypeAny>(
  args: Args,
  spec: Spec<P>,
): Promise<TenantContext<z.infer<P>>> {
  const access = await tenantGate(args, spec.permission);
  const params = (spec.params ?? z.unknown()).safeParse(args.params);
  if (!params.success) throw notFound();
  const { services, requestId } = args.context;
  const locale = await localeOf(args.request);
  return {
    ...access,
    request: args.request,
    params: params.data,
    services,
    requestId,
    locale,
    t: await translatorFor(args.request),
    may: (permission) => can(access.membership.roles, permission),
    withTenant: (work) => services.db.withTenant(access.tenant.id, work),
  };
}

/** In a loader, a refusal is a page: 404 for what is not there (or not the tenant's), else its status. */
function loaderRefusal(error: unknown, t: TFunction): never {
  if (!(error instanceof AppError)) throw error;
  if (error.status === 404) throw notFound();
  throw new Response(t(error.messageKey, error.params), { status: error.status });
}

/** A tenant page's loader. */
export function tenantLoader<P extends z.ZodTypeAny, R>(
  spec: Spec<P>,
  handler: (context: TenantContext<z.infer<P>>) => Promise<R>,
) {
  return tagTenant(async (args: LoaderFunctionArgs) => {
    const context = await tenantContext(args, spec);
    try {
      return await handler(context);
    } catch (error) {
      loaderRefusal(error, context.t);
    }
  }, spec.permission);
}

/** The translated message of each issue zod finds, naming its field as the page labels it. */
function translatingErrorMap(t: TFunction, fieldName: FieldNamer | undefined): ZodErrorMap {
  return (issue) => {
    const { message, params } = fieldIssueOf({ ...issue, message: "" });
    const field = fieldName?.(issue.path.join("."), t) ?? "";
    return { message: t(message, { ...params, field }) };
  };
}

/** An AppError's message and, for invalid input, one translated message per field. */
function translateRefusal(error: AppError, t: TFunction, fieldName: FieldNamer | undefined) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.details.fields ?? []) {
    if (fieldErrors[issue.path]) continue;
    const before = issue.params.beforePath;
    const params = {
      ...issue.params,
      field: fieldName?.(issue.path, t) ?? "",
      ...(typeof before === "string" ? { before: fieldName?.(before, t) ?? before } : {}),
    };
    fieldErrors[issue.path] = [t(issue.message, params)];
  }
  return { formErrors: [t(error.messageKey, error.params)], fieldErrors };
}

/**
 * A tenant page's action. With `form`, the handler receives the parsed form, and an invalid form is
 * answered (400) without running it. A refusal the handler throws (AppError) is answered with its status:
 * 404 as a page, anything else as the form's errors (`onRefusal` may add page-specific details).
 */
export function tenantAction<
  P extends z.ZodTypeAny,
  F extends z.ZodTypeAny,
  R,
  Extra extends object = object,
>(
  spec: ActionSpec<P, F> & {
    onRefusal?: (error: AppError, context: TenantContext<z.infer<P>>) => Extra;
  },
  handler: (context: TenantContext<z.infer<P>> & { form: z.infer<F> }) => Promise<R>,
) {
  return tagTenant(async (args: ActionFunctionArgs) => {
    const context = await tenantContext(args, spec);
    const submission = spec.form
      ? parseWithZod(await args.request.formData(), {
          schema: spec.form,
          errorMap: translatingErrorMap(context.t, spec.fieldName),
        })
      : null;
    if (submission && submission.status !== "success")
      return data(submission.reply() as Refusal<Extra>, { status: 400 });
    try {
      return await handler({ ...context, form: submission?.value });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.status === 404) throw notFound();
      const translated = translateRefusal(error, context.t, spec.fieldName);
      const reply = submission
        ? submission.reply(translated)
        : { status: "error" as const, error: { "": translated.formErrors, ...translated.fieldErrors } };
      const refusal = {
        ...reply,
        status: "error",
        code: error.code,
        ...spec.onRefusal?.(error, context),
      } as Refusal<Extra>;
      return data(refusal, { status: error.status });
    }
  }, spec.permission);
}
