import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyPod,
  isHighPriorityClassForBatch,
  isHighPriorityForBatch,
  kubernetesQoSClass,
  podPriorityClass,
  podQoSClass,
  priorityClassOfValue,
  qosClassFromLabel,
} from '../../src/colocation/index.js';
import { CORE, deepFreeze, GI, makePod } from './fixtures.js';

const QOS = 'koordinator.sh/qosClass';
const PC = 'koordinator.sh/priority-class';

const guaranteed = { requests: { cpu: CORE, memory: GI }, limits: { cpu: CORE, memory: GI } };
const burstable = { requests: { cpu: 100 }, limits: { cpu: 200 } };

describe('Kubernetes QoS class', () => {
  it.each([
    ['no resources', {}, 'BestEffort'],
    [
      'only batch-cpu / batch-memory (renamed by the webhook)',
      { requests: { 'kubernetes.io/batch-cpu': 1000 } },
      'BestEffort',
    ],
    ['zero-valued cpu and memory', { requests: { cpu: 0, memory: 0 } }, 'BestEffort'],
    ['cpu and memory limits equal to requests', guaranteed, 'Guaranteed'],
    ['limits only (requests default to limits)', { limits: { cpu: CORE, memory: GI } }, 'Guaranteed'],
    ['cpu request < limit', burstable, 'Burstable'],
    ['cpu limit = request but no memory limit', { requests: { cpu: 100 }, limits: { cpu: 100 } }, 'Burstable'],
    ['requests only', { requests: { cpu: 100, memory: GI } }, 'Burstable'],
  ] as const)('%s → %s', (_name, spec, expected) => {
    expect(kubernetesQoSClass(makePod('p', spec))).toBe(expected);
  });
});

describe('QoS class (label, else Kubernetes QoS)', () => {
  it('takes the label when it names one of the five classes', () => {
    for (const q of ['SYSTEM', 'LSE', 'LSR', 'LS', 'BE'] as const) {
      expect(podQoSClass(makePod('p', { labels: { [QOS]: q }, ...guaranteed }))).toBe(q);
    }
  });
  it('maps Guaranteed → LSR, Burstable → LS, BestEffort → BE without a label', () => {
    expect(podQoSClass(makePod('p', guaranteed))).toBe('LSR');
    expect(podQoSClass(makePod('p', burstable))).toBe('LS');
    expect(podQoSClass(makePod('p'))).toBe('BE');
  });
  it('ignores an unknown label value (case-sensitive) and falls back to the Kubernetes QoS', () => {
    expect(qosClassFromLabel(makePod('p', { labels: { [QOS]: 'be' } }))).toBe('NONE');
    expect(podQoSClass(makePod('p', { labels: { [QOS]: 'be' }, ...burstable }))).toBe('LS');
    expect(podQoSClass(makePod('p', { labels: { [QOS]: 'gold' } }))).toBe('BE');
  });
});

describe('priority class ranges', () => {
  it.each([
    [9000, 'koord-prod'],
    [9999, 'koord-prod'],
    [10000, 'none'],
    [8999, 'none'],
    [7000, 'koord-mid'],
    [7999, 'koord-mid'],
    [6000, 'none'],
    [5000, 'koord-batch'],
    [5999, 'koord-batch'],
    [3000, 'koord-free'],
    [3999, 'koord-free'],
    [2999, 'none'],
    [0, 'none'],
    [1_000_000, 'none'],
    [2_000_000_000, 'none'],
    [-1000, 'none'],
  ] as const)('spec.priority %d → %s', (priority, expected) => {
    expect(priorityClassOfValue(priority)).toBe(expected);
  });
});

