import {
  DEFAULT_MAX_MANIFEST_SIZE,
  loadManifests,
  type Manifest,
  type ManifestIssue,
  type PriorityClass,
  type SparkPods,
  sparkPods,
} from '@gleaner/core';
import { Command, InvalidArgumentError } from 'commander';
import type { CliContext } from './CliContext.js';
import { InputOutputError, InvalidInputError } from './CliError.js';
import { describeManifest, manifestName } from './describeManifest.js';
import { formatIssueLine } from './formatIssueLine.js';
import { readManifestFile } from './readManifestFile.js';

/** Options of `gleaner validate`. */
export interface ValidateOptions {
  /** Print one JSON report on stdout instead of text. */
  readonly json?: boolean;
  /** Largest file accepted, in bytes. */
  readonly maxSize?: number;
}

/** One file's outcome in the `--json` report. */
interface FileReport {
  file: string;
  ok: boolean;
  manifests: (Manifest & { sparkPods?: SparkPods })[];
  issues: ManifestIssue[];
  error?: string;
}

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a positive whole number of bytes');
  return n;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Runs `gleaner validate`: loads every file, resolves each SparkApplication's pods against the
 * PriorityClasses found in all the files, prints what each document means (or `--json`), prints each
 * problem as one line on stderr, and throws a {@link InvalidInputError} / {@link InputOutputError} when
 * there were problems.
 */
export async function runValidate(
  files: readonly string[],
  options: ValidateOptions,
  context: CliContext,
): Promise<void> {
  const { io } = context;
  const maxSize = options.maxSize ?? DEFAULT_MAX_MANIFEST_SIZE;
  const reports: FileReport[] = [];
  let unreadable = 0;
  for (const file of files) {
    const read = await readManifestFile(file, maxSize);
    if (!read.ok) {
      if (read.code === 'IO') unreadable++;
      reports.push({ file, ok: false, manifests: [], issues: [], error: read.message });
      continue;
    }
    const loaded = loadManifests(read.text, { maxSize });
    reports.push({ file, ok: loaded.ok, manifests: [...loaded.manifests], issues: [...loaded.issues] });
  }

  // A SparkApplication may name a PriorityClass defined in another of the files.
  const classes: PriorityClass[] = reports.flatMap((r) =>
    r.manifests.flatMap((m) => (m.kind === 'PriorityClass' ? [m.priorityClass] : [])),
  );
  for (const report of reports) {
    report.manifests = report.manifests.map((m) => {
      if (m.kind !== 'SparkApplication') return m;
      const pods = sparkPods(m.application, classes);
      if (pods.ok) return { ...m, sparkPods: pods.pods };
      for (const issue of pods.issues) {
        report.issues.push({
          code: 'invalid-field',
          document: m.document,
          path: issue.path,
          message: issue.message,
          kind: m.kind,
          name: m.application.name,
        });
      }
      report.ok = false;
      return m;
    });
    report.issues.sort((a, b) => a.document - b.document);
  }

  if (options.json === true) {
    const ok = reports.every((r) => r.ok);
    io.stdout.write(`${JSON.stringify({ ok, files: reports }, null, 2)}\n`);
  } else {
    for (const report of reports) {
      for (const m of report.manifests) {
        const [head = '', ...rest] = describeManifest(m, m.sparkPods);
        const name = manifestName(m);
        io.stdout.write(
          `${report.file}: document ${m.document} (${m.kind}${name === undefined ? '' : `/${name}`}): ${head}\n`,
        );
        for (const line of rest) io.stdout.write(`${line}\n`);
      }
    }
  }
  for (const report of reports) {
    if (report.error !== undefined) io.stderr.write(`${report.file}: ${report.error}\n`);
    for (const issue of report.issues) io.stderr.write(`${formatIssueLine(report.file, issue)}\n`);
  }

  const failed = reports.filter((r) => !r.ok);
  if (failed.length === 0) return;
  const problems = failed.reduce((n, r) => n + r.issues.length + (r.error === undefined ? 0 : 1), 0);
  const summary = `${plural(problems, 'problem')} in ${failed.length} of ${plural(reports.length, 'file')}`;
  throw unreadable > 0 ? new InputOutputError(summary) : new InvalidInputError(summary);
}

/**
 * `gleaner validate <files…>`: checks Kubernetes manifests (SparkApplication, PropagationPolicy,
 * PriorityClass, Namespace, Koordinator's SLO ConfigMap, kubectl node/pod dumps) and shows what they
 * mean to the scheduler.
 */
export function validateCommand(context: CliContext): Command {
  return new Command('validate')
    .description('check manifests and print what they mean to the scheduler (pods, placement, thresholds)')
    .argument('<files...>', 'YAML or JSON files, multi-document allowed')
    .option('--json', 'print one JSON report on stdout instead of text')
    .option('--max-size <bytes>', 'largest file accepted, in bytes', positiveInteger, DEFAULT_MAX_MANIFEST_SIZE)
    .action((files: string[], options: ValidateOptions) => runValidate(files, options, context));
}
