// Renders docs/scenario-reference.md from the zod scenario schema, by way of its JSON Schema. Pure: the
// script packages/sim/scripts/write-docs-reference.ts writes the file, docs/reference.test.ts compares.
import * as z from 'zod';
import { durationSchema, loadCurveSchema, resourceListSchema, scenarioSchema } from '../scenario/schema.js';

type Json = { readonly [key: string]: unknown };

/** Schemas the reference names instead of expanding, found by their zod definition (clones share it). */
const NAMED: readonly (readonly [z.ZodType, string])[] = [
  [durationSchema, 'duration'],
  [resourceListSchema, 'resources'],
  [loadCurveSchema, 'loadCurve'],
];
const KIND = 'x-gleaner-kind';

function kindOf(schema: z.core.$ZodType): string | undefined {
  let s: z.core.$ZodType | undefined = schema;
  for (let depth = 0; s !== undefined && depth < 8; depth++) {
    for (const [named, kind] of NAMED) if (s._zod.def === named._zod.def) return kind;
    s = (s._zod.def as { innerType?: z.core.$ZodType }).innerType;
  }
  return undefined;
}

/** The scenario's JSON Schema as the file is written (defaults optional), with named kinds tagged. */
function taggedSchema(): Json {
  return z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-07',
    override: (ctx) => {
      const kind = kindOf(ctx.zodSchema);
      if (kind !== undefined) (ctx.jsonSchema as Record<string, unknown>)[KIND] = kind;
    },
  }) as Json;
}

const DURATION_DESCRIPTION = durationSchema.description;
const QUANTITY_DESCRIPTION = 'A Kubernetes quantity: "500m", "2", "128Gi", or a number.';
const RESOURCES_DESCRIPTION = resourceListSchema.description;
const SAFE = Number.MAX_SAFE_INTEGER;

const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const list = (v: unknown): readonly Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const code = (text: string): string => `\`${text.replaceAll('|', '\\|')}\``;
const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const variantsOf = (s: Json): readonly Json[] => [...list(s.anyOf), ...list(s.oneOf)];
const isObjectSchema = (s: Json): boolean => s.type === 'object' && obj(s.properties) !== undefined;

function anchorOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `anyOf` of a number and single-key objects `constant` / `uniform` / `lognormal` / `exponential`. */
function isDistribution(s: Json): boolean {
  const variants = variantsOf(s);
  if (variants.length < 2 || variants[0]?.type !== 'number') return false;
  return variants.slice(1).every((v) => {
    const keys = Object.keys(obj(v.properties) ?? {});
    return keys.length === 1 && ['constant', 'uniform', 'lognormal', 'exponential'].includes(keys[0]!);
  });
}

/** The schema's body without what varies per use (description, default, tags). */
function canonical(s: Json): string {
  const { description: _d, default: _f, [KIND]: _k, ...rest } = s;
  return JSON.stringify(rest);
}

interface Section {
  readonly title: string;
  readonly anchor: string;
  readonly lines: string[];
}

interface Row {
  readonly field: string;
  readonly type: string;
  readonly required: boolean;
  readonly defaultValue: string;
  readonly description: string;
}

