import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addResources,
  amount,
  BATCH_CPU,
  BATCH_MEMORY,
  CPU,
  clampNonNegative,
  EMPTY_RESOURCES,
  equalResources,
  fitsResources,
  insufficientResources,
  isZeroResources,
  MEMORY,
  maxResources,
  PODS,
  type ResourceList,
  scaleResources,
  subtractResources,
} from '../../src/resources/index.js';

const GI = 2 ** 30;
const GPU = 'nvidia.com/gpu';

// A small fixed name set so generated lists overlap and miss names often.
const NAMES = [CPU, MEMORY, PODS, BATCH_CPU, BATCH_MEMORY, GPU] as const;
const amountArb = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
const listArb = (value = amountArb): fc.Arbitrary<ResourceList> =>
  fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: NAMES.length });
const nonNegativeListArb = listArb(fc.integer({ min: 0, max: 2 ** 40 }));

describe('resource names', () => {
  it('are the Kubernetes spellings', () => {
    expect([CPU, MEMORY, PODS, BATCH_CPU, BATCH_MEMORY]).toEqual([
      'cpu',
      'memory',
      'pods',
      'kubernetes.io/batch-cpu',
      'kubernetes.io/batch-memory',
    ]);
  });
});

describe('amount', () => {
  it('reads a present name and treats a missing one as zero', () => {
    expect(amount({ cpu: 500 }, CPU)).toBe(500);
    expect(amount({ cpu: 500 }, MEMORY)).toBe(0);
    expect(amount(EMPTY_RESOURCES, GPU)).toBe(0);
  });

  it('has an empty, frozen EMPTY_RESOURCES', () => {
    expect(Object.keys(EMPTY_RESOURCES)).toEqual([]);
    expect(Object.isFrozen(EMPTY_RESOURCES)).toBe(true);
  });
});

describe('addResources / subtractResources', () => {
  it('adds name by name, a missing name counting as zero', () => {
    expect(addResources({ cpu: 1000, memory: 5 }, { cpu: 500, pods: 1 })).toEqual({ cpu: 1500, memory: 5, pods: 1 });
  });

  it('subtracts name by name and may go negative', () => {
    expect(subtractResources({ cpu: 1000, memory: 2 * GI }, { cpu: 1500 })).toEqual({ cpu: -500, memory: 2 * GI });
    expect(subtractResources({ cpu: 1000 }, { memory: 5 })).toEqual({ cpu: 1000, memory: -5 });
  });

  it('never mutates its inputs', () => {
    const a = Object.freeze({ cpu: 1 });
    const b = Object.freeze({ cpu: 2, memory: 3 });
    addResources(a, b);
    subtractResources(a, b);
    maxResources(a, b);
    scaleResources(a, 3);
    expect(a).toEqual({ cpu: 1 });
    expect(b).toEqual({ cpu: 2, memory: 3 });
  });

  it('a + b − b equals a (any lists)', () => {
    fc.assert(fc.property(listArb(), listArb(), (a, b) => equalResources(subtractResources(addResources(a, b), b), a)));
  });

  it('addition is commutative', () => {
    fc.assert(fc.property(listArb(), listArb(), (a, b) => equalResources(addResources(a, b), addResources(b, a))));
  });
});

describe('maxResources', () => {
  it('takes the larger amount of each name', () => {
    expect(maxResources({ cpu: 1000, memory: 4 }, { cpu: 2000, pods: 3 })).toEqual({ cpu: 2000, memory: 4, pods: 3 });
  });

  it('compares a name missing on one side with zero, whichever side it is missing on', () => {
    expect(maxResources({ cpu: -5 }, {})).toEqual({ cpu: 0 });
    expect(maxResources({}, { cpu: -5 })).toEqual({ cpu: 0 });
  });

  it('is an upper bound of both sides, reached by one of them, for any lists', () => {
    fc.assert(
      fc.property(listArb(), listArb(), (a, b) => {
        const m = maxResources(a, b);
        for (const name of NAMES) {
          expect(amount(m, name)).toBe(Math.max(amount(a, name), amount(b, name)));
        }
      }),
    );
  });
});

