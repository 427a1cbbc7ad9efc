import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * While a worker job is busy, the page asks for fresh data about once a second; it stops when done.
 * An interval rather than one timer per answer: a revalidation asked for while a navigation is under way
 * is dropped without changing the revalidator's state, and nothing would ask again.
 */
export function useRefreshWhile(busy: boolean) {
  const { revalidate, state } = useRevalidator();
  const navigation = useNavigation();
  const idle = useRef(true);
  idle.current = state === "idle" && navigation.state === "idle";
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      if (idle.current) revalidate();
    }, 1_000);
    return () => clearInterval(timer);
  }, [busy, revalidate]);
}
