// One import for tests: processes (node.mjs), chain access (chain.mjs), measurements (metrics.mjs),
// the Guild protocol's state (guild.mjs).
export * from './node.mjs';
export * from './chain.mjs';
export * from './metrics.mjs';
export * from './guild.mjs';
