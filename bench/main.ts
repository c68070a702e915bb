import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { EXECUTION_TIME_ERROR, Workspace } from '../local/emulator';
import { attach, scriptRealm } from '../local/emulator/loadBundle';
import { costOf } from '../local/emulator/latency';
import { emulatorMeter } from '../local/emulator/guard';
import { tallyRound } from '../src/core/tally';
import { T0, benchCommunity } from './community';
import { benchCatalog, benchOrders } from './data';
import { NAIVE_SCRIPT } from './naive';
import { BusyWeek, busyWeek } from './busyWeek';
import { OpCost, SoakResult, soak } from './soak';
import { parcelRound } from './parcels';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const args = process.argv.slice(2);
const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '100,1000,10000').split(',').map(Number);
/** `--soak=10 --parcels=60` for a quick run while developing; the budgets are for the defaults. */
const soakRounds = Number(args.find((a) => a.startsWith('--soak='))?.slice(7) ?? 100);
const parcels = Number(args.find((a) => a.startsWith('--parcels='))?.slice(10) ?? 300);

interface Op {
  op: string;
  orders: number;
  sheetCalls: number;
  sheetRoundTrips: number;
  formCalls: number;
  mailCalls: number;
  propertyCalls: number;
  cpuMs: number;
  /** Of cpuMs, the emulator's own: inside emulated service calls (copying cells), which Google's servers pay. */
  emulatorCpuMs: number;
  /** A screen's add-on CPU (the emulator's left out), warm, best of three: what the core's tally is compared with. */
  warmAddOnMs?: number;
  modelledS: number;
  note?: string;
  finished: boolean;
}

/** Runs one operation and reads the emulator's counters: service calls, Node CPU time, modelled Apps Script time. */
function measure(ws: Workspace, op: string, orders: number, fn: () => string | void): Op {
  ws.calls.reset();
  emulatorMeter.ms = 0;
  emulatorMeter.enabled = true;
  const start = process.cpuUsage();
  let note: string | undefined;
  let finished = true;
  try {
    note = fn() ?? undefined;
  } catch (err) {
    if ((err as Error).message !== EXECUTION_TIME_ERROR) throw err;
    finished = false;
    note = 'killed at the 6-minute limit';
  } finally {
    emulatorMeter.enabled = false;
  }
  const used = process.cpuUsage(start);
  const cpuMs = (used.user + used.system) / 1000;
  const calls = ws.calls.snapshot();
  const latencyMs = Object.entries(calls).reduce((s, [m, n]) => s + n * costOf(m, ws.runtime.latency).ms, 0);
  return {
    op,
    orders,
    sheetCalls: ws.calls.total('spreadsheet'),
    sheetRoundTrips: ws.calls.roundTrips('spreadsheet'),
    formCalls: ws.calls.total('form'),
    mailCalls: ws.calls.total('mail'),
    propertyCalls: ws.calls.total('properties'),
    cpuMs: Number(cpuMs.toFixed(1)),
    emulatorCpuMs: Number(emulatorMeter.ms.toFixed(1)),
    modelledS: Number(((latencyMs + cpuMs) / 1000).toFixed(2)),
    note,
    finished,
  };
}

function withNaive<T>(ws: Workspace, bundleContext: Record<string, unknown>, fn: () => T): T {
  const naive = scriptRealm(ws);
  vm.runInContext(NAIVE_SCRIPT, naive);
  attach(ws, naive);
  try {
    return fn();
  } finally {
    attach(ws, bundleContext);
  }
}

