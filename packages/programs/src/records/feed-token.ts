import { createHash, randomBytes } from "node:crypto";

/** A calendar feed's secret: 32 random bytes, as it goes in the address. */
export const newFeedToken = () => randomBytes(32).toString("base64url");

/** What is kept of a feed's secret: its SHA-256, so that a database copy opens no one's calendar. */
export const feedTokenHash = (token: string) =>
  createHash("sha256").update(`calendar-feed|${token}`).digest("base64url");
