import fc from 'fast-check';

// Property tests are seeded: set GLEANER_FC_SEED to replay a failure; otherwise a seed is drawn once per
// worker and fast-check prints it (with the failing path) in any failure report.
const seed = process.env.GLEANER_FC_SEED;
if (seed !== undefined && seed !== '') {
  fc.configureGlobal({ seed: Number(seed) });
}
