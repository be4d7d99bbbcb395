import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/jsonSchema.js';

const committed = fileURLToPath(new URL('../../scenario.schema.json', import.meta.url));

describe('scenarioJsonSchema', () => {
  it('describes the scenario file as written (draft-07, defaults optional)', () => {
    const schema = scenarioJsonSchema() as {
      $schema: string;
      required: string[];
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'seed', 'duration', 'fleet']));
    expect(schema.required).not.toContain('colocation');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['colocation', 'fleetScheduler', 'workloads', 'manifests']),
    );
  });

  it('returns an independent copy each time', () => {
    const a = scenarioJsonSchema() as { title: string };
    a.title = 'changed';
    expect((scenarioJsonSchema() as { title: string }).title).toBe('Gleaner scenario');
  });

  it('matches the committed packages/sim/scenario.schema.json', () => {
    // Regenerate with: pnpm exec tsx --conditions=@gleaner/source packages/sim/scripts/write-scenario-schema.ts
    expect(readFileSync(committed, 'utf8'), 'scenario.schema.json drifted from the zod schema').toBe(
      scenarioJsonSchemaText(),
    );
  });
});