/** Extra context the schema does not carry, keyed by dotted path (`[]` for list items). */
const NOTES: Readonly<Record<string, string>> = {
  name: 'Shown in reports; `gleaner run` writes to `results/<name>` by default.',
  description: 'Free text, shown in reports.',
  duration: 'Simulated time to run, e.g. `24h` or `7d`.',
  fleet: 'The member clusters of the fleet.',
  colocation: 'Koordinator colocation settings, the same for every member.',
  workloads: 'Spark applications to submit: generated arrivals, or a replayed batch trace.',
  fleetScheduler:
    'Parameters of the fleet’s global scheduler, several of them assumptions about what ACK One does not document.',
  'fleet.members': 'Member clusters, at least one.',
  'fleet.members[].name': 'The member’s name, as PropagationPolicies’ `clusterNames` refer to it.',
  'fleet.members[].region': '`spec.region` of the Cluster object (policies’ `fieldSelector` and spread constraints).',
  'fleet.members[].provider': '`spec.provider` of the Cluster object.',
  'fleet.members[].zone': '`spec.zone` of the Cluster object.',
  'fleet.members[].nodePools': 'Groups of identical nodes with their online load.',
  'fleet.members[].snapshot': 'Nodes and pods read from kubectl dumps, next to or instead of node pools.',
  'fleet.members[].virtualNode':
    'An elastic ECI virtual node (virtual-kubelet: taint `virtual-kubelet.io/provider`, label `type: virtual-kubelet`).',
  'fleet.members[].taints[].key': 'Taint key.',
  'fleet.members[].taints[].value': 'Taint value.',
  'fleet.members[].nodePools[].name': 'Pool name.',
  'fleet.members[].nodePools[].labels': 'Labels of every node of the pool.',
  'fleet.members[].nodePools[].taints': 'Taints of every node of the pool.',
  'fleet.members[].nodePools[].online':
    'The online (LS) services on each node: their requests and their usage over time. Without it the nodes run only what is scheduled on them.',
  'loadCurve.diurnal': 'A daily cosine cycle.',
  'loadCurve.diurnal.period': 'Length of one cycle.',
  'loadCurve.noise': 'Seeded per-node noise, correlated over time.',
  'loadCurve.spikes[].at': 'When the spike starts.',
  'loadCurve.spikes[].duration': 'How long it lasts.',
  'loadCurve.spikes[].height': 'Utilisation added while it lasts (negative for a dip).',
  'loadCurve.steps[].at': 'When the level changes.',
  'loadCurve.steps[].delta': 'Utilisation added from then on (negative to lower it).',
  'fleet.members[].virtualNode.name': 'Node name, prefixed with the member’s name.',
  'workloads[].name': 'Workload name; its applications are named after it.',
  'workloads[].arrival': 'When applications arrive.',
  'workloads[].start': 'No arrivals before this time.',
  'workloads[].end': 'No arrivals after this time (default: the end of the run).',
  'workloads[].maxApplications': 'Stop after this many applications.',
  'workloads[].arrival.type': 'The arrival process.',
  'workloads[].arrival.ratePerHour': 'Mean arrivals per hour.',
  'workloads[].arrival.at': 'Arrival times from the start of the run.',
  'workloads[].trace': 'The batch trace to replay.',
  'workloads[].trace.file': 'Path, relative to the scenario file.',
  'workloads[].trace.format':
    '`alibaba-v2017-batch-task`: the `batch_task` table of the Alibaba 2017 trace; each terminated task becomes a SparkApplication with one executor per instance (up to `maxExecutors`), the task’s CPU and memory per executor, and its total core-time as the work.',
  'workloads[].trace.maxApplications': 'Stop after this many applications.',
  'workloads[].trace.maxExecutors':
    'Cap on the executors of one application; a capped task keeps its total work and runs longer.',
  'workloads[].trace.timeOffset': 'Start the replay this far into the trace.',
  seed: 'Integers and strings are both accepted; `--seed` on the command line replaces it.',
  'fleet.members[].kubernetesVersion':
    'Members at or above `fleetScheduler.preoccupationMinVersion` get the fleet’s preoccupation.',
  'fleet.members[].labels': 'Labels of the Cluster object, matched by a policy’s `clusterAffinity.labelSelector`.',
  'fleet.members[].taints': 'Taints of the Cluster object; a policy must tolerate them (`clusterTolerations`).',
  'fleet.members[].nodePools[].count': 'Nodes in the pool, named `<pool>-<n>`.',
  'fleet.members[].nodePools[].online.podsPerNode':
    'How many online pods share the pool’s `requests` on each node (they are what preemption and the batch formula see).',
  'fleet.members[].nodePools[].online.priorityClassName': 'PriorityClass of the online pods (from `manifests`).',
  'colocation.sloConfig':
    'Path relative to the scenario file. The fields below override the ConfigMap’s cluster strategy; without either, Koordinator’s defaults apply (CPU reclaim 60 %, memory reclaim 65 %, CPU suppress 65 %, memory evict 70 %).',
  'colocation.cpuReclaimThresholdPercent':
    '`colocation-config.cpuReclaimThresholdPercent`: the CPU safety margin is 100 − this percent of capacity.',
  'colocation.memoryReclaimThresholdPercent': '`colocation-config.memoryReclaimThresholdPercent`.',
  'colocation.cpuSuppressThresholdPercent':
    '`resource-threshold-config.cpuSuppressThresholdPercent`: the BE CPU ceiling.',
  'colocation.memoryEvictThresholdPercent':
    '`resource-threshold-config.memoryEvictThresholdPercent`: BE pods are evicted above this node memory use.',
  'loadCurve.trace.format':
    '`cluster-aggregate-300s`: a CSV with a header row and one row per 300 s (or a `timestamp` column in seconds); `column` names the utilisation column (default `cpu_util_percent` / `mem_util_percent`), read as a percentage when its name ends in `percent`, else as a fraction; every node replays it with a little seeded jitter. `alibaba-v2018-machine-usage`: the Alibaba 2018 `machine_usage` table (no header), one machine per node, shuffled by the seed.',
  'loadCurve.trace.timeOffset': 'Start the replay this far into the trace.',
  manifests: 'Paths relative to the scenario file; multi-document YAML or JSON.',
  'fleetScheduler.rescheduleTimeout':
    'How long the fleet waits for a dispatched application’s driver to start before it reclaims the application and schedules it on another member. **Assumption**: ACK One does not document the value (see docs/concepts.md).',
  'fleetScheduler.preoccupation':
    'Whether members at or above `preoccupationMinVersion` get resource holds at dispatch. **Assumption** about an undocumented ACK mechanism (see docs/concepts.md).',
  'fleetScheduler.preoccupationTtl': 'How long a hold lives unless the application’s pods consume it first.',
  'fleetScheduler.preoccupationMinVersion': 'Lowest member Kubernetes version that gets preoccupation.',
  'fleetScheduler.scorer':
    'How the fleet ranks members that can hold a Gang application: `most-idle` (most free capacity), `best-fit` (least left over), `round-robin`, `random` (seeded).',
  'fleetScheduler.dispenser':
    'Replica division of Divided workloads: `webster` (Karmada ≥ 1.16) or `legacy` (Karmada 1.8–1.15).',
};

