export * from './common.js';
export * from './accounts.js';
export * from './graph.js';
export * from './posts.js';
export * from './interactions.js';
export * from './feed.js';