function addOnSection(orders: number): Op[] {
  const c = benchCommunity(DIST, orders);
  const ws = c.workspace;
  const out: Op[] = [];
  const answers = () => {
    const form = ws.forms.byId(c.formId)!;
    const a: Record<string, string> = {};
    for (const item of form.items) a[item.title] = item.choices[0] ?? '';
    a[form.items[0].title] = 'Bench resident';
    for (const item of form.items.filter((i) => i.title.startsWith('Item ')).slice(0, 6)) a[item.title] = '1';
    return a;
  };
  out.push(
    measure(ws, 'form submit (trigger)', orders, () => {
      const r = ws.submitForm(c.formId, { answers: answers(), email: 'bench@example.org' });
      return r.ok ? undefined : 'refused';
    }),
  );
  out.push(
    measure(
      ws,
      'offline order',
      orders,
      () => void ws.run('saveOfflineOrder', [{ roundId: c.roundId, name: 'Offline', quantities: { I00: '1', I03: '2' } }]),
    ),
  );
  for (const screen of ['roundsScreen', 'tallyScreen', 'offlineScreen', 'participantsScreen', 'emailsScreen', 'settingsScreen']) {
    out.push(
      measure(
        ws,
        `screen: ${screen}`,
        orders,
        () => void ws.run(screen, screen === 'roundsScreen' || screen === 'settingsScreen' ? [] : [c.roundId]),
      ),
    );
  }
  // For the CPU ratio, the screens again, warm and best of three like the core's tally (best of five): a
  // screen reads and changes nothing, so running it again measures the same work.
  for (const o of out.filter((x) => x.op === 'screen: tallyScreen' || x.op === 'screen: participantsScreen'))
    o.warmAddOnMs = warmBest(ws, () => void ws.run(o.op.slice('screen: '.length), [c.roundId]));
  // Ticks up to just past the 24-hour reminder mark run unmeasured; the one that sends the reminders is measured.
  ws.advanceTo(T0 + 48 * 3600_000 + 60_000);
  out.push(
    measure(ws, 'hourly tick with a reminder due', orders, () => {
      const fired = ws.advance(3600_000);
      const err = fired.find((f) => f.error);
      if (err) throw new Error(err.error);
      return `${ws.mail.sent.length} reminders sent (quota 100)`;
    }),
  );
  // Closing asks first ("close now and send N final bills?"); the question is not measured, the close is.
  const asked = ws.run<{ confirm: { token: string } }>('closeRound', [c.roundId]);
  out.push(
    measure(
      ws,
      'close: tally + result sheets + queue bills',
      orders,
      () => void ws.run('closeRound', [c.roundId, asked.confirm.token]),
    ),
  );
  out.push(measure(ws, 'supplier order', orders, () => void ws.run('supplierOrder', [c.roundId])));
  out.push(measure(ws, 'distribution lists', orders, () => void ws.run('distributionLists', [c.roundId])));
  // Bills wait while the quota is spent; then one run sends up to 1,000 of them (a Workspace account's day).
  ws.mail.dailyQuota = 0;
  ws.advance(25 * 3600_000);
  ws.mail.dailyQuota = 1000 + (ws.mail as unknown as { used: number }).used;
  const sentBefore = ws.mail.sent.length;
  const sendOp = measure(ws, 'send queued emails (one run)', orders, () => {
    ws.run('sendQueuedEmails');
    return '';
  });
  const sent = ws.mail.sent.length - sentBefore;
  const chunks = Math.max(1, Math.ceil(sent / 20));
  sendOp.note = `${sent} sent, ${(sendOp.sheetRoundTrips / chunks).toFixed(1)} sheet calls per chunk of 20`;
  (sendOp as Op & { perChunk: number }).perChunk = Number((sendOp.sheetRoundTrips / chunks).toFixed(2));
  out.push(sendOp);

  if (orders <= 10_000) {
    const n = benchCommunity(DIST, orders);
    withNaive(n.workspace, n.context, () => {
      out.push(
        measure(
          n.workspace,
          'NAIVE submit (getValue scan + appendRow)',
          orders,
          () =>
            void n.workspace.run('naiveSubmit', [
              'form:R1:2',
              [
                ['I00', 1],
                ['I03', 2],
                ['I05', 1],
                ['I07', 1],
                ['I09', 1],
                ['I11', 1],
              ],
            ]),
        ),
      );
      out.push(measure(n.workspace, 'NAIVE tally (getValue per cell)', orders, () => void n.workspace.run('naiveTally')));
    });
  }
  return out;
}

/** Add-on CPU of a repeatable operation without the emulator's own, best of `runs`. */
function warmBest(ws: Workspace, fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const o = measure(ws, '', 0, fn);
    best = Math.min(best, Math.max(0, o.cpuMs - o.emulatorCpuMs));
  }
  return Number(best.toFixed(1));
}

function cpuBest(fn: () => unknown, runs = 5): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const s = process.cpuUsage();
    fn();
    const u = process.cpuUsage(s);
    best = Math.min(best, (u.user + u.system) / 1000);
  }
  return Number(best.toFixed(1));
}

