#!/usr/bin/env node
// House rules that import graphs cannot see: environment reads only in config/
// and main/, no module-level timers, and files small enough to read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const MAX_LINES = 400;
const problems = [];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

for (const path of files(join(ROOT, 'apps'))) {
  const rel = relative(ROOT, path);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').length;
  if (lines > MAX_LINES) problems.push(`${rel}: ${lines} lines; split it by responsibility (limit ${MAX_LINES})`);
  if (!rel.startsWith('apps/server/src/')) continue;
  const inEdge = /^apps\/server\/src\/(config|main)\//.test(rel);
  if (!inEdge && /process\.env/.test(text)) problems.push(`${rel}: reads process.env; take the value from Config instead`);
  // A module-level statement starts in column 0: `setInterval(` itself, or `const t = setInterval(`.
  // The lookahead only rules out indented code and comments; it must not consume the name's first letter.
  if (/^(?![\s/*]).*\b(setInterval|setTimeout)\(/m.test(text)) problems.push(`${rel}: module-level timer; start it from a function the composition root calls`);
}

if (problems.length) {
  console.error(`Architecture check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('architecture check passed');
