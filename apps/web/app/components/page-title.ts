import type { MessageKey } from "@mentoring/i18n";
import type { UIMatch, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";

/**
 * What a page is called in the browser's tab and its history, and what a screen reader says first on
 * arriving (KWCAG 6.4.2): the page's own heading, in a route's `handle`. React 18 cannot put a <title>
 * rendered inside the page into <head>, so the root reads it from the matched routes.
 */
export interface PageTitleHandle {
  pageTitle: MessageKey | ((t: TFunction, data: unknown) => string);
}

/**
 * A page's title: a message, or one drawn from its loader's data (a cohort's name). A title drawn from
 * data is left out while the page shows an error instead, when there is no data to draw from.
 */
export function pageTitle<Loader = never>(
  title: MessageKey | ((t: TFunction, data: ReturnType<typeof useLoaderData<Loader>>) => string),
): PageTitleHandle {
  return { pageTitle: title as PageTitleHandle["pageTitle"] };
}

/** "{page} - {platform}" for the deepest matched page that names itself; the platform's name otherwise. */
export function documentTitle(
  matches: Pick<UIMatch, "handle" | "data">[],
  t: TFunction,
  errorTitle?: MessageKey,
): string {
  const app = t("app.name");
  const page = errorTitle ? t(errorTitle) : deepestTitle(matches, t);
  return page ? t("app.pageTitle", { page, app }) : app;
}

function deepestTitle(matches: Pick<UIMatch, "handle" | "data">[], t: TFunction): string | undefined {
  for (const match of [...matches].reverse()) {
    const title = (match.handle as Partial<PageTitleHandle> | undefined)?.pageTitle;
    if (typeof title === "string") return t(title);
    if (title && match.data !== undefined) return title(t, match.data);
  }
  return undefined;
}
