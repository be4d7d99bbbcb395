import type { Node, Pod } from '../model/index.js';
import type { ResourceList, ResourceName } from '../resources/index.js';
import type { ClusterInput } from './ClusterInput.js';
import type { ClusterView } from './ClusterView.js';
import type { ClusterDecision } from './decision.js';
import {
  accountPod,
  allPods,
  appendNode,
  buildInternals,
  type Internals,
  InternalView,
  nodeAt,
  patchNodeAllocatable,
  setNodeAllocatable,
  setNodeUnschedulable,
} from './internals.js';
import type { PodDisruptionBudget } from './PodDisruptionBudget.js';
import { podKey } from './podKey.js';

/**
 * The mutable side of one member cluster, for the simulator and benchmarks: it owns per-node requested
 * sums in struct-of-arrays columns and applies decisions (`bind`, `remove`, republished batch
 * allocatable, cordons, new nodes). The scheduling functions never mutate it; they read
 * {@link MutableClusterState.view}, which is live (it shows every later mutation), so a decision
 * describes the state at the moment it was computed.
 */
export class MutableClusterState {
  readonly #internals: Internals;
  readonly #view: InternalView;
  readonly #podNode = new Map<string, number>();

  /** Builds the state from nodes, bound pods (with `nodeName`) and PodDisruptionBudgets. */
  constructor(input: ClusterInput) {
    this.#internals = buildInternals(input.nodes, input.pods, input.podDisruptionBudgets ?? []);
    this.#view = new InternalView(this.#internals);
    this.#internals.podsByNode.forEach((pods, i) => {
      for (const pod of pods) {
        const key = podKey(pod);
        if (this.#podNode.has(key)) throw new Error(`MutableClusterState: duplicate pod "${key}"`);
        this.#podNode.set(key, i);
      }
    });
  }

  /** The live read-only view the scheduling functions take (the same object every call). */
  view(): ClusterView {
    return this.#view;
  }

  /** Number of nodes. */
  get nodeCount(): number {
    return this.#internals.cols.size;
  }

  /** Number of bound pods. */
  get podCount(): number {
    return this.#podNode.size;
  }

  /** The node a pod (`namespace/name`) is bound to, or `undefined`. */
  nodeOf(key: string): string | undefined {
    const i = this.#podNode.get(key);
    return i === undefined ? undefined : this.#internals.nodes[i]!.name;
  }

  #index(nodeName: string, what: string): number {
    const i = this.#internals.nameToIndex.get(nodeName);
    if (i === undefined) throw new Error(`MutableClusterState.${what}: unknown node "${nodeName}"`);
    return i;
  }

  /** Binds a pod to a node: its requests now count against the node (kube-scheduler's "assume" + bind). */
  bind(pod: Pod, nodeName: string): void {
    const i = this.#index(nodeName, 'bind');
    const key = podKey(pod);
    if (this.#podNode.has(key)) throw new Error(`MutableClusterState.bind: pod "${key}" is already bound`);
    const bound = pod.nodeName === nodeName ? pod : { ...pod, nodeName };
    this.#internals.podsByNode[i]!.push(bound);
    this.#podNode.set(key, i);
    accountPod(this.#internals, bound, i, 1);
  }

  /** Removes a bound pod (finished, evicted, preempted); returns it, or `undefined` if it was not bound. */
  remove(key: string): Pod | undefined {
    const i = this.#podNode.get(key);
    if (i === undefined) return undefined;
    const list = this.#internals.podsByNode[i]!;
    const at = list.findIndex((p) => podKey(p) === key);
    const [pod] = list.splice(at, 1);
    this.#podNode.delete(key);
    accountPod(this.#internals, pod!, i, -1);
    return pod;
  }

  /**
   * Replaces a node's whole `status.allocatable` (e.g. Koordinator republishing `kubernetes.io/batch-cpu`
   * and `batch-memory`: pass `{ ...node.allocatable, [BATCH_CPU]: x, [BATCH_MEMORY]: y }`). Bound pods
   * stay even if they no longer fit, as in Kubernetes.
   */
  setAllocatable(nodeName: string, allocatable: ResourceList): void {
    setNodeAllocatable(this.#internals, this.#index(nodeName, 'setAllocatable'), allocatable);
  }

  /**
   * Sets one entry of node `nodeIndex`'s `status.allocatable` (index as in `view().nodeIndex(name)`), leaving
   * the others: the cheap form of {@link MutableClusterState.setAllocatable} for a simulator republishing
   * Koordinator's `kubernetes.io/batch-cpu` / `batch-memory` on thousands of nodes every minute. The
   * scheduler sees the new value at once; `view().node(i)` shows it too.
   */
  patchAllocatable(nodeIndex: number, resource: ResourceName, value: number): void {
    if (!(Number.isInteger(nodeIndex) && nodeIndex >= 0 && nodeIndex < this.#internals.cols.size)) {
      throw new RangeError(`MutableClusterState.patchAllocatable: no node at index ${nodeIndex}`);
    }
    patchNodeAllocatable(this.#internals, nodeIndex, resource, value);
  }

  /** Cordons (`true`) or uncordons a node (`spec.unschedulable`). */
  setUnschedulable(nodeName: string, unschedulable: boolean): void {
    setNodeUnschedulable(this.#internals, this.#index(nodeName, 'setUnschedulable'), unschedulable);
  }

  /** Adds a node (e.g. a virtual node); returns its index. */
  addNode(node: Node): number {
    appendNode(this.#internals, node);
    return this.#internals.cols.size - 1;
  }

  /** Replaces the PodDisruptionBudgets. */
  setPodDisruptionBudgets(budgets: readonly PodDisruptionBudget[]): void {
    this.#internals.pdbs = [...budgets];
  }

  /**
   * Applies a decision at once: a bind decision binds its pod(s); a preempt decision removes the victims
   * (the preemptor stays pending: schedule it again, as kube-scheduler does once they are gone); an
   * unschedulable decision changes nothing. A simulator modelling termination grace applies the parts
   * itself with {@link MutableClusterState.remove} and {@link MutableClusterState.bind}.
   */
  apply(decision: ClusterDecision): void {
    if (decision.kind === 'bind') {
      if (decision.scope === 'pod') this.bind(decision.pod, decision.nodeName);
      else for (const b of decision.bindings) this.bind(b.pod, b.nodeName);
    } else if (decision.kind === 'preempt') {
      const victims = decision.scope === 'pod' ? decision.victims : decision.victims.map((v) => v.pod);
      for (const v of victims) this.remove(podKey(v));
    }
  }

  /** The state as plain input (nodes with their current allocatable, bound pods, budgets). */
  toInput(): ClusterInput {
    return {
      nodes: this.#internals.nodes.map((_, i) => nodeAt(this.#internals, i)),
      pods: [...allPods(this.#internals)],
      podDisruptionBudgets: this.#internals.pdbs,
    };
  }
}
