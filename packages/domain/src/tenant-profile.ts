/** Rules for an organisation's profile: its address on the platform, registration number and colours. */

/** `/{slug}/…`: lower-case ASCII letters, digits and inner hyphens, 2-40 characters. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/.test(slug) && !RESERVED_SLUGS.has(slug);
}

/** Paths the platform itself uses at the top level. */
export const RESERVED_SLUGS = new Set([
  "api",
  "assets",
  "healthz",
  "insights",
  "join",
  "locale",
  "password",
  "platform",
  "readyz",
  "sign-in",
  "sign-out",
  "signup",
  "sso",
  "verify",
  "webhooks",
]);

/** The 17 first-level regions (광역자치단체) an organisation belongs to. */
export const koreanRegions = [
  "서울특별시",
  "부산광역시",
  "대구광역시",
  "인천광역시",
  "광주광역시",
  "대전광역시",
  "울산광역시",
  "세종특별자치시",
  "경기도",
  "강원특별자치도",
  "충청북도",
  "충청남도",
  "전북특별자치도",
  "전라남도",
  "경상북도",
  "경상남도",
  "제주특별자치도",
] as const;

/**
 * A business registration number (사업자등록번호), "123-45-67890" or ten digits, checked by its check
 * digit. Returns the ten digits, or null when it is not a valid number.
 */
export function parseBusinessRegistrationNumber(text: string): string | null {
  const digits = text.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return null;
  const d = [...digits].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((total, weight, i) => total + weight * (d[i] as number), 0);
  sum += Math.floor(((d[8] as number) * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9] ? digits : null;
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two "#RRGGBB" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Why a brand colour cannot be the header's background under white text: not "#RRGGBB", or contrast
 * below WCAG AA's 4.5:1. Null when it can.
 */
export function brandColorProblem(color: string): "format" | "contrast" | null {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return "format";
  return contrastRatio(color, "#ffffff") >= 4.5 ? null : "contrast";
}
