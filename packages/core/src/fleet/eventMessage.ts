import type { TargetCluster } from './types.js';

/** Karmada's message of a successful `ScheduleBindingSucceed` event, before the result. */
export const SCHEDULE_SUCCEEDED_MESSAGE = 'Binding has been scheduled successfully.';

/**
 * One result entry as the scheduler prints it: `name:replicas`, followed for a multi-component workload by
 * its components in Go's `%v` form, `,[{driver 1} {executor 4}]`.
 */
export function formatTargetCluster(target: TargetCluster): string {
  const head = `${target.name}:${target.replicas}`;
  if (target.components === undefined || target.components.length === 0) return head;
  return `${head},[${target.components.map((c) => `{${c.name} ${c.replicas}}`).join(' ')}]`;
}

/**
 * The Fleet's `ScheduleBindingSucceed` event message for a result, as `kubectl describe` shows it:
 * `Binding has been scheduled successfully. Result: {member-a:0,[{driver 1} {executor 4}]}`; several members
 * are joined by `", "` (`{member1:2, member2:1}`).
 */
export function formatScheduleResult(targets: readonly TargetCluster[]): string {
  return `${SCHEDULE_SUCCEEDED_MESSAGE} Result: {${targets.map(formatTargetCluster).join(', ')}}`;
}
