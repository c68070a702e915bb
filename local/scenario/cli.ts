import { resolve as resolvePath } from 'node:path';
import { Deployment } from '../emulator';
import { runScenarioFile } from './runFile';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : 'scenario-out';
  const deploymentAt = args.indexOf('--deployment');
  const deployment = deploymentAt >= 0 ? (args[deploymentAt + 1] as Deployment) : undefined;
  // An option's value is the argument after it; with the option absent (index -1) nothing is skipped,
  // so the first file is never taken for the value of a missing --out.
  const optionValues = new Set([outAt, deploymentAt].filter((at) => at >= 0).map((at) => at + 1));
  const files = args.filter((a, i) => !a.startsWith('--') && !optionValues.has(i));
  if (!files.length || (deployment && deployment !== 'bound' && deployment !== 'addon')) {
    console.error('usage: npm run scenario -- scenarios/FILE.json [--out DIR] [--deployment bound|addon]');
    process.exit(2);
  }
  let failed = false;
  for (const file of files) {
    const dir = files.length > 1 ? resolvePath(out, file.replace(/^.*\//, '').replace(/\.json$/, '')) : resolvePath(out);
    const { ok, log } = await runScenarioFile(file, dir, resolvePath('dist'), { deployment });
    console.log(log.join('\n'));
    console.log(`${ok ? 'wrote' : 'FAILED, wrote what there was to'} ${dir}`);
    failed ||= !ok;
  }
  process.exit(failed ? 1 : 0);
}

void main();
