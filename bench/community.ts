import { Deployment, LoadedAddOn, Workspace, loadBundle } from '../local/emulator';
import { CatalogItem } from '../src/core/catalog';
import { placeKindLabel } from '../src/core/i18n/labels';
import { KEYS } from '../src/workspace/properties/keys';
import { Key, readStored, storedEntries } from '../src/workspace/properties/store';
import { SheetKey, row, sheetName } from '../src/workspace/sheets/schema';
import { orderRows } from '../src/workspace/orders';
import { BUILDINGS, benchCatalog, benchOrders } from './data';

export const T0 = Date.UTC(2026, 10, 20, 7, 0);
const HOUR = 3600_000;

/** The community is set up in Russian. */
const LANG = 'ru';

/** Types rows straight into a sheet, as they would stand after the add-on (or a coordinator) wrote them. */
export function put(ws: Workspace, key: SheetKey, rows: unknown[][], from = 2): void {
  const sheet = ws.spreadsheet.sheet(sheetName(key, LANG))!;
  if (from + rows.length > sheet.maxRows) sheet.maxRows = from + rows.length + 100;
  rows.forEach((r, i) => r.forEach((v, c) => sheet.put(from + i, c + 1, v)));
}

function catalogRows(items: CatalogItem[]): unknown[][] {
  const units = (steps: number, milli: number) => (steps * milli) / 1000;
  return items.map((i) =>
    row(
      'catalog',
      {
        id: i.id,
        name: i.name.default,
        unit: i.unit,
        price: i.priceMinor,
        step: i.stepMilli / 1000,
        box: units(i.boxSteps, i.stepMilli),
        minimum: units(i.minimumSteps, i.stepMilli) || null,
        stock: i.stockSteps ? units(i.stockSteps, i.stepMilli) : null,
        retail: i.retailMinor || null,
        supplier: i.supplier,
        supplierCode: i.supplierCode,
      },
      'RUB',
    ),
  );
}

/**
 * A community with one open round of 60 items and `orders` orders already in the Orders sheet (written
 * straight into the emulated sheet: setting up is not what is measured), plus half as many members.
 */
export function benchCommunity(
  distDir: string,
  orders: number,
  // One script per community (README "Deploy"): its hourly tick has the spreadsheet, as the figures assume.
  deployment: Deployment = 'bound',
): LoadedAddOn & { roundId: string; formId: string; items: CatalogItem[] } {
  const loaded = loadBundle(distDir, { now: T0, mailQuota: 100, deployment });
  const ws = loaded.workspace;
  ws.session.locales.set(ws.owner, 'ru_RU');
  ws.run('setUpCommunity');
  const items = benchCatalog(60);
  put(ws, 'catalog', catalogRows(items));
  put(ws, 'places', [
    ...BUILDINGS.map((b) => row('places', { kind: placeKindLabel('building', LANG), name: b })),
    row('places', { kind: placeKindLabel('pickup', LANG), name: 'Yard' }),
    row('places', { kind: placeKindLabel('pickup', LANG), name: 'School' }),
  ]);
  const round = ws.run<{ id: string }>('createRound', [
    {
      title: 'Bench',
      deadline: new Date(T0 + 72 * HOUR).toISOString(),
      itemIds: items.map((i) => i.id),
      delivery: '5000',
      deliverySplit: 'byValue',
      feePercent: '3',
    },
  ]);
  ws.run('openRound', [round.id]);
  // The very orders the core's tally is timed on (main.ts coreSection): "the same orders", as the add-on
  // would have written them (workspace/orders.ts orderRows).
  const byId = new Map(items.map((i) => [i.id, i]));
  const rows = benchOrders(orders, items).flatMap((o, k) => {
    const order = { ...o, key: `form:${round.id}:${100000 + k}` };
    return orderRows(order, round.id, new Date(o.submittedAt).toISOString(), '', byId, LANG);
  });
  put(ws, 'orders', rows);
  const sheet = ws.spreadsheet.sheet(sheetName('orders', LANG))!;
  // What the add-on would have remembered after appending these rows itself.
  const remember = <T>(key: Key<T>, value: T) =>
    Object.entries(storedEntries(key, value)).forEach(([name, stored]) => ws.properties.document.data.set(name, stored));
  remember(KEYS.counters.orders.next, rows.length + 2);
  remember(KEYS.counters.orders.capacity, sheet.maxRows);
  remember(KEYS.orderSpan(round.id), { first: 2, last: rows.length + 1 });
  put(
    ws,
    'members',
    Array.from({ length: Math.max(10, Math.floor(orders / 2)) }, (_, k) =>
      row('members', {
        email: `m${k}@example.org`,
        name: `Member ${k}`,
        building: BUILDINGS[k % BUILDINGS.length],
        flat: String(k),
        lang: (['ru', 'zh-CN', 'en'] as const)[k % 3],
        optOut: false,
      }),
    ),
  );
  const formId = readStored(Object.fromEntries(ws.properties.document.data), KEYS.snapshot(round.id))?.formId ?? '';
  return { ...loaded, roundId: round.id, formId, items };
}
