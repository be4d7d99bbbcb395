/**
 * Order of the world's control loops within one simulated millisecond: the online load moves first, koordlet
 * reports and enforces, pods change state, member schedulers run, the fleet decides, and samples are taken
 * last, so a sample sees everything that happened at its instant.
 */
export const Phase = {
  load: 0,
  koordlet: 1,
  pod: 2,
  memberSchedule: 3,
  fleet: 4,
  sample: 5,
} as const;

/** One of the {@link Phase} values. */
export type PhaseValue = (typeof Phase)[keyof typeof Phase];
