/**
 * The M/M/c queue in closed form (Erlang C): the yardstick both the SimPy and the Gleaner model must meet.
 * @module
 */

/** Parameters of an M/M/c queue and of the run that simulates it. */
export interface MmcParams {
  /** Arrival rate λ (customers per time unit). */
  readonly arrivalRate: number;
  /** Service rate μ of one server (customers per time unit). */
  readonly serviceRate: number;
  /** Number of servers c. */
  readonly servers: number;
  /** Customers simulated. */
  readonly customers: number;
}

/**
 * Erlang's C formula: the probability that an arriving customer waits, `C(c, a)` with offered load
 * `a = λ/μ`, for a stable queue (`a < c`).
 *
 * @throws RangeError when the queue is unstable (`λ ≥ cμ`) or a parameter is not positive.
 */
export function erlangC(params: MmcParams): number {
  const { arrivalRate: lambda, serviceRate: mu, servers: c } = params;
  if (!(lambda > 0 && mu > 0 && Number.isInteger(c) && c >= 1)) {
    throw new RangeError('erlangC: rates must be positive and servers a positive integer');
  }
  const a = lambda / mu;
  if (a >= c) throw new RangeError(`erlangC: offered load ${a} ≥ ${c} servers: the queue is unstable`);
  // Σ_{k<c} a^k/k! and a^c/c!, accumulated term by term (no factorial overflow for reasonable c).
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = term / (1 - a / c);
  return last / (sum + last);
}

/** Mean wait in queue `Wq = C(c, a) / (cμ − λ)` of an M/M/c queue, in the model's time unit. */
export function mmcMeanWait(params: MmcParams): number {
  return erlangC(params) / (params.servers * params.serviceRate - params.arrivalRate);
}
