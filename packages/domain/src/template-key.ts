import { z } from "zod";

/** A key inside a template: stable across versions, safe in URLs and as a matching attribute name. */
export const templateKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  message: "lowercase letters, digits and _ only",
});
