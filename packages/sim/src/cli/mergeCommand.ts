import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { writeFileAtomic } from '../report/atomicOutput.js';
import { canonicalJson } from '../report/canonicalJson.js';
import { mergeShards, type ShardInput } from '../sweep/mergeShards.js';
import { sweepTable } from '../sweep/tables.js';
import type { CliContext } from './CliContext.js';
import { InputOutputError, InvalidInputError, UsageError } from './CliError.js';
import { ioReason } from './openScenario.js';
import { toCliError } from './toCliError.js';

/** Options of `gleaner merge`. */
export interface MergeOptions {
  /** Where to write the merged `sweep.json`. */
  readonly out?: string;
  /** Print the merged file on stdout instead of the table. */
  readonly json?: boolean;
}

/**
 * Runs `gleaner merge`: checks that the shard files are all the shards of one sweep and writes the merged
 * `sweep.json`, byte for byte what one machine running the whole sweep would have written.
 */
export async function runMerge(files: readonly string[], options: MergeOptions, context: CliContext): Promise<void> {
  const { io } = context;
  try {
    if (options.out === undefined)
      throw new UsageError('--out <file> is required (where to write the merged sweep.json)');
    const inputs: ShardInput[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new InputOutputError(`${file}: cannot read: ${ioReason(error)}`);
      }
      try {
        inputs.push({ file, data: JSON.parse(text) as unknown });
      } catch (error) {
        throw new InvalidInputError(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    const sweep = mergeShards(inputs);
    const text = canonicalJson(sweep);
    await writeFileAtomic(options.out, text);
    if (options.json === true) {
      io.stdout.write(text);
      return;
    }
    io.stdout.write(`${sweep.sweep.scenario.name}: merged ${files.length} shards, ${sweep.runs.length} runs\n\n`);
    io.stdout.write(sweepTable(sweep));
    io.stdout.write(`\nWrote ${options.out}.\n`);
  } catch (error) {
    throw toCliError(error);
  }
}

/** `gleaner merge <shards…> --out <file>`: combines `gleaner sweep --shard` outputs into one sweep.json. */
export function mergeCommand(context: CliContext): Command {
  return new Command('merge')
    .description('combine the shard files of a sharded sweep into the sweep.json one machine would write')
    .argument('<shards...>', 'shard files written by gleaner sweep --shard i/n')
    .option('--out <file>', 'where to write the merged sweep.json (required)')
    .option('--json', 'print the merged file on stdout instead of the table')
    .action((files: string[], options: MergeOptions) => runMerge(files, options, context));
}
