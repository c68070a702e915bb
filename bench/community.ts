import { LoadedAddOn, Workspace, loadBundle } from '../local/emulator';
import { CatalogItem } from '../src/core/catalog';
import { BUILDINGS, benchCatalog, rng } from './data';

export const T0 = Date.UTC(2026, 10, 20, 7, 0);
const HOUR = 3600_000;

function put(ws: Workspace, sheetName: string, rows: unknown[][], from = 2): void {
  const sheet = ws.spreadsheet.sheet(sheetName)!;
  if (from + rows.length > sheet.maxRows) sheet.maxRows = from + rows.length + 100;
  rows.forEach((r, i) => r.forEach((v, c) => sheet.put(from + i, c + 1, v)));
}

function catalogRows(items: CatalogItem[]): unknown[][] {
  return items.map((i) => [
    i.id,
    i.name.default,
    '',
    '',
    '',
    i.unit,
    i.priceMinor / 100,
    i.stepMilli / 1000,
    (i.boxSteps * i.stepMilli) / 1000,
    (i.minimumSteps * i.stepMilli) / 1000 || '',
    '',
    i.stockSteps ? (i.stockSteps * i.stepMilli) / 1000 : '',
    i.retailMinor ? i.retailMinor / 100 : '',
    i.supplier,
    i.supplierCode,
  ]);
}

/**
 * A community with one open round of 60 items and `orders` orders already in the Orders sheet (written
 * straight into the emulated sheet: setting up is not what is measured), plus half as many members.
 */
export function benchCommunity(
  distDir: string,
  orders: number,
): LoadedAddOn & { roundId: string; formId: string; items: CatalogItem[] } {
  const loaded = loadBundle(distDir, { now: T0, mailQuota: 100 });
  const ws = loaded.workspace;
  ws.session.locales.set(ws.owner, 'ru_RU');
  ws.run('setUpCommunity');
  const items = benchCatalog(60);
  put(ws, 'Каталог', catalogRows(items));
  put(ws, 'Дома и пункты выдачи', [
    ...BUILDINGS.map((b) => ['дом / подъезд', b]),
    ['пункт выдачи', 'Yard'],
    ['пункт выдачи', 'School'],
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
  const r = rng(11);
  const rows: unknown[][] = [];
  for (let k = 0; k < orders; k++) {
    const at = new Date(T0 + Math.floor(r() * 40 * HOUR));
    const picked = new Set<number>();
    const lines = 3 + Math.floor(r() * 10);
    while (picked.size < lines) picked.add(Math.floor(r() * items.length));
    for (const i of picked) {
      const item = items[i];
      const steps = 1 + Math.floor(r() * (item.stepMilli === 500 ? 10 : 4));
      const extra = r() < 0.3 ? 1 + Math.floor(r() * 3) : 0;
      rows.push([
        round.id,
        `form:${round.id}:${100000 + k}`,
        'form',
        1,
        at.toISOString(),
        at,
        at,
        `Resident ${k}`,
        `r${k}@example.org`,
        '',
        BUILDINGS[k % BUILDINGS.length],
        String(1 + (k % 120)),
        k % 2 ? 'Yard' : 'School',
        (['ru', 'zh-CN', 'en'] as const)[k % 3],
        '',
        item.id,
        item.name.default,
        (steps * item.stepMilli) / 1000,
        extra ? (extra * item.stepMilli) / 1000 : '',
        `q=${steps}@${at.getTime()};e=${extra ? `${extra}@${at.getTime()}` : ''}`,
        '',
        '',
      ]);
    }
  }
  put(ws, 'Заказы', rows);
  const sheet = ws.spreadsheet.sheet('Заказы')!;
  ws.properties.document.data.set('ordersNextRow', String(rows.length + 2));
  ws.properties.document.data.set('ordersNextRowCapacity', String(sheet.maxRows));
  ws.properties.document.data.set(`orderSpan:${round.id}`, `2,${rows.length + 1}`);
  put(
    ws,
    'Участники',
    Array.from({ length: Math.max(10, Math.floor(orders / 2)) }, (_, k) => [
      `m${k}@example.org`,
      `Member ${k}`,
      '',
      BUILDINGS[k % BUILDINGS.length],
      String(k),
      (['ru', 'zh-CN', 'en'] as const)[k % 3],
      false,
    ]),
  );
  const snapshotJson = [...ws.properties.document.data].find(([k]) => k === `round:${round.id}#0`)?.[1] ?? '';
  const formId = /"formId":"([^"]+)"/.exec(snapshotJson)?.[1] ?? '';
  return { ...loaded, roundId: round.id, formId, items };
}
