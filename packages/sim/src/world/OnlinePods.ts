/**
 * The online (LS) pods of every node as the batch calculation reads them: per pod its request and whether it
 * counts as high priority for batch (0 no, 1 yes, 2 yes and LSE: its CPU counted at request). A node's online
 * usage is split evenly over its online pods, the first taking the remainder (as in the reported NodeMetric).
 *
 * Nodes of a pool carry identical pods (the first differing only by the remainder of the split requests),
 * so for such a node the sums over its pods have a closed form; other nodes are summed pod by pod. Both give
 * the same integers.
 */
/** Where {@link OnlinePods.totals} writes: per node, Σ over its high-priority pods. */
export interface HighPriorityColumns {
  readonly hpRequestCpu: Float64Array;
  readonly hpUsedCpu: Float64Array;
  /** Σ max(request, usage). */
  readonly hpMaxCpu: Float64Array;
  readonly hpRequestMemory: Float64Array;
  readonly hpUsedMemory: Float64Array;
  readonly hpMaxMemory: Float64Array;
}

export class OnlinePods {
  /** Σ over the node's high-priority pods, written by {@link OnlinePods.accumulate}. */
  reqCpu = 0;
  reqMemory = 0;
  usedCpu = 0;
  usedMemory = 0;
  /** Σ max(request, usage). */
  maxCpu = 0;
  maxMemory = 0;

  /** Online pods per node. */
  readonly count: Int32Array;
  /** 1 where pods 1… share one flag and request (then pod 0 and "the rest" describe the node). */
  readonly uniform: Uint8Array;
  /** Pod 0's flag and requests. */
  readonly flag0: Uint8Array;
  readonly cpu0: Float64Array;
  readonly memory0: Float64Array;
  /** The flag and requests shared by pods 1… of a uniform node. */
  readonly flagRest: Uint8Array;
  readonly cpuRest: Float64Array;
  readonly memoryRest: Float64Array;
  /** Nodes whose pods are not pool-alike (summed pod by pod). */
  private readonly irregular: readonly number[];
  private readonly flags: readonly Uint8Array[];
  private readonly cpus: readonly Float64Array[];
  private readonly memories: readonly Float64Array[];

  /** `pods[g]`: the flag, cpu and memory request of each online pod of node `g`. */
  constructor(pods: readonly { flags: Uint8Array; cpu: Float64Array; memory: Float64Array }[]) {
    const n = pods.length;
    this.count = new Int32Array(n);
    this.uniform = new Uint8Array(n);
    this.flag0 = new Uint8Array(n);
    this.cpu0 = new Float64Array(n);
    this.memory0 = new Float64Array(n);
    this.flagRest = new Uint8Array(n);
    this.cpuRest = new Float64Array(n);
    this.memoryRest = new Float64Array(n);
    this.flags = pods.map((p) => p.flags);
    this.cpus = pods.map((p) => p.cpu);
    this.memories = pods.map((p) => p.memory);
    pods.forEach((p, g) => {
      const k = p.flags.length;
      this.count[g] = k;
      if (k === 0) {
        this.uniform[g] = 1;
        return;
      }
      this.flag0[g] = p.flags[0]!;
      this.cpu0[g] = p.cpu[0]!;
      this.memory0[g] = p.memory[0]!;
      if (k > 1) {
        this.flagRest[g] = p.flags[1]!;
        this.cpuRest[g] = p.cpu[1]!;
        this.memoryRest[g] = p.memory[1]!;
      }
      let same = true;
      for (let i = 2; i < k; i++) {
        if (p.flags[i] !== p.flags[1] || p.cpu[i] !== p.cpu[1] || p.memory[i] !== p.memory[1]) same = false;
      }
      this.uniform[g] = same ? 1 : 0;
    });
    this.irregular = [...this.uniform.keys()].filter((g) => this.uniform[g] === 0);
  }

  /**
   * Every node's high-priority online totals into `out`, the node's online usage being its window sum
   * divided by `fill` samples, rounded (koordlet's aggregate-window average; 0 before any sample).
   */
  totals(sumCpu: Float64Array, sumMemory: Float64Array, fill: number, out: HighPriorityColumns): void {
    uniformTotals(this, sumCpu, sumMemory, fill, out);
    for (const g of this.irregular) {
      this.accumulate(g, average(sumCpu[g]!, fill), average(sumMemory[g]!, fill));
      out.hpRequestCpu[g] = this.reqCpu;
      out.hpUsedCpu[g] = this.usedCpu;
      out.hpMaxCpu[g] = this.maxCpu;
      out.hpRequestMemory[g] = this.reqMemory;
      out.hpUsedMemory[g] = this.usedMemory;
      out.hpMaxMemory[g] = this.maxMemory;
    }
  }