class Renderer {
  readonly sections: Section[] = [];
  readonly visited = new Set<string>();
  private readonly byShape = new Map<string, Section>();
  distribution: Json | undefined;

  /** Renders an object schema as a section (once per distinct shape) and returns its link. */
  objectSection(title: string, path: string, s: Json, intro?: string): string {
    const shape = canonical(s);
    const seen = this.byShape.get(shape);
    if (seen !== undefined) return `[${seen.title}](#${seen.anchor})`;
    const section: Section = { title, anchor: anchorOf(title), lines: [] };
    this.byShape.set(shape, section);
    this.sections.push(section);
    if (intro !== undefined) section.lines.push(intro, '');
    const rows = this.rows(path, s);
    section.lines.push('| Field | Type | Required | Default | Description |', '|---|---|---|---|---|');
    for (const r of rows) {
      section.lines.push(
        `| ${code(r.field)} | ${r.type} | ${r.required ? 'yes' : ''} | ${r.defaultValue} | ${cell(r.description)} |`,
      );
    }
    if (s.additionalProperties === false) {
      section.lines.push('', 'No other fields are allowed.');
    }
    return `[${title}](#${section.anchor})`;
  }

  private rows(path: string, s: Json): Row[] {
    const props = obj(s.properties) ?? {};
    const required = new Set(list(s.required) as unknown as string[]);
    return Object.entries(props).map(([name, raw]) => {
      const child = obj(raw) ?? {};
      const childPath = path === '' ? name : `${path}.${name}`;
      this.visited.add(childPath);
      const description = [this.describe(child), constraints(child), NOTES[childPath]]
        .filter((t): t is string => t !== undefined && t !== '')
        .join(' ');
      return {
        field: name,
        type: this.typeOf(childPath, child),
        required: required.has(name),
        defaultValue: defaultText(child),
        description,
      };
    });
  }

  private describe(s: Json): string | undefined {
    const d = typeof s.description === 'string' ? s.description : undefined;
    // The generic texts are said once, in the conventions section the type links to.
    if (d === DURATION_DESCRIPTION || d === QUANTITY_DESCRIPTION || d === RESOURCES_DESCRIPTION) return undefined;
    return d;
  }