// Conformance: the consequences listed in koordinator.md §1.2 (from apis/extension/priority_utils_test.go and
// the batch plugin test).
describe('priority class precedence (koordinator.md §1.2)', () => {
  it('spec.priority beats the QoS label: LSR + priority 5499 → koord-batch', () => {
    expect(podPriorityClass(makePod('p', { labels: { [QOS]: 'LSR' }, priority: 5499 }))).toBe('koord-batch');
  });
  it('the priority-class label beats spec.priority: koord-prod label + priority 5499 → koord-prod', () => {
    expect(podPriorityClass(makePod('p', { labels: { [PC]: 'koord-prod' }, priority: 5499 }))).toBe('koord-prod');
  });
  it('an unknown priority-class label means none (spec.priority is not read), then the QoS decides', () => {
    expect(podPriorityClass(makePod('p', { labels: { [PC]: 'unknown' }, priority: 5500, ...burstable }))).toBe(
      'koord-prod',
    );
    expect(podPriorityClass(makePod('p', { labels: { [PC]: 'unknown' }, priority: 9500 }))).toBe('koord-batch');
  });
  it('a plain pod with priority 0 and requests (Guaranteed or Burstable) is LSR/LS → koord-prod, high priority', () => {
    const g = makePod('g', guaranteed);
    const b = makePod('b', burstable);
    expect(classifyPod(g)).toEqual({ qosClass: 'LSR', priorityClass: 'koord-prod', kubernetesQoS: 'Guaranteed' });
    expect(classifyPod(b)).toEqual({ qosClass: 'LS', priorityClass: 'koord-prod', kubernetesQoS: 'Burstable' });
    expect(isHighPriorityForBatch(g)).toBe(true);
    expect(isHighPriorityForBatch(b)).toBe(true);
  });
  it('a pod with no requests at all is BE → koord-batch, not high priority', () => {
    const p = makePod('p');
    expect(classifyPod(p)).toEqual({ qosClass: 'BE', priorityClass: 'koord-batch', kubernetesQoS: 'BestEffort' });
    expect(isHighPriorityForBatch(p)).toBe(false);
  });
  it('qosClass=BE with spec.priority 7000 is koord-mid and counts as high priority ("podMid")', () => {
    const p = makePod('p', { labels: { [QOS]: 'BE' }, priority: 7000 });
    expect(classifyPod(p)).toEqual({ qosClass: 'BE', priorityClass: 'koord-mid', kubernetesQoS: 'BestEffort' });
    expect(isHighPriorityForBatch(p)).toBe(true);
  });
  it('QoS-derived classes: SYSTEM/LSE/LSR/LS → koord-prod, BE → koord-batch', () => {
    for (const q of ['SYSTEM', 'LSE', 'LSR', 'LS'] as const) {
      expect(podPriorityClass(makePod('p', { labels: { [QOS]: q } }))).toBe('koord-prod');
    }
    expect(podPriorityClass(makePod('p', { labels: { [QOS]: 'BE' } }))).toBe('koord-batch');
  });
  it('a colocated Spark executor (BE label, koord-batch priority 5000, batch resources) is batch', () => {
    const p = makePod('exec-1', {
      labels: { [QOS]: 'BE' },
      priority: 5000,
      requests: { 'kubernetes.io/batch-cpu': 2000, 'kubernetes.io/batch-memory': 4 * GI },
    });
    expect(classifyPod(p)).toEqual({ qosClass: 'BE', priorityClass: 'koord-batch', kubernetesQoS: 'BestEffort' });
  });
  it('koord-free pods are not high priority; prod, mid and none are', () => {
    expect(isHighPriorityForBatch(makePod('p', { priority: 3500, ...guaranteed }))).toBe(false);
    expect(isHighPriorityClassForBatch('koord-prod')).toBe(true);
    expect(isHighPriorityClassForBatch('koord-mid')).toBe(true);
    expect(isHighPriorityClassForBatch('none')).toBe(true);
    expect(isHighPriorityClassForBatch('koord-batch')).toBe(false);
    expect(isHighPriorityClassForBatch('koord-free')).toBe(false);
  });
});

describe('classifyPod properties', () => {
  const arbPod = fc
    .record({
      qos: fc.constantFrom(undefined, 'SYSTEM', 'LSE', 'LSR', 'LS', 'BE', 'bogus'),
      pc: fc.constantFrom(undefined, 'koord-prod', 'koord-mid', 'koord-batch', 'koord-free', 'nope'),
      priority: fc.oneof(fc.constantFrom(0, 3500, 5500, 7500, 9500, -1000), fc.integer()),
      cpu: fc.nat(4000),
      memory: fc.nat(4 * GI),
      limitCpu: fc.nat(4000),
      limitMemory: fc.nat(4 * GI),
    })
    .map((r) =>
      makePod('p', {
        labels: { ...(r.qos === undefined ? {} : { [QOS]: r.qos }), ...(r.pc === undefined ? {} : { [PC]: r.pc }) },
        priority: r.priority,
        requests: { cpu: r.cpu, memory: r.memory },
        limits: { cpu: r.limitCpu, memory: r.limitMemory },
      }),
    );

  it('is deterministic, agrees with the single-axis helpers and does not mutate the pod', () => {
    fc.assert(
      fc.property(arbPod, (pod) => {
        const frozen = deepFreeze(pod);
        const c = classifyPod(frozen);
        expect(classifyPod(frozen)).toEqual(c);
        expect(c.qosClass).toBe(podQoSClass(frozen));
        expect(c.priorityClass).toBe(podPriorityClass(frozen));
        expect(c.kubernetesQoS).toBe(kubernetesQoSClass(frozen));
        expect(c.qosClass).not.toBe('NONE');
        expect(c.priorityClass).not.toBe('none');
      }),
    );
  });
});
