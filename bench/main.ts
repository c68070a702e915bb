import { tallyRound } from '../src/core/tally';
import { benchCatalog, benchOrders } from './data';

/** CPU time of `fn` in ms: the best of a few runs after one warm-up, so JIT noise does not decide. */
function cpuMs(fn: () => unknown, runs = 5): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

function coreSection() {
  const items = benchCatalog(60);
  const catalog = new Map(items.map((i) => [i.id, i]));
  const round = { itemIds: items.map((i) => i.id), deliveryMinor: 5000_00, deliverySplit: 'byValue' as const, feeBasisPoints: 500, rounding: 'halfUp' as const };
  const rows: { orders: number; lines: number; tallyMs: number }[] = [];
  for (const n of [100, 1000, 10_000]) {
    const orders = benchOrders(n, items);
    rows.push({ orders: n, lines: orders.reduce((s, o) => s + o.lines.length, 0), tallyMs: Number(cpuMs(() => tallyRound(round, catalog, orders)).toFixed(1)) });
  }
  return rows;
}

const core = coreSection();
console.log('\nCore: tally + allocation + bills (pure TypeScript, Node CPU time, best of 5)');
console.table(core.map((r) => ({ orders: r.orders, 'order lines': r.lines, 'tally ms': r.tallyMs })));
