/** The organisation's name in the page's language, falling back to its Korean name. */
export function tenantName(tenant: { name: string; nameEn: string | null }, locale: string): string {
  return locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name;
}