  private typeOf(path: string, s: Json): string {
    const kind = s[KIND];
    if (kind === 'duration') return '[duration](#durations)';
    if (kind === 'resources') return '[resources](#resources)';
    if (kind === 'loadCurve') return this.objectSection('Load curve', 'loadCurve', s, LOAD_CURVE_INTRO);
    if (isDistribution(s)) {
      this.distribution ??= s;
      return '[distribution](#distributions)';
    }
    if (typeof s.const === 'string') return code(JSON.stringify(s.const));
    if (Array.isArray(s.enum)) return s.enum.map((v) => code(JSON.stringify(v))).join(' \\| ');
    const variants = variantsOf(s);
    if (variants.length > 0) {
      if (variants.every(isObjectSchema)) {
        const links = variants.map((v, i) => this.objectSection(`${path} (${variantName(v, variants, i)})`, path, v));
        return `one of ${links.join(', ')}`;
      }
      return variants.map((v) => this.typeOf(path, v)).join(' \\| ');
    }
    if (s.type === 'array') {
      const items = obj(s.items);
      if (items === undefined) return 'list';
      if (isObjectSchema(items)) return `list of ${this.objectSection(`${path}[]`, `${path}[]`, items)}`;
      return `list of ${this.typeOf(`${path}[]`, items)}`;
    }
    if (s.type === 'object') {
      if (isObjectSchema(s)) return this.objectSection(path, path, s);
      const values = obj(s.additionalProperties);
      return values === undefined ? 'map' : `map of ${this.typeOf(`${path}[]`, values)}`;
    }
    if (Array.isArray(s.type)) return s.type.join(' \\| ');
    return typeof s.type === 'string' ? s.type : 'any';
  }
}

function defaultText(s: Json): string {
  const d = s.default;
  if (d === undefined) return '';
  // An object section's default is its fields' defaults, which its own table shows.
  if (isObjectSchema(s) && obj(d) !== undefined && Object.keys(obj(d)!).length > 0) return 'the fields’ defaults';
  return code(JSON.stringify(d));
}

function variantName(v: Json, all: readonly Json[], index: number): string {
  const props = obj(v.properties) ?? {};
  for (const [name, p] of Object.entries(props)) {
    const c = obj(p)?.const;
    if (typeof c === 'string') return `${name}: ${c}`;
  }
  const others = new Set(all.filter((o) => o !== v).flatMap((o) => Object.keys(obj(o.properties) ?? {})));
  const unique = (list(v.required) as unknown as string[]).find((k) => !others.has(k));
  return unique === undefined ? `variant ${index + 1}` : `with ${unique}`;
}

function constraints(s: Json): string {
  const parts: string[] = [];
  const num = (k: string): number | undefined => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const min = num('minimum');
  const max = num('maximum');
  const exMin = num('exclusiveMinimum');
  if (min !== undefined && min > -SAFE && max !== undefined && max < SAFE) parts.push(`From ${min} to ${max}.`);
  else if (min !== undefined && min > -SAFE) parts.push(`At least ${min}.`);
  else if (max !== undefined && max < SAFE) parts.push(`At most ${max}.`);
  if (exMin !== undefined) parts.push(`Greater than ${exMin}.`);
  const minLength = num('minLength');
  const maxLength = num('maxLength');
  if (maxLength !== undefined) parts.push(`${minLength ?? 0}–${maxLength} characters.`);
  else if (minLength !== undefined && minLength > 0) parts.push('Not empty.');
  const minItems = num('minItems');
  const maxItems = num('maxItems');
  if (minItems !== undefined && maxItems !== undefined && minItems === maxItems) {
    parts.push(`Exactly ${minItems} items.`);
  } else if (minItems !== undefined) {
    parts.push(`At least ${minItems} item${minItems === 1 ? '' : 's'}.`);
  }
  if (typeof s.pattern === 'string') parts.push(`Matches ${code(s.pattern)}.`);
  return parts.join(' ');
}

const LOAD_CURVE_INTRO =
  'Online utilisation of each node over simulated time, as a fraction of the node’s capacity. The terms that are present are summed and the result is clamped to [0, 1]; a `trace` replays a recorded series instead of (or on top of) the synthetic terms. Noise is drawn per node from the run’s seed.';

