/**
 * Builds the command line ahead of time, so `parley` starts without compiling TypeScript:
 *
 *   dist/parley.mjs            src/cli/main.ts and everything it imports, one ES module
 *   dist/node-pool-worker.cjs  a batch worker thread: src/batch/node-pool.ts's serveBatchWorker
 *   dist/build.json            when it was built and from which project files (bin/parley.mjs
 *                              rebuilds when any of them is newer)
 *
 * The worker sits next to the CLI under the name node-pool.ts looks for beside itself, so the
 * built CLI starts built workers and the TypeScript sources (tests, bench) start tsx workers.
 * Run by `npm install`/`npm ci` (prepare), `npm test` (pretest) and `npm run build`.
 * Files are written to a temporary name and renamed, so a CLI starting meanwhile sees whole files.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/** Builds dist/; returns the build time and the project files it was built from. */
export async function buildCli() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('esbuild is not installed: run `npm install` (with dev dependencies) in the Parley folder');
  }
  const builtAt = Date.now();
  const common = { bundle: true, platform: 'node', target: 'node20', write: false, metafile: true, logLevel: 'silent', legalComments: 'none', absWorkingDir: ROOT, minifyWhitespace: true, minifySyntax: true };
  const [cli, worker] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [join(ROOT, 'src/cli/main.ts')],
      outfile: join(DIST, 'parley.mjs'),
      format: 'esm',
      // Bundled CommonJS packages (seedrandom) may `require` Node built-ins.
      banner: { js: "import { createRequire as __parleyCreateRequire } from 'node:module';\nconst require = __parleyCreateRequire(import.meta.url);" },
    }),
    esbuild.build({
      ...common,
      stdin: { contents: "import { serveBatchWorker } from './src/batch/node-pool.ts';\nserveBatchWorker().catch((error) => { throw error; });\n", resolveDir: ROOT, sourcefile: 'dist-worker-entry.ts', loader: 'ts' },
      outfile: join(DIST, 'node-pool-worker.cjs'),
      format: 'cjs',
    }),
  ]);
  const inputs = new Set();
  for (const result of [cli, worker]) {
    for (const input of Object.keys(result.metafile.inputs)) if (!input.includes('node_modules/') && input !== 'dist-worker-entry.ts') inputs.add(relative(ROOT, join(ROOT, input)));
  }
  mkdirSync(DIST, { recursive: true });
  for (const file of [...cli.outputFiles, ...worker.outputFiles]) writeWhole(file.path, file.contents);
  const manifest = { builtAt, inputs: [...inputs, 'scripts/build-cli.mjs'].sort() };
  writeWhole(join(DIST, 'build.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function writeWhole(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const started = performance.now();
    const { inputs } = await buildCli();
    process.stderr.write(`parley: built dist/ from ${inputs.length} files in ${Math.round(performance.now() - started)} ms\n`);
  } catch (error) {
    process.stderr.write(`parley: build failed: ${error.message}\n`);
    process.exitCode = 1;
  }
}
