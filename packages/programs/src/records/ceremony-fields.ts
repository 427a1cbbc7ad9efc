import { AppError } from "@mentoring/domain";

export const CEREMONY_LIMITS = { place: 200, programme: 4000, gift: 200 } as const;

/** The ceremony's fields trimmed, or an AppError naming the first field that is wrong. */
export function ceremonyFields(input: { startsAt: Date; place: string; programme: string; gift: string }) {
  if (!(input.startsAt instanceof Date) || Number.isNaN(input.startsAt.getTime()))
    throw new AppError("certificate.starts_at_invalid");
  const place = (input.place ?? "").trim();
  const programme = (input.programme ?? "").trim();
  const gift = (input.gift ?? "").trim();
  if (place.length === 0) throw new AppError("certificate.place_required");
  if (place.length > CEREMONY_LIMITS.place)
    throw new AppError("certificate.place_too_long", { max: CEREMONY_LIMITS.place });
  if (programme.length > CEREMONY_LIMITS.programme)
    throw new AppError("certificate.programme_too_long", { max: CEREMONY_LIMITS.programme });
  if (gift.length > CEREMONY_LIMITS.gift)
    throw new AppError("certificate.gift_too_long", { max: CEREMONY_LIMITS.gift });
  return { startsAt: input.startsAt, place, programme, gift };
}
