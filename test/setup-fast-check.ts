import fc from 'fast-check';

// Every property test replays: a fixed seed unless FC_SEED is set, and the seed is printed on
// failure by fast-check itself.
const seed = process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : 20261127;
// The AWS SDK warns once per process that its 2027 releases need Node 22; the CLI turns that off
// for users (and a test checks it), library tests that call the SDK directly need not print it.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
fc.configureGlobal({ seed, numRuns: Number(process.env['FC_NUM_RUNS'] ?? 100) });