  /** Sums node `g`'s high-priority online pods at node usage `onlineCpu` / `onlineMemory` into the fields. */
  accumulate(g: number, onlineCpu: number, onlineMemory: number): void {
    const k = this.count[g]!;
    this.reqCpu = 0;
    this.reqMemory = 0;
    this.usedCpu = 0;
    this.usedMemory = 0;
    this.maxCpu = 0;
    this.maxMemory = 0;
    if (k === 0) return;
    const restCpu = Math.floor(onlineCpu / k);
    const restMemory = Math.floor(onlineMemory / k);
    const firstCpu = onlineCpu - restCpu * (k - 1);
    const firstMemory = onlineMemory - restMemory * (k - 1);
    if (this.uniform[g] === 0) {
      this.loop(g, k, firstCpu, firstMemory, restCpu, restMemory);
      return;
    }
    this.add(this.flag0[g]!, 1, this.cpu0[g]!, this.memory0[g]!, firstCpu, firstMemory);
    if (k > 1) this.add(this.flagRest[g]!, k - 1, this.cpuRest[g]!, this.memoryRest[g]!, restCpu, restMemory);
  }

  /** `times` pods of one flag and request, each using `uc` / `um`. */
  private add(flag: number, times: number, rc: number, rm: number, uc: number, um: number): void {
    if (flag === 0) return;
    this.reqCpu += times * rc;
    this.reqMemory += times * rm;
    this.usedCpu += times * (flag === 2 ? rc : uc); // LSE pods hold their cores: cpu at request
    this.usedMemory += times * um;
    this.maxCpu += times * Math.max(rc, uc);
    this.maxMemory += times * Math.max(rm, um);
  }

  private loop(g: number, k: number, firstCpu: number, firstMemory: number, restCpu: number, restMemory: number): void {
    const flags = this.flags[g]!;
    const cpu = this.cpus[g]!;
    const memory = this.memories[g]!;
    for (let i = 0; i < k; i++) {
      this.add(flags[i]!, 1, cpu[i]!, memory[i]!, i === 0 ? firstCpu : restCpu, i === 0 ? firstMemory : restMemory);
    }
  }
}

/** koordlet's aggregate-window average: the window sum over `fill` samples, rounded (0 before any sample). */
function average(sum: number, fill: number): number {
  return fill === 0 ? 0 : Math.round(sum / fill);
}

/**
 * The closed form over the pool-alike nodes (pod 0 takes the remainder of the split, the other k − 1 pods
 * are alike). A function of its own with every column in a local, so the loop runs on typed arrays only.
 */
function uniformTotals(
  pods: OnlinePods,
  sumCpu: Float64Array,
  sumMemory: Float64Array,
  fill: number,
  out: HighPriorityColumns,
): void {
  const { count, uniform, flag0, cpu0, memory0, flagRest, cpuRest, memoryRest } = pods;
  const { hpRequestCpu, hpUsedCpu, hpMaxCpu, hpRequestMemory, hpUsedMemory, hpMaxMemory } = out;
  const n = count.length;
  for (let g = 0; g < n; g++) {
    if (uniform[g] === 0) continue;
    const k = count[g]!;
    let reqCpu = 0;
    let reqMemory = 0;
    let usedCpu = 0;
    let usedMemory = 0;
    let maxCpu = 0;
    let maxMemory = 0;
    if (k > 0) {
      const onlineCpu = fill === 0 ? 0 : Math.round(sumCpu[g]! / fill);
      const onlineMemory = fill === 0 ? 0 : Math.round(sumMemory[g]! / fill);
      const restCpu = Math.floor(onlineCpu / k);
      const restMemory = Math.floor(onlineMemory / k);
      const f0 = flag0[g]!;
      if (f0 !== 0) {
        const rc = cpu0[g]!;
        const rm = memory0[g]!;
        const uc = onlineCpu - restCpu * (k - 1);
        const um = onlineMemory - restMemory * (k - 1);
        reqCpu += rc;
        reqMemory += rm;
        usedCpu += f0 === 2 ? rc : uc;
        usedMemory += um;
        maxCpu += Math.max(rc, uc);
        maxMemory += Math.max(rm, um);
      }
      const fr = flagRest[g]!;
      if (k > 1 && fr !== 0) {
        const times = k - 1;
        const rc = cpuRest[g]!;
        const rm = memoryRest[g]!;
        reqCpu += times * rc;
        reqMemory += times * rm;
        usedCpu += times * (fr === 2 ? rc : restCpu);
        usedMemory += times * restMemory;
        maxCpu += times * Math.max(rc, restCpu);
        maxMemory += times * Math.max(rm, restMemory);
      }
    }
    hpRequestCpu[g] = reqCpu;
    hpUsedCpu[g] = usedCpu;
    hpMaxCpu[g] = maxCpu;
    hpRequestMemory[g] = reqMemory;
    hpUsedMemory[g] = usedMemory;
    hpMaxMemory[g] = maxMemory;
  }
}