describe('clampNonNegative / scaleResources / isZeroResources', () => {
  it('raises negatives to zero and keeps the rest', () => {
    expect(clampNonNegative({ cpu: -500, memory: 7 })).toEqual({ cpu: 0, memory: 7 });
  });

  it('multiplies every amount (N replicas of one pod)', () => {
    expect(scaleResources({ cpu: 500, memory: GI }, 3)).toEqual({ cpu: 1500, memory: 3 * GI });
    expect(isZeroResources(scaleResources({ cpu: 500 }, 0))).toBe(true);
  });

  it('knows an all-zero list', () => {
    expect(isZeroResources({})).toBe(true);
    expect(isZeroResources({ cpu: 0, memory: 0 })).toBe(true);
    expect(isZeroResources({ cpu: 0, memory: 1 })).toBe(false);
    expect(isZeroResources({ cpu: -1 })).toBe(false);
  });
});

describe('equalResources', () => {
  it('treats absent and zero as equal', () => {
    expect(equalResources({ cpu: 0 }, {})).toBe(true);
    expect(equalResources({}, { memory: 0 })).toBe(true);
    expect(equalResources({ cpu: 1 }, {})).toBe(false);
    expect(equalResources({}, { cpu: 1 })).toBe(false);
    expect(equalResources({ cpu: 1, memory: 2 }, { memory: 2, cpu: 1 })).toBe(true);
  });
});

describe('fitsResources / insufficientResources', () => {
  it('fits when every positively requested name is available', () => {
    const free = { cpu: 2000, memory: 4 * GI, pods: 10 };
    expect(fitsResources({ cpu: 2000, memory: 4 * GI }, free)).toBe(true);
    expect(fitsResources({ cpu: 2001 }, free)).toBe(false);
    expect(insufficientResources({ cpu: 2001, memory: 5 * GI, pods: 1 }, free)).toEqual([CPU, MEMORY]);
  });

  it('needs an extended resource the node lacks to be zero', () => {
    expect(fitsResources({ [GPU]: 1 }, { cpu: 1000 })).toBe(false);
    expect(insufficientResources({ [GPU]: 1 }, {})).toEqual([GPU]);
    expect(fitsResources({ [GPU]: 0, cpu: 100 }, { cpu: 1000 })).toBe(true);
  });

  it('does not check names the request leaves out, even when free is negative there', () => {
    expect(fitsResources({ cpu: 100 }, { cpu: 100, memory: -5 })).toBe(true);
  });

  it('lists insufficient names sorted, so callers print them deterministically', () => {
    const request = { [GPU]: 1, [BATCH_MEMORY]: 1, [BATCH_CPU]: 1, cpu: 1 };
    expect(insufficientResources(request, {})).toEqual([CPU, BATCH_CPU, BATCH_MEMORY, GPU]);
  });

  it('fits(r, r) for any list', () => {
    fc.assert(fc.property(listArb(), (r) => fitsResources(r, r)));
  });

  it('fits exactly when nothing is insufficient', () => {
    fc.assert(
      fc.property(listArb(), listArb(), (req, free) => {
        expect(fitsResources(req, free)).toBe(insufficientResources(req, free).length === 0);
      }),
    );
  });

  it('is monotone: more free capacity or a smaller request never breaks a fit', () => {
    fc.assert(
      fc.property(listArb(), listArb(), nonNegativeListArb, nonNegativeListArb, (req, free, extra, less) => {
        fc.pre(fitsResources(req, free));
        expect(fitsResources(req, addResources(free, extra))).toBe(true);
        expect(fitsResources(subtractResources(req, less), free)).toBe(true);
      }),
    );
  });

  it('a sum of two requests fits where it fits after taking the first out', () => {
    fc.assert(
      fc.property(nonNegativeListArb, nonNegativeListArb, nonNegativeListArb, (a, b, free) => {
        const both = fitsResources(addResources(a, b), free);
        const stepwise = fitsResources(a, free) && fitsResources(b, subtractResources(free, a));
        expect(both).toBe(stepwise);
      }),
    );
  });
});