function coreSection() {
  const items = benchCatalog(60);
  const catalog = new Map(items.map((i) => [i.id, i]));
  const round = {
    itemIds: items.map((i) => i.id),
    // As the bench community's round (community.ts): its orders are these very orders.
    deliveryMinor: 5000_00,
    deliverySplit: 'byValue' as const,
    feeBasisPoints: 300,
    rounding: 'halfUp' as const,
  };
  return sizes.map((n) => {
    const orders = benchOrders(n, items);
    return {
      orders: n,
      lines: orders.reduce((s, o) => s + o.lines.length, 0),
      tallyMs: cpuBest(() => tallyRound(round, catalog, orders)),
    };
  });
}

function bundleSection() {
  const files = ['Code.js', 'Sidebar.html', 'Print.html', 'Help.html', 'Link.html'];
  const sizesKB = files.map((f) => {
    const raw = readFileSync(join(DIST, f));
    return { file: f, rawKB: Number((raw.length / 1024).toFixed(1)), gzipKB: Number((gzipSync(raw).length / 1024).toFixed(1)) };
  });
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const context = vm.createContext({});
    const t = process.hrtime.bigint();
    vm.runInContext(code, context);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    files: sizesKB,
    evalMs: Number(times[Math.floor(times.length / 2)].toFixed(2)),
    firstEvalMs: Number(times[times.length - 1].toFixed(2)),
  };
}

