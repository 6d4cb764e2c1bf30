export * from './common.js';
export * from './accounts.js';
export * from './graph.js';
