import { stringify } from 'yaml';

/** What the Kubernetes Job that runs a sweep's shards needs to know. */
export interface IndexedJobOptions {
  /** `metadata.name`; made a valid DNS-1123 label (see {@link kubernetesName}). */
  readonly name: string;
  /** Container image with the `gleaner` command and the scenario files (at the same relative paths). */
  readonly image: string;
  /** Number of shards: the Job's `completions`, one pod per index. */
  readonly shards: number;
  /** Pods running at once (`parallelism`); at most `shards`. */
  readonly parallelism: number;
  /** `gleaner sweep …` arguments that define the sweep (scenario, `--grid`, `--seeds`, `--set`, `--seed`). */
  readonly sweepArgs: readonly string[];
  /** PersistentVolumeClaim the shard files are written to. */
  readonly resultsClaim: string;
  /** Where the claim is mounted and the shard files go. Default `/results`. */
  readonly resultsPath?: string;
  /** Namespace of the Job; omitted when undefined. */
  readonly namespace?: string;
}

/**
 * A Kubernetes name from free text: lower case, `[a-z0-9-]`, starting and ending with a letter or digit,
 * at most `max` characters (63, a DNS-1123 label, by default). Empty text gives `gleaner-sweep`.
 */
export function kubernetesName(text: string, max = 63): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'gleaner-sweep' : name;
}

/**
 * The `batch/v1` Job that runs a sweep on a cluster: `completionMode: Indexed` with `completions` = the
 * shard count, each pod running `gleaner sweep … --shard $(JOB_COMPLETION_INDEX)/n` (the Job controller
 * sets `JOB_COMPLETION_INDEX` in every container, and Kubernetes expands `$(VAR)` in `args`) and writing
 * its shard file to a shared volume; `gleaner merge` then combines the files.
 */
export function indexedJobManifest(options: IndexedJobOptions): Record<string, unknown> {
  const resultsPath = options.resultsPath ?? '/results';
  const name = kubernetesName(options.name);
  const labels = {
    'app.kubernetes.io/name': 'gleaner',
    'app.kubernetes.io/component': 'sweep',
    'gleaner.dev/sweep': name,
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, ...(options.namespace === undefined ? {} : { namespace: options.namespace }), labels },
    spec: {
      completionMode: 'Indexed',
      completions: options.shards,
      parallelism: Math.min(options.parallelism, options.shards),
      backoffLimit: options.shards,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'gleaner',
              image: options.image,
              command: ['gleaner'],
              args: [
                'sweep',
                ...options.sweepArgs,
                '--workers',
                '1',
                '--shard',
                `$(JOB_COMPLETION_INDEX)/${options.shards}`,
                '--out',
                resultsPath,
              ],
              resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { memory: '2Gi' } },
              volumeMounts: [{ name: 'results', mountPath: resultsPath }],
            },
          ],
          volumes: [{ name: 'results', persistentVolumeClaim: { claimName: options.resultsClaim } }],
        },
      },
    },
  };
}

/** {@link indexedJobManifest} as a YAML file, with a comment saying how to run it and merge the shards. */
export function indexedJobYaml(options: IndexedJobOptions): string {
  const resultsPath = options.resultsPath ?? '/results';
  const name = kubernetesName(options.name);
  const header = [
    `# A Kubernetes Indexed Job running a gleaner sweep in ${options.shards} shards (written by gleaner sweep --emit-job).`,
    `# Create the PersistentVolumeClaim "${options.resultsClaim}" (ReadWriteMany) first, then:`,
    `#   kubectl apply -f <this file> && kubectl wait --for=condition=complete job/${name} --timeout=24h`,
    `# and merge the shard files from ${resultsPath}:`,
    `#   gleaner merge ${resultsPath}/shard-*-of-*.json --out sweep.json`,
    '',
  ].join('\n');
  return header + stringify(indexedJobManifest(options), { lineWidth: 0 });
}
