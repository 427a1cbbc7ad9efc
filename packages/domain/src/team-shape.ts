import { z } from "zod";

/** The largest team side we accept: cities run shapes up to 8:1 and 1:7; beyond 20 is a typing slip. */
export const TEAM_SIDE_LIMIT = 20;

const side = z
  .object({
    min: z.number().int().min(1).max(TEAM_SIDE_LIMIT),
    max: z.number().int().min(1).max(TEAM_SIDE_LIMIT),
  })
  .strict()
  .refine((range) => range.min <= range.max, {
    message: "min must not be greater than max",
    path: ["max"],
    params: { code: "min_above_max" },
  });

/**
 * How many mentors and mentees form one team, each side with bounds: 1:1 is `{1,1}:{1,1}`, standard
 * mentoring with one or two new officials per mentor `{1,1}:{1,2}`, reverse mentoring `{3,3}:{1,1}`.
 * Every team has at least one of each: a team without a mentor or a mentee is not mentoring.
 */
export const teamShapeSchema = z.object({ mentors: side, mentees: side }).strict();

export type TeamShape = z.infer<typeof teamShapeSchema>;

/** "3:1", "1:1-2": how coordinators write a shape. */
export function describeTeamShape(shape: TeamShape): string {
  const sideText = ({ min, max }: { min: number; max: number }) => (min === max ? `${min}` : `${min}-${max}`);
  return `${sideText(shape.mentors)}:${sideText(shape.mentees)}`;
}

/**
 * How many teams `mentors` and `mentees` can form at most and at least, when everyone must be in a team.
 * Null when no whole number of teams fits both sides (e.g. 31 mentors in teams of exactly 3).
 */
export function teamCountRange(
  shape: TeamShape,
  mentors: number,
  mentees: number,
): { min: number; max: number } | null {
  const bounds = (people: number, side: { min: number; max: number }) => ({
    min: Math.ceil(people / side.max),
    max: Math.floor(people / side.min),
  });
  const a = bounds(mentors, shape.mentors);
  const b = bounds(mentees, shape.mentees);
  const min = Math.max(a.min, b.min, 1);
  const max = Math.min(a.max, b.max);
  return min <= max ? { min, max } : null;
}
