import { fieldError } from "./field-error";

export const CEREMONY_LIMITS = { place: 200, programme: 4000, gift: 200 } as const;

/** The ceremony's fields trimmed, or an AppError naming the first field that is wrong. */
export function ceremonyFields(input: { startsAt: Date; place: string; programme: string; gift: string }) {
  if (!(input.startsAt instanceof Date) || Number.isNaN(input.startsAt.getTime()))
    throw fieldError("certificate.starts_at_invalid", "startsAt");
  const place = (input.place ?? "").trim();
  const programme = (input.programme ?? "").trim();
  const gift = (input.gift ?? "").trim();
  if (place.length === 0) throw fieldError("certificate.place_required", "place");
  if (place.length > CEREMONY_LIMITS.place)
    throw fieldError("certificate.place_too_long", "place", { max: CEREMONY_LIMITS.place });
  if (programme.length > CEREMONY_LIMITS.programme)
    throw fieldError("certificate.programme_too_long", "programme", { max: CEREMONY_LIMITS.programme });
  if (gift.length > CEREMONY_LIMITS.gift)
    throw fieldError("certificate.gift_too_long", "gift", { max: CEREMONY_LIMITS.gift });
  return { startsAt: input.startsAt, place, programme, gift };
}
