import { z } from "zod";
import { publicLoader } from "../services/route-builder.server";

const brandQuery = z.object({ color: z.string().regex(/^[0-9a-fA-F]{6}$/) });

/**
 * GET /brand.css?color=RRGGBB — an organisation's header colour as a stylesheet. The CSP allows no inline
 * style, and a nonce'd style element breaks once the page's data is reloaded (each response has its own
 * nonce); a stylesheet from this site is always allowed, and one per colour can be cached for good.
 */
export const loader = publicLoader({ query: brandQuery }, async ({ query }) => {
  return new Response(`.site-header { background-color: #${query.color.toLowerCase()}; }\n`, {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
});
