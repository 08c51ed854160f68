import fc from 'fast-check';

// Every property test replays: a fixed seed unless FC_SEED is set, and the seed is printed on
// failure by fast-check itself.
const seed = process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : 20261127;
fc.configureGlobal({ seed, numRuns: Number(process.env['FC_NUM_RUNS'] ?? 100) });
