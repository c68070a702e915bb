import { readFileSync } from 'node:fs';
import { Deployment, loadBundle } from '../emulator';
import { writeOutputs } from './export';
import { Scenario, runSteps } from './steps';

/**
 * `npm run scenario -- FILE.json --out DIR`: runs a scenario against a fresh emulator loaded with
 * the built bundle and writes workbook.xlsx, workbook.json, outbox.json + emails/*.eml, calls.json, log.txt.
 */
export async function runScenarioFile(
  file: string,
  out: string,
  distDir: string,
  override: { deployment?: Deployment } = {},
): Promise<{ ok: boolean; log: string[] }> {
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  const o = { ...(scenario.options ?? {}), ...override };
  const { workspace } = loadBundle(distDir, {
    deployment: o.deployment,
    timeZone: o.timeZone,
    locale: o.locale,
    mailQuota: o.mailQuota,
    user: o.user,
    now: o.now ? Date.parse(o.now) : undefined,
  });
  const log: string[] = [`Scenario: ${scenario.title} (${workspace.project.deployment})`];
  let ok = true;
  try {
    runSteps(workspace, scenario.steps, { line: (l) => log.push(l) });
  } catch (err) {
    ok = false;
    log.push(`FAILED ${(err as Error).message}`);
  }
  await writeOutputs(workspace, out, log);
  return { ok, log };
}
