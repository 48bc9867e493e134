#!/usr/bin/env node
// Starts the CLI built ahead of time in dist/ (scripts/build-cli.mjs; `npm install` builds it).
// In a checkout whose sources changed since that build (or with no build yet), rebuilds first
// (about a second with esbuild) and says so on stderr, so an edit is never silently ignored.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** Why dist/ must be (re)built before it runs, or undefined when it was built from the current files. */
function staleness() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('dist/build.json', root), 'utf8'));
  } catch {
    return 'there was no build in dist/ yet';
  }
  for (const file of manifest.inputs) {
    let modified;
    try {
      modified = statSync(new URL(file, root)).mtimeMs;
    } catch {
      return `${file} is gone since the last build`;
    }
    if (modified >= manifest.builtAt) return `${file} changed since the last build`;
  }
  return undefined;
}

const why = staleness();
if (why !== undefined) {
  const started = performance.now();
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli();
  } catch (error) {
    process.stderr.write(`parley: could not build the command line from src/: ${error.message}\n  hint: fix the error, or run \`npm run build\` to see it in full\n`);
    process.exit(2);
  }
  process.stderr.write(`parley: ${why}; built dist/ in ${Math.round(performance.now() - started)} ms\n`);
}
await import('../dist/parley.mjs');
