import { z } from "zod";

/*
 * The URL params routes share, parsed by the route builder (an id that does not parse is a 404). Plain
 * module, not .server: forms' schemas that use these run in the browser too.
 */

/** A database id in a URL or a form. */
export const id = z.string().uuid();

export const cohortParams = z.object({ cohortId: id });

export const roundParams = z.object({ roundId: id });

/** The signed code of a check-in's QR code: in its address, then in the form that confirms it. */
export const checkInCode = z.object({ code: z.string().max(200).default("") });
