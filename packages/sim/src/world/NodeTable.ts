/**
 * The simulator's per-node numbers for the whole fleet, as parallel typed arrays indexed by a global node
 * index (struct of arrays: the load tick touches every node every minute, so it must stay allocation-free).
 * CPU in millicores, memory in bytes. This is mutable world state; core never sees it directly.
 */
export class NodeTable {
  /** Number of nodes. */
  readonly size: number;
  /** Member index of each node. */
  readonly member: Int32Array;
  /** `status.capacity` cpu / memory. */
  readonly capacityCpu: Float64Array;
  readonly capacityMemory: Float64Array;
  /** Kubelet reservation: capacity − allocatable. */
  readonly reservedCpu: Float64Array;
  readonly reservedMemory: Float64Array;
  /** Usage of system daemons outside pods. */
  readonly systemCpu: Float64Array;
  readonly systemMemory: Float64Array;
  /** Online (LS) usage right now. */
  readonly onlineCpu: Float64Array;
  readonly onlineMemory: Float64Array;
  /** Summed `kubernetes.io/batch-*` requests of BE pods running on the node (their demand). */
  readonly beRequestCpu: Float64Array;
  readonly beRequestMemory: Float64Array;
  /** BE CPU granted under the koordlet ceiling (≤ beRequestCpu). */
  readonly beGrantedCpu: Float64Array;
  /** The koordlet BE CPU ceiling in force. */
  readonly beCeilingCpu: Float64Array;
  /** Published batch allocatable. */
  readonly batchCpu: Float64Array;
  readonly batchMemory: Float64Array;
  /** When the batch allocatable was last published (ms), −1 before the first publish. */
  readonly batchPublishedAt: Float64Array;
  /** Whether the node is a virtual-kubelet node (no colocation, elastic). */
  readonly virtual: Uint8Array;

  constructor(size: number) {
    this.size = size;
    this.member = new Int32Array(size);
    this.capacityCpu = new Float64Array(size);
    this.capacityMemory = new Float64Array(size);
    this.reservedCpu = new Float64Array(size);
    this.reservedMemory = new Float64Array(size);
    this.systemCpu = new Float64Array(size);
    this.systemMemory = new Float64Array(size);
    this.onlineCpu = new Float64Array(size);
    this.onlineMemory = new Float64Array(size);
    this.beRequestCpu = new Float64Array(size);
    this.beRequestMemory = new Float64Array(size);
    this.beGrantedCpu = new Float64Array(size);
    this.beCeilingCpu = new Float64Array(size);
    this.batchCpu = new Float64Array(size);
    this.batchMemory = new Float64Array(size);
    this.batchPublishedAt = new Float64Array(size).fill(-1);
    this.virtual = new Uint8Array(size);
  }
}
