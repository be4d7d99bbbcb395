import * as z from 'zod';
import { scenarioSchema } from './schema.js';

/** A JSON Schema document (draft-07), as plain JSON data. */
export type JsonSchema = { readonly [key: string]: unknown };

let cached: JsonSchema | undefined;

/**
 * The JSON Schema (draft-07) of a scenario file, generated from the zod {@link scenarioSchema} so editors
 * (VS Code's YAML extension, JetBrains, yaml-language-server) can complete and check scenario files. It
 * describes the file as written: fields with defaults are optional. The committed copy is
 * `packages/sim/scenario.schema.json`; a test fails when it drifts from the zod schema.
 *
 * @returns a fresh, deeply mutable copy on every call.
 */
export function scenarioJsonSchema(): JsonSchema {
  cached ??= {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-07' }),
    title: 'Gleaner scenario',
    description:
      'A Gleaner simulation scenario: a fleet of member clusters, their online load, colocation settings and Spark workloads.',
  };
  return structuredClone(cached) as JsonSchema;
}

/** {@link scenarioJsonSchema} as the text of `scenario.schema.json`: two-space indentation, final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
