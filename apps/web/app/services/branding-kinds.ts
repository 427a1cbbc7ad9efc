/**
 * The tenant's two certificate images, for the settings page in the browser (which cannot import
 * @mentoring/tenants, where the same list rules uploads).
 */
export const brandingKinds = ["logo", "seal"] as const;
export type BrandingKind = (typeof brandingKinds)[number];