function distributionSection(s: Json | undefined): string[] {
  const lines = [
    '<a id="distributions"></a>',
    '',
    '### Distributions',
    '',
    'A quantity drawn once per application from the run’s seeded random streams. One of:',
    '',
  ];
  const forms: Readonly<Record<string, string>> = {
    number: '`90` — always this value',
    constant: '`{ constant: 90 }` — always this value',
    uniform: '`{ uniform: [60, 120] }` — uniform between the two bounds',
    lognormal: '`{ lognormal: { median: 90, sigma: 0.6 } }` — log-normal with this median and log-space σ',
    exponential: '`{ exponential: { mean: 90 } }` — exponential with this mean',
  };
  for (const v of variantsOf(s ?? {})) {
    const key = v.type === 'number' ? 'number' : Object.keys(obj(v.properties) ?? {})[0]!;
    lines.push(`- ${forms[key] ?? code(key)}`);
  }
  return lines;
}

const HEADER = `<!-- Generated by \`pnpm docs:reference\` from the zod schema in packages/sim/src/scenario/schema.ts. Do not edit: docs/reference.test.ts fails when this file and the schema disagree. -->

# Scenario file reference

A scenario is one YAML (or JSON) file: the fleet's member clusters and their nodes, the online load on
them, Koordinator colocation settings, the Spark workloads that arrive, and the parameters of the fleet's
global scheduler. \`gleaner run\`, \`gleaner compare\`, \`gleaner sweep\` and \`gleaner place --fleet\` read it;
\`runScenario\` / \`loadScenario\` in \`@gleaner/sim\` do the same from code. The bundled examples are in
[examples/](../examples/).

- **Editor support.** Start the file with
  \`# yaml-language-server: $schema=<path to>/packages/sim/scenario.schema.json\` and the YAML extensions of
  VS Code and JetBrains complete and check it as you type.
- **Errors.** A wrong field gets one line naming the file, the field path and the problem, e.g.
  \`scenario.yaml: fleet.members[0].kubernetesVersion: expected a version such as "1.28"\`, and exit code 1
  (see the [CLI reference](cli-reference.md#exit-codes)). Unknown fields are errors, not ignored.
- **Paths** (manifests, traces, snapshots) are relative to the scenario file.
- **Overrides.** Any field can be changed from the command line without editing the file:
  \`--set colocation.cpuReclaimThresholdPercent=70\`, \`--set fleet.members.0.kubernetesVersion=1.27\`,
  \`--set fleetScheduler.rescheduleTimeout=60s\`. Values are read as YAML; \`null\` removes an optional field.
- **Determinism.** The same file and seed give the same result, byte for byte.

## Conventions

<a id="durations"></a>

### Durations

A string with a unit — \`250ms\`, \`30s\`, \`5m\`, \`24h\`, \`7d\` — or a number of milliseconds. Times of day
(\`peakAt\`, \`timeZoneOffset\`) are durations from midnight.

<a id="resources"></a>

### Resources

A map from resource name to a Kubernetes quantity, as a manifest writes \`resources.requests\`:
\`{ cpu: "32", memory: 128Gi, pods: 110 }\`. CPU accepts cores or millicores (\`500m\`), memory binary or
decimal suffixes (\`128Gi\`, \`4G\`), and any other name (\`nvidia.com/gpu\`) a plain count. Internally every
amount is an integer: millicores, bytes, counts.
`;

/**
 * The Markdown text of `docs/scenario-reference.md`: every field of the scenario file with its type,
 * whether it is required, its default, its constraints and its description, walked from the zod schema's
 * JSON Schema, plus the conventions (durations, resources, distributions) the field types link to.
 */
export function renderScenarioReference(): string {
  return render().text;
}

/** Keys of the reference's hand-written notes that name no field of the schema any more (should be none). */
export function staleScenarioNotes(): readonly string[] {
  const { visited } = render();
  return Object.keys(NOTES).filter((path) => !visited.has(path));
}

function render(): { readonly text: string; readonly visited: ReadonlySet<string> } {
  const renderer = new Renderer();
  const root = taggedSchema();
  renderer.objectSection(
    'Top level',
    '',
    root,
    'The fields of the file itself. Sections below follow the nesting; a link in the Type column leads to the section describing that value.',
  );
  const out = [HEADER.trimEnd(), '', ...distributionSection(renderer.distribution), '', '## Fields', ''];
  for (const s of renderer.sections)
    out.push(`<a id="${s.anchor}"></a>`, '', `### ${s.title || 'Top level'}`, '', ...s.lines, '');
  return { text: `${out.join('\n').trimEnd()}\n`, visited: renderer.visited };
}