function main(): void {
  const core = coreSection();
  console.log('\nCore: tally + allocation + bills, pure TypeScript (Node CPU, best of 5)');
  console.table(core.map((r) => ({ orders: r.orders, 'order lines': r.lines, 'tally ms': r.tallyMs })));

  const bundle = bundleSection();
  console.log('\nBundle: sizes and evaluation in a fresh V8 context (Apps Script pays it on every execution)');
  console.table(bundle.files);
  console.log(`evaluation: median ${bundle.evalMs} ms, slowest ${bundle.firstEvalMs} ms`);

  const ops: Op[] = [];
  for (const n of sizes) {
    const section = addOnSection(n);
    ops.push(...section);
    console.log(
      `\nAdd-on operations with ${n.toLocaleString('en')} orders (60 items). Spreadsheet calls: round trips / all; modelled = calls × latency (bench/latency.json) + CPU`,
    );
    console.table(
      section.map((o) => ({
        operation: o.op,
        'sheet calls': `${o.sheetRoundTrips} / ${o.sheetCalls}`,
        form: o.formCalls,
        mail: o.mailCalls,
        props: o.propertyCalls,
        'CPU ms': o.cpuMs,
        'modelled s': o.finished ? o.modelledS : `> 360 (${o.note})`,
        note: o.finished ? (o.note ?? '') : '',
      })),
    );
  }
  const small = Math.min(...sizes);
  const large = Math.max(...sizes);
  const growth = [...new Set(ops.map((o) => o.op))].map((op) => {
    const a = ops.find((o) => o.op === op && o.orders === small);
    const b = ops.find((o) => o.op === op && o.orders === large);
    return {
      operation: op,
      [`calls @${small}`]: a?.sheetRoundTrips,
      [`calls @${large}`]: b?.sheetRoundTrips,
      [`CPU ms @${small}`]: a?.cpuMs,
      [`CPU ms @${large}`]: b?.cpuMs,
    };
  });
  console.log(`\nGrowth from ${small} to ${large} orders: calls that grow with the data show up here`);
  console.table(growth);

  const ratio = sizes.map((n) => {
    const ours = (op: string) => ops.find((o) => o.orders === n && o.op === op);
    const naiveSubmit = ours('NAIVE submit (getValue scan + appendRow)');
    const naiveTally = ours('NAIVE tally (getValue per cell)');
    const submit = ours('form submit (trigger)');
    const close = ours('close: tally + result sheets + queue bills');
    const fmt = (naive?: Op, mine?: Op) =>
      naive && mine ? `${naive.finished ? '' : '≥ '}${(naive.modelledS / mine.modelledS).toFixed(1)}×` : '';
    return {
      orders: n,
      'naive submit s': naiveSubmit?.finished ? naiveSubmit.modelledS : '> 360 (killed)',
      'our submit s': submit?.modelledS,
      'submit ratio': fmt(naiveSubmit, submit),
      'naive tally s': naiveTally?.finished ? naiveTally.modelledS : '> 360 (killed)',
      'our close s': close?.modelledS,
      'tally ratio': fmt(naiveTally, close),
    };
  });
  console.log('\nNaive baseline (tutorial style) against ours, modelled Apps Script time');
  console.table(ratio);

  const week: BusyWeek[] = (['bound', 'addon'] as const).map((d) => busyWeek(DIST, d));
  console.log(
    "\nA busy week (300 households, two rounds of 150 orders, hourly ticks, reminders, bills): the triggers' owner's trigger runtime, minutes per day, against the consumer quota of 90",
  );
  console.table(
    week.map((w) => ({
      deployment: w.deployment,
      ...Object.fromEntries(w.minutesPerDay.map((m, d) => [`day ${d + 1}`, m])),
      busiest: w.busiestDay,
      'trigger runs': w.triggerRuns,
      'refused for quota': w.refusedRuns,
    })),
  );

  const cpu = cpuRatios(core, ops);
  console.log("\nAdd-on CPU against the core's for the same orders (one bench run, so machine noise cancels)");
  console.table(cpu);

  const longLife = soak(DIST, soakRounds);
  printSoak(longLife);
  const parcelLife = parcelRound(DIST, parcels);
  console.log(`\nA ${parcels}-parcel round from opening to settlement: Sheets round trips by phase`);
  console.table(parcelLife.phases);
  console.log(`${parcelLife.sheetRoundTrips} round trips, ${parcelLife.perParcel} per parcel`);

  const results = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    sizes,
    core,
    bundle,
    ops,
    ratio,
    week,
    cpu,
    soak: longLife,
    parcelRound: parcelLife,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  console.log('\nwrote bench/results.json');

  if (args.includes('--check')) {
    const budget = JSON.parse(readFileSync(join(ROOT, 'bench', 'budget.json'), 'utf8'));
    const failures: string[] = [];
    const check = (ok: boolean, what: string) => void (ok || failures.push(what));
    for (const o of ops.filter((x) => !x.op.startsWith('NAIVE'))) {
      if (o.op === 'form submit (trigger)' || o.op === 'offline order')
        check(
          o.sheetRoundTrips <= budget.submitSpreadsheetCalls,
          `${o.op} @${o.orders}: ${o.sheetRoundTrips} sheet calls > ${budget.submitSpreadsheetCalls}`,
        );
      if (o.op.startsWith('screen:'))
        check(
          o.sheetRoundTrips <= budget.screenSpreadsheetCalls,
          `${o.op} @${o.orders}: ${o.sheetRoundTrips} sheet calls > ${budget.screenSpreadsheetCalls}`,
        );
      if (o.op.startsWith('close') && o.orders === 10_000) {
        check(
          o.sheetRoundTrips <= budget.closeSpreadsheetCallsAt10000,
          `close @10000: ${o.sheetRoundTrips} sheet calls > ${budget.closeSpreadsheetCallsAt10000}`,
        );
        check(
          o.modelledS <= budget.closeModelledSecondsAt10000,
          `close @10000: ${o.modelledS} s modelled > ${budget.closeModelledSecondsAt10000}`,
        );
      }
      const perChunk = (o as Op & { perChunk?: number }).perChunk;
      if (perChunk !== undefined)
        check(
          perChunk <= budget.emailSpreadsheetCallsPerChunk,
          `emails @${o.orders}: ${perChunk} sheet calls per chunk > ${budget.emailSpreadsheetCallsPerChunk}`,
        );
      check(o.finished, `${o.op} @${o.orders} did not finish`);
    }
    check(bundle.evalMs <= budget.bundleEvalMs, `bundle evaluation ${bundle.evalMs} ms > ${budget.bundleEvalMs}`);
    for (const w of week)
      check(
        w.busiestDay <= budget.busyWeekTriggerMinutesPerDay && w.refusedRuns === 0,
        `busy week (${w.deployment}): ${w.busiestDay} trigger minutes on the busiest day > ${budget.busyWeekTriggerMinutesPerDay}`,
      );
    check(
      longLife.propertyBytes <= budget.soakPropertyKB * 1024,
      `after ${longLife.rounds} rounds: ${(longLife.propertyBytes / 1024).toFixed(1)} KB of document properties > ${budget.soakPropertyKB}`,
    );
    check(longLife.cells <= budget.soakCells, `after ${longLife.rounds} rounds: ${longLife.cells} cells > ${budget.soakCells}`);
    for (const o of longLife.last) {
      const then = longLife.first.find((f) => f.op === o.op);
      check(
        !!then && then.sheetRoundTrips === o.sheetRoundTrips && then.propertyCalls === o.propertyCalls,
        `${o.op}: ${o.sheetRoundTrips} round trips / ${o.propertyCalls} property calls at round ${longLife.rounds}, ${then?.sheetRoundTrips} / ${then?.propertyCalls} at round 3`,
      );
    }
    // The ticks that rewrite every building's tab: a call per kind of format over the whole tab, not per row.
    for (const [op, ceiling] of [
      ['tick that closes the round', budget.soakClosingTickRoundTrips],
      ['tick after settling (tabs; archives from round 3)', budget.soakSettledTickRoundTrips],
    ] as const) {
      const o = longLife.last.find((x) => x.op === op);
      check(!!o && o.sheetRoundTrips <= ceiling, `${op}: ${o?.sheetRoundTrips} round trips > ${ceiling}`);
    }
    check(
      parcelLife.perParcel <= budget.parcelRoundTripsPerParcel,
      `${parcels}-parcel round: ${parcelLife.perParcel} round trips per parcel > ${budget.parcelRoundTripsPerParcel}`,
    );
    for (const r of cpu)
      check(r.ratio <= budget.cpuRatio, `${r.operation} @${r.orders}: ${r.ratio}× the core's CPU > ${budget.cpuRatio}`);
    const codeKB = bundle.files.find((f) => f.file === 'Code.js')?.rawKB ?? 0;
    check(codeKB <= budget.codeJsKB, `dist/Code.js ${codeKB} KB > ${budget.codeJsKB}`);
    console.log(failures.length ? `\nBUDGET EXCEEDED:\n- ${failures.join('\n- ')}` : '\nAll budgets met (bench/budget.json).');
    process.exit(failures.length ? 1 : 0);
  }
}

