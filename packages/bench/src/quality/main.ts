// `pnpm bench:quality`: the policy-quality benchmark (see qualityCli.ts and docs/quality.md).
import { qualityCli } from './qualityCli.js';

process.exitCode = await qualityCli(process.argv.slice(2));
