import { useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "../root";

/** The hidden CSRF field every form that posts must carry. */
export function CsrfInput() {
  const root = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="csrf" value={root?.csrf ?? ""} />;
}
