import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/** While a worker job is busy, the page asks for fresh data about once a second; it stops when done. */
export function useRefreshWhile(busy: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!busy || state !== "idle") return;
    const timer = setTimeout(revalidate, 1_000);
    return () => clearTimeout(timer);
  }, [busy, state, revalidate]);
}
