/** The tenant's two certificate images, and why an upload of one can be refused (shared with the page). */
export const brandingKinds = ["logo", "seal"] as const;
export type BrandingKind = (typeof brandingKinds)[number];

export type BrandingProblem = "notImage" | "tooLarge" | "undecodable" | "badSize";
