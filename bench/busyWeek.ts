import { Deployment, TRIGGER_RUNTIME_QUOTA_MS, Workspace } from '../local/emulator';
import { row } from '../src/workspace/sheets/schema';
import { T0, benchCommunity, put } from './community';
import { BUILDINGS, rng } from './data';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface BusyWeek {
  deployment: Deployment;
  /** Trigger runtime of the triggers' owner, minutes per day of the week. */
  minutesPerDay: number[];
  busiestDay: number;
  /** "Triggers total runtime: 90 min / day" on a consumer account (guides/services/quotas). */
  quotaMinutes: number;
  submissions: number;
  triggerRuns: number;
  /** Runs Apps Script would have stopped for the day's runtime ("Service using too much computer time"). */
  refusedRuns: number;
}

/** One resident's answers: a name, a building, and one to six of the round's items. */
function answers(ws: Workspace, formId: string, k: number, r: () => number): Record<string, string> {
  const form = ws.forms.byId(formId)!;
  const out: Record<string, string> = {};
  for (const item of form.items) out[item.title] = item.choices[0] ?? '';
  out[form.items[0].title] = `Resident ${k}`;
  const items = form.items.filter((i) => i.title.startsWith('Item '));
  for (let n = 1 + Math.floor(r() * 6); n > 0; n--) out[items[Math.floor(r() * items.length)].title] = '1';
  return out;
}

/**
 * A busy week of a 300-household community, as the triggers' owner's daily trigger runtime sees it: two
 * rounds of 60 items (Monday → Thursday, Thursday → Sunday), 150 orders by form in each, most in the
 * first two days, hourly ticks throughout, reminders 24 h and 2 h before each stop, bills after each,
 * the coordinator visiting the panel each morning and pressing Send once the round has closed.
 */
export function busyWeek(distDir: string, deployment: Deployment): BusyWeek {
  const c = benchCommunity(distDir, 0, deployment);
  const ws = c.workspace;
  put(
    ws,
    'members',
    Array.from({ length: 300 }, (_, k) =>
      row('members', {
        email: `m${k}@example.org`,
        name: `Member ${k}`,
        building: BUILDINGS[k % 8],
        flat: String(k),
        lang: 'ru',
        optOut: false,
      }),
    ),
  );
  const r = rng(5);
  type Step = { at: number; run: () => void };
  const steps: Step[] = [];
  const round = (openAt: number, formId: () => string) => {
    for (let k = 0; k < 150; k++) {
      // Most orders come the first two days, some on the last.
      const at = openAt + Math.floor((r() < 0.85 ? r() * 48 : 48 + r() * 22) * HOUR);
      steps.push({
        at,
        run: () => void ws.submitForm(formId(), { answers: answers(ws, formId(), k, r), email: `m${k}@example.org` }),
      });
    }
  };
  round(T0, () => c.formId);
  let second = '';
  steps.push({
    at: T0 + 3 * DAY + HOUR,
    run: () => {
      const id = ws.run<{ id: string }>('createRound', [
        { title: 'Bench 2', deadline: new Date(T0 + 6 * DAY).toISOString(), itemIds: c.items.map((i) => i.id) },
      ]).id;
      ws.run('openRound', [id]);
      second = ws.forms.forms.at(-1)!.id;
    },
  });
  round(T0 + 3 * DAY + 2 * HOUR, () => second);
  for (let d = 1; d < 7; d++)
    steps.push({
      at: T0 + d * DAY + 2 * HOUR,
      run: () => {
        ws.run('roundsScreen');
        ws.run('sendQueuedEmails');
      },
    });
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    ws.advanceTo(step.at);
    step.run();
  }
  ws.advanceTo(T0 + 7 * DAY);

  const owner = ws.owner;
  const runs = ws.executions.filter((e) => e.cause.startsWith('trigger') && e.user === owner);
  const minutesPerDay = Array.from({ length: 7 }, (_, d) =>
    runs
      .filter((e) => e.startedAt >= T0 + d * DAY && e.startedAt < T0 + (d + 1) * DAY)
      .reduce((sum, e) => sum + ((e.endedAt ?? e.startedAt) - e.startedAt) / 60_000, 0),
  ).map((m) => Number(m.toFixed(1)));
  return {
    deployment,
    minutesPerDay,
    busiestDay: Math.max(...minutesPerDay),
    quotaMinutes: TRIGGER_RUNTIME_QUOTA_MS.consumer / 60_000,
    submissions: 300,
    triggerRuns: runs.length,
    refusedRuns: runs.filter((e) => /too much computer time/.test(e.error ?? '')).length,
  };
}
