// `npm run bench`: bundles bench/main.ts for Node with esbuild and runs it (no ts-node needed).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from '../build.mjs';

const here = new URL('.', import.meta.url).pathname;
await buildAll({ quiet: true });
mkdirSync(join(here, 'out'), { recursive: true });
const outfile = join(here, 'out', 'bench.cjs');
await build({
  entryPoints: [join(here, 'main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  logLevel: 'error',
  packages: 'external',
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
