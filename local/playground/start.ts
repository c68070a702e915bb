import { join } from 'node:path';
import { launchPlayground } from './launch';

/** `npm start`: the add-on running locally on an embedded demo community. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : Number(process.env.PORT ?? 8787);
  const deploymentAt = args.indexOf('--deployment');
  const deployment = deploymentAt >= 0 && args[deploymentAt + 1] === 'addon' ? 'addon' : 'bound';
  const started = Date.now();
  const { playground, url } = await launchPlayground(join(__dirname, '..', '..', '..'), {
    port,
    reset: args.includes('--reset'),
    deployment,
  });
  console.log(`Playground ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url} (${deployment})`);
  console.log(
    playground.log[0]?.startsWith('restored')
      ? 'Continuing from .playground/state.json (npm start -- --reset starts over).'
      : 'Seeded the demo community (state kept in .playground/state.json).',
  );
}

void main();
