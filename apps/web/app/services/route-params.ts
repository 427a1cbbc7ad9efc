import { z } from "zod";

/*
 * The URL params routes share, parsed by the route builder (an id that does not parse is a 404). Plain
 * module, not .server: forms' schemas that use these run in the browser too.
 */

/** A database id in a URL or a form. */
export const id = z.string().uuid();

export const cohortParams = z.object({ cohortId: id });

export const roundParams = z.object({ roundId: id });
