import {
  DEFAULT_MAX_MANIFEST_SIZE,
  type FleetDecision,
  type FleetReservation,
  type FleetResource,
  type FleetSnapshot,
  loadManifests,
  type Manifest,
  objectResource,
  type PriorityClass,
  type PropagationPolicy,
  scheduleOnFleet,
  sparkApplicationResource,
  sparkPods,
  withReservations,
} from '@gleaner/core';
import { Command } from 'commander';
import { parseDuration } from '../scenario/duration.js';
import { buildWorld } from '../world/buildWorld.js';
import { World } from '../world/World.js';
import type { CliContext } from './CliContext.js';
import { InputOutputError, InvalidInputError, UsageError } from './CliError.js';
import { formatIssueLine } from './formatIssueLine.js';
import { formatScenarioIssue, openScenario } from './openScenario.js';
import { readManifestFile } from './readManifestFile.js';

/** Options of `gleaner place`. */
export interface PlaceOptions {
  /** Scenario file whose fleet (members, node pools or kubectl snapshots, online load) is the snapshot. */
  readonly fleet: string;
  /** Time of (simulated) day the snapshot is taken at, as a duration (`14h`); default 0. */
  readonly at?: string;
  /** Print the decisions as JSON. */
  readonly json?: boolean;
}

/** One placed resource: its kind/name and the fleet's decision. */
interface Placed {
  readonly kind: string;
  readonly name: string;
  readonly decision: FleetDecision;
}

/**
 * The Fleet's own event line for a decision: `ScheduleBindingSucceed` with Karmada's result text, or
 * `ScheduleBindingFailed` with why the resource waits.
 */
export function formatPlacement(kind: string, name: string, decision: FleetDecision): string {
  switch (decision.kind) {
    case 'scheduled':
      return `ScheduleBindingSucceed  ${kind}/${name}  ${decision.message}`;
    case 'waiting':
      return `ScheduleBindingFailed  ${kind}/${name}  ${decision.message}`;
    case 'unschedulable':
      return `ScheduleBindingFailed  ${kind}/${name}  ${decision.condition}: ${decision.reason}`;
    case 'no-policy':
      return `NoPolicy  ${kind}/${name}  ${decision.reason}`;
  }
}

/**
 * Runs `gleaner place`: the fleet's one-shot decision for each SparkApplication, Namespace and
 * PriorityClass in the manifest files, against the fleet of a scenario file at a time of day. Decisions
 * are made in file order on one snapshot; the preoccupation holds of earlier decisions are visible to later
 * ones (as concurrent decisions between two syncs would see them).
 */
export async function runPlace(files: readonly string[], options: PlaceOptions, context: CliContext): Promise<void> {
  const { io } = context;
  const atMs = options.at === undefined ? 0 : parseDuration(options.at);
  if (atMs === undefined) throw new UsageError(`--at ${JSON.stringify(options.at)}: expected a duration such as "14h"`);

  const manifests: Manifest[] = [];
  let problems = 0;
  for (const file of files) {
    const read = await readManifestFile(file, DEFAULT_MAX_MANIFEST_SIZE);
    if (!read.ok) {
      if (read.code === 'IO') throw new InputOutputError(`${file}: ${read.message}`);
      throw new InvalidInputError(`${file}: ${read.message}`);
    }
    const loaded = loadManifests(read.text);
    for (const issue of loaded.issues) {
      problems++;
      io.stderr.write(`${formatIssueLine(file, issue)}\n`);
    }
    manifests.push(...loaded.manifests);
  }
  if (problems > 0) throw new InvalidInputError(`${problems} problem${problems === 1 ? '' : 's'} in the manifests`);

  const opened = await openScenario(options.fleet, [], context);
  const built = await buildWorld(opened.scenario);
  if (!built.ok) throw new InvalidInputError(built.issues.map(formatScenarioIssue).join('; '));
  const world = new World(built.config);
  world.engine.run(atMs);
  world.warmStart();

  const classes: PriorityClass[] = [
    ...opened.scenario.priorityClasses,
    ...manifests.flatMap((m) => (m.kind === 'PriorityClass' ? [m.priorityClass] : [])),
  ];
  const policies: PropagationPolicy[] = [
    ...opened.scenario.policies,
    ...manifests.flatMap((m) =>
      m.kind === 'PropagationPolicy' || m.kind === 'ClusterPropagationPolicy' ? [m.policy] : [],
    ),
  ];
  let snapshot: FleetSnapshot = world.fleetSnapshot();
  const held: FleetReservation[] = [];
  const placed: Placed[] = [];
  for (const m of manifests) {
    let resource: FleetResource | undefined;
    let name = '';
    if (m.kind === 'SparkApplication') {
      const pods = sparkPods(m.application, classes);
      if (!pods.ok) {
        throw new InvalidInputError(
          `SparkApplication ${m.application.namespace}/${m.application.name}: ${pods.issues.map((i) => i.message).join('; ')}`,
        );
      }
      resource = sparkApplicationResource(m.application, pods.pods);
      name = `${m.application.namespace}/${m.application.name}`;
    } else if (m.kind === 'Namespace') {
      resource = objectResource({ apiVersion: 'v1', kind: 'Namespace', name: m.name, labels: m.labels });
      name = m.name;
    } else if (m.kind === 'PriorityClass') {
      resource = objectResource({
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        name: m.priorityClass.name,
        labels: {},
      });
      name = m.priorityClass.name;
    }
    if (resource === undefined) continue;
    const decision = scheduleOnFleet(snapshot, resource, policies, { nowMs: atMs });
    if (decision.kind === 'scheduled' && decision.reservations.length > 0) {
      held.push(...decision.reservations);
      snapshot = withReservations(world.fleetSnapshot(), held);
    }
    placed.push({ kind: m.kind, name, decision });
  }
  if (placed.length === 0) throw new InvalidInputError('no SparkApplication, Namespace or PriorityClass to place');

  if (options.json === true) {
    io.stdout.write(`${JSON.stringify(placed, null, 2)}\n`);
  } else {
    for (const p of placed) io.stdout.write(`${formatPlacement(p.kind, p.name, p.decision)}\n`);
  }
}

/** The `place` command: the fleet's one-shot decision for manifests against a fleet snapshot. */
export function placeCommand(context: CliContext): Command {
  return new Command('place')
    .description(
      'Decide where the fleet would place SparkApplications (and Namespaces, PriorityClasses) in the given manifests, ' +
        'printed like ACK One Fleet’s ScheduleBindingSucceed event.',
    )
    .argument('<manifests...>', 'manifest files (YAML or JSON)')
    .requiredOption('--fleet <scenario>', 'scenario file whose fleet is the snapshot (members, nodes, online load)')
    .option('--at <duration>', 'time of day of the snapshot, e.g. 14h (default 0)')
    .option('--json', 'print the decisions as JSON')
    .action(async (files: string[], options: PlaceOptions) => runPlace(files, options, context));
}
