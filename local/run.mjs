// Runs a local tool written in TypeScript (scenario runner, playground): builds dist/ first, bundles
// the tool for Node with esbuild and runs it. Usage: node local/run.mjs <entry.ts> [args…]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createRequire } from 'node:module';
import { buildAll } from '../build.mjs';

const root = new URL('..', import.meta.url).pathname;
const [entry, ...args] = process.argv.slice(2);
await buildAll({ quiet: true });
const outdir = join(root, 'node_modules', '.cache', 'local-tools');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${basename(entry, '.ts')}.cjs`);
await build({
  entryPoints: [join(root, entry)],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  logLevel: 'error',
  packages: 'external',
});
process.argv = [process.argv[0], outfile, ...args];
createRequire(import.meta.url)(outfile);