/**
 * Screens and close against the core tally of the same orders, at the sizes where CPU outweighs noise. The
 * emulator's own CPU (inside emulated service calls: copying cells in and out) is shown apart and left
 * out of the ratio: in Apps Script, Google's servers do that work, not the script's V8.
 */
function cpuRatios(core: { orders: number; tallyMs: number }[], ops: Op[]) {
  const wanted = ['screen: tallyScreen', 'screen: participantsScreen', 'close: tally + result sheets + queue bills'];
  return ops
    .filter((o) => wanted.includes(o.op) && o.orders >= 1000)
    .map((o) => {
      const tally = core.find((c) => c.orders === o.orders)?.tallyMs ?? 0;
      const addOn = o.warmAddOnMs ?? Math.max(0, o.cpuMs - o.emulatorCpuMs);
      return {
        operation: o.op,
        orders: o.orders,
        'CPU ms (first run, all)': o.cpuMs,
        'emulator ms': o.emulatorCpuMs,
        'add-on CPU ms': Number(addOn.toFixed(1)),
        measured: o.warmAddOnMs === undefined ? 'once (cold)' : 'warm, best of 3',
        'core CPU ms': tally,
        ratio: Number((addOn / Math.max(tally, 0.1)).toFixed(1)),
      };
    });
}

function printSoak(s: SoakResult): void {
  const row = (list: OpCost[], op: string) => {
    const o = list.find((x) => x.op === op);
    return o ? `${o.sheetRoundTrips} / ${o.propertyCalls}` : '';
  };
  console.log(
    `\nA weekly community over ${s.rounds} rounds (archived two weeks after settling): Sheets round trips / property calls per operation`,
  );
  console.table(
    s.last.map((o) => ({
      operation: o.op,
      'round 1': row(s.round1, o.op),
      'round 2': row(s.round2, o.op),
      'round 3': row(s.first, o.op),
      [`round ${s.rounds}`]: row(s.last, o.op),
    })),
  );
  console.log(
    `after ${s.rounds} rounds: ${(s.propertyBytes / 1024).toFixed(1)} KB of document properties, ${s.cells.toLocaleString('en')} cells, ${s.sheets} sheets` +
      ` (round 1 alone added ${(s.perRoundWithoutArchive.propertyBytes / 1024).toFixed(1)} KB, ${s.perRoundWithoutArchive.cells.toLocaleString('en')} cells, ${s.perRoundWithoutArchive.sheets} sheets)`,
  );
}

main();
