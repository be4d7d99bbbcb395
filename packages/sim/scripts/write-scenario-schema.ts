// Regenerates packages/sim/scenario.schema.json from the zod scenario schema:
//   pnpm exec tsx --conditions=@gleaner/source packages/sim/scripts/write-scenario-schema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/scenario/jsonSchema.js';

const target = fileURLToPath(new URL('../scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
