#!/usr/bin/env node
// Browser journeys in Debian's headless Chromium (driven by playwright-core).
// Filled in with the web app; until then there is nothing to drive.
console.log('browser tests: the web app is not built yet, nothing to run');
