/**
 * The home feed: hybrid fan-out into capped timelines, merged celebrity posts,
 * chronological and ranked reading. Other modules import only this file.
 */
export type { TimelineEntry, TimelineStore } from './feed.ports.js';
