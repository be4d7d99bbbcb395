import type { InvariantViolation } from './checkInvariants.js';

/** Most violations spelled out in an {@link InvariantError}'s message (all are in `violations`). */
export const MAX_LISTED_VIOLATIONS = 20;

/** One line per violation: `[invariant] t=…ms member job: message`. */
export function formatViolation(v: InvariantViolation): string {
  const where = [
    v.tMs === undefined ? undefined : `t=${v.tMs}ms`,
    v.member === undefined ? undefined : `member ${v.member}`,
    v.job === undefined ? undefined : `job ${v.job}`,
  ].filter((x) => x !== undefined);
  return `[${v.invariant}]${where.length > 0 ? ` ${where.join(' ')}` : ''}: ${v.message}`;
}

/** Thrown by {@link assertInvariants}: a run broke simulator invariants; every violation is attached. */
export class InvariantError extends Error {
  /** Every violation found, in the order {@link checkInvariants} reports them. */
  readonly violations: readonly InvariantViolation[];

  /** Builds the error; the message lists the first {@link MAX_LISTED_VIOLATIONS} violations. */
  constructor(violations: readonly InvariantViolation[], context?: string) {
    const listed = violations.slice(0, MAX_LISTED_VIOLATIONS).map((v) => `  ${formatViolation(v)}`);
    const more = violations.length - listed.length;
    super(
      `${context === undefined ? '' : `${context}: `}${violations.length} invariant violation${violations.length === 1 ? '' : 's'}\n${listed.join('\n')}${more > 0 ? `\n  … and ${more} more` : ''}`,
    );
    this.name = 'InvariantError';
    this.violations = violations;
  }
}
