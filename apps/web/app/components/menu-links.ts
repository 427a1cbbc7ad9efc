import { useLocation, useNavigate } from "@remix-run/react";
import { type MouseEvent, useCallback } from "react";

/**
 * Links of the menus every page renders (the header's, a cohort's or a template's pages), as plain anchors
 * that share one click handler and one reading of the address: Remix's `NavLink` costs each link a dozen
 * hooks and a route match on every render, a tenth of a small page's CPU on the server (ADR 0016).
 * `follow` navigates in the page as `Link` does (a plain click; a modified or middle click is the
 * browser's); `current` tells the link of the page shown (its address, or below it unless `end`).
 */
export function useMenuLinks() {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const here = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const follow = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const to = event.currentTarget.getAttribute("href");
      if (!to?.startsWith("/")) return;
      event.preventDefault();
      // The page shown, asked again, replaces its history entry rather than adding a second one.
      navigate(to, { replace: to === pathname + search });
    },
    [navigate, pathname, search],
  );
  const current = (to: string, end = true): "page" | undefined =>
    here === to || (!end && here.startsWith(`${to}/`)) ? "page" : undefined;
  return { follow, current };
}
