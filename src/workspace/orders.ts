import { CatalogItem, itemName } from '../core/catalog';
import { Lang } from '../core/i18n/lang';
import { LANG_WORDS, SOURCE_WORDS, codeOf, langOf, wordOf } from '../core/i18n/words';
import { Order, Tranche } from '../core/orders';
import { unitsOf } from '../core/quantity';
import { Book } from './sheets/book';
import { cellNumber, cellText, cellTime } from './sheets/cells';
import { get, row, wholeColumn, width } from './sheets/schema';
import { appendAtCounter, reconcileCounter } from './sheets/append';
import { KEYS } from './properties/keys';
import { DocumentStore, Entry, entry } from './properties/store';

/**
 * The Orders sheet: one row per participant × item. An order's rows are found with a TextFinder on
 * the order-key column, so a submission costs the same few calls with 10 or 10,000 rows below it.
 */

export interface StoredOrder {
  order: Order;
  roundId: string;
  responseAt: string;
  editUrl: string;
  /** The sheet rows the order occupies, ascending. */
  rows: number[];
}

function encodeQueue(q: Tranche[], e: Tranche[]): string {
  const part = (ts: Tranche[]) => ts.map((t) => `${t.steps}@${t.at}`).join(',');
  return `q=${part(q)};e=${part(e)}`;
}

function decodeQueue(text: string, steps: number, extra: number, fallbackAt: number): { q: Tranche[]; e: Tranche[] } {
  const parse = (s: string | undefined): Tranche[] =>
    (s ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => {
        const [n, at] = p.split('@');
        return { steps: Number(n), at: Number(at) };
      })
      .filter((t) => t.steps > 0 && Number.isFinite(t.at));
  const m = /^q=([^;]*);e=(.*)$/.exec(text);
  let q = parse(m?.[1]);
  let e = parse(m?.[2]);
  // A queue that no longer matches the quantity (typed over by hand) falls back to one tranche.
  if (q.reduce((s, t) => s + t.steps, 0) !== steps) q = steps > 0 ? [{ steps, at: fallbackAt }] : [];
  if (e.reduce((s, t) => s + t.steps, 0) !== extra) e = extra > 0 ? [{ steps: extra, at: fallbackAt }] : [];
  return { q, e };
}

/**
 * A cell's word read once per distinct text: `codeOf` tries every word in every language, and a round's
 * Orders repeat the same few ("форма", "русский") on every row.
 */
function remembered<T>(read: (cell: unknown) => T): (cell: unknown) => T {
  const seen = new Map<unknown, T>();
  return (cell) => {
    if (seen.has(cell)) return seen.get(cell) as T;
    const value = read(cell);
    seen.set(cell, value);
    return value;
  };
}

interface Readers {
  source: (cell: unknown) => Order['source'] | null;
  lang: (cell: unknown) => Lang;
}

function readers(): Readers {
  return { source: remembered((c) => codeOf(SOURCE_WORDS, c)), lang: remembered((c) => langOf(c, 'en')) };
}

/** The rows of an order as they stand in the sheet, oldest order facts included. */
function orderFromRows(
  rows: { row: number; values: unknown[] }[],
  items: ReadonlyMap<string, CatalogItem>,
  read: Readers = readers(),
): StoredOrder | null {
  if (rows.length === 0) return null;
  const first = rows[0].values;
  const submittedAt = cellTime(get('orders', first, 'submittedAt')) ?? 0;
  const firstSubmittedAt = cellTime(get('orders', first, 'firstSubmittedAt')) ?? submittedAt;
  const enteredBy = cellText(get('orders', first, 'enteredBy'));
  const order: Order = {
    key: cellText(get('orders', first, 'orderKey')),
    source: read.source(get('orders', first, 'source')) ?? 'form',
    participant: {
      name: cellText(get('orders', first, 'name')),
      email: cellText(get('orders', first, 'email')) || null,
      phone: cellText(get('orders', first, 'phone')),
      building: cellText(get('orders', first, 'building')),
      flat: cellText(get('orders', first, 'flat')),
      pickupPoint: cellText(get('orders', first, 'pickupPoint')),
      lang: read.lang(get('orders', first, 'lang')),
      enteredBy: enteredBy || null,
    },
    lines: [],
    firstSubmittedAt,
    submittedAt,
    revision: cellNumber(get('orders', first, 'revision')),
    comment: cellText(get('orders', first, 'comment')),
  };
  for (const { values } of rows) {
    const itemId = cellText(get('orders', values, 'item'));
    const item = items.get(itemId);
    if (!itemId || !item) continue;
    const steps = Math.round((cellNumber(get('orders', values, 'quantity')) * 1000) / item.stepMilli);
    const extraSteps = Math.round((cellNumber(get('orders', values, 'extra')) * 1000) / item.stepMilli);
    const { q, e } = decodeQueue(cellText(get('orders', values, 'queue')), steps, extraSteps, firstSubmittedAt);
    order.lines.push({ itemId, steps, extraSteps, tranches: q, extraTranches: e });
  }
  return {
    order,
    roundId: cellText(get('orders', first, 'round')),
    responseAt: cellText(get('orders', first, 'responseAt')),
    editUrl: cellText(get('orders', first, 'editUrl')),
    rows: rows.map((r) => r.row),
  };
}

/** An order as sheet rows; an order with no lines keeps one row so its revision is remembered. */
export function orderRows(
  order: Order,
  roundId: string,
  responseAt: string,
  editUrl: string,
  items: ReadonlyMap<string, CatalogItem>,
  lang: Lang,
): unknown[][] {
  const p = order.participant;
  const common = {
    round: roundId,
    orderKey: order.key,
    source: wordOf(SOURCE_WORDS, order.source, lang),
    revision: order.revision,
    responseAt,
    submittedAt: order.submittedAt,
    firstSubmittedAt: order.firstSubmittedAt,
    name: p.name,
    email: p.email,
    phone: p.phone,
    building: p.building,
    flat: p.flat,
    pickupPoint: p.pickupPoint,
    lang: wordOf(LANG_WORDS, p.lang, lang),
    enteredBy: p.enteredBy,
    comment: order.comment,
    editUrl,
  };
  if (order.lines.length === 0) return [row('orders', { ...common, quantity: 0 })];
  return order.lines.map((line) => {
    const item = items.get(line.itemId);
    const stepMilli = item?.stepMilli ?? 1000;
    return row('orders', {
      ...common,
      item: line.itemId,
      itemName: item ? itemName(item, lang) : line.itemId,
      quantity: unitsOf(line.steps, stepMilli),
      extra: line.extraSteps ? unitsOf(line.extraSteps, stepMilli) : null,
      queue: encodeQueue(line.tranches, line.extraTranches),
    });
  });
}

/** Finds an order's rows by key: one search and one read of the block it spans. */
export function findOrder(book: Book, orderKey: string, items: ReadonlyMap<string, CatalogItem>): StoredOrder | null {
  const sheet = book.sheet('orders');
  const hits = sheet
    .getRange(wholeColumn('orders', 'orderKey'))
    .createTextFinder(orderKey)
    .matchEntireCell(true)
    .matchCase(true)
    .findAll();
  if (hits.length === 0) return null;
  const rowsAt = hits.map((h) => h.getRow()).sort((a, b) => a - b);
  const first = rowsAt[0];
  const block = sheet.getRange(first, 1, rowsAt[rowsAt.length - 1] - first + 1, width('orders')).getValues();
  const wanted = new Set(rowsAt);
  return orderFromRows(
    block.map((values, i) => ({ row: first + i, values })).filter((r) => wanted.has(r.row)),
    items,
  );
}

/**
 * Replaces an order's rows. When the new rows fit where the old ones stood they are written in place
 * (leftovers blanked) in one write; otherwise the old rows are blanked and the new ones appended.
 * The next free row is kept in document properties (under the document lock) so appending costs no
 * getLastRow; the hourly tick re-checks it against the sheet.
 */
export function writeOrder(
  book: Book,
  store: DocumentStore,
  previous: StoredOrder | null,
  rows: unknown[][],
  roundId: string,
): void {
  writeOrders(book, store, [{ previous, rows }], roundId);
}

/**
 * Several orders of one round at once (a chat import of 400 lines): each that fits where it stood is
 * written in place, and all the others are appended together in one write.
 */
export function writeOrders(
  book: Book,
  store: DocumentStore,
  writes: readonly { previous: StoredOrder | null; rows: unknown[][] }[],
  roundId: string,
): void {
  const sheet = book.sheet('orders');
  const cols = width('orders');
  const appended: unknown[][] = [];
  for (const { previous, rows } of writes) {
    const old = previous?.rows ?? [];
    const contiguous = old.length > 0 && old[old.length - 1] - old[0] + 1 === old.length;
    if (contiguous && rows.length <= old.length) {
      const blank = new Array(cols).fill('');
      sheet.getRange(old[0], 1, old.length, cols).setValues([...rows, ...new Array(old.length - rows.length).fill(blank)]);
      continue;
    }
    if (contiguous) sheet.getRange(old[0], 1, old.length, cols).clearContent();
    else for (const r of old) sheet.getRange(r, 1, 1, cols).clearContent();
    appended.push(...rows);
  }
  if (!appended.length) return;
  appendAtCounter(sheet, 'orders', store, appended, (first, last) => widenedSpan(store, roundId, first, last));
}

/**
 * The rows a round's orders occupy ("first,last"), so reading a round costs its own block rather than
 * every round the community ever ran. Rounds open at the same time interleave; the block then holds a
 * few rows of the other round, which readers skip.
 */
function widenedSpan(store: DocumentStore, roundId: string, first: number, last: number): Entry[] {
  const was = store.get(KEYS.orderSpan(roundId));
  const span = {
    first: was?.first ? Math.min(was.first, first) : first,
    last: was?.last ? Math.max(was.last, last) : last,
  };
  if (was && span.first === was.first && span.last === was.last) return [];
  return [entry(KEYS.orderSpan(roundId), span)];
}

/** Re-aligns the next-row counter with the sheet (a coordinator may have deleted rows by hand). */
export function reconcileNextRow(book: Book, store: DocumentStore): void {
  reconcileCounter(book.sheet('orders'), 'orders', store);
}

/** Every order of a round from the Orders sheet, in one read of the round's own block of rows. */
export function readRoundOrders(
  book: Book,
  roundId: string,
  items: ReadonlyMap<string, CatalogItem>,
  store: DocumentStore,
): StoredOrder[] {
  const sheet = book.sheet('orders');
  const { first, last } = store.get(KEYS.orderSpan(roundId)) ?? { first: 0, last: 0 };
  const top = first && last >= first ? first : 1;
  const values =
    first && last >= first
      ? sheet.getRange(first, 1, last - first + 1, width('orders')).getValues()
      : sheet.getDataRange().getValues();
  const groups = new Map<string, { row: number; values: unknown[] }[]>();
  values.forEach((v, i) => {
    if (top + i === 1 || cellText(get('orders', v, 'round')) !== roundId) return;
    const key = cellText(get('orders', v, 'orderKey'));
    if (!key) return;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push({ row: top + i, values: v });
  });
  const read = readers();
  return [...groups.values()].map((g) => orderFromRows(g, items, read)).filter((o): o is StoredOrder => !!o);
}

/** The names on the given orders, each once, from one read of the Orders sheet. */
export function namesOfOrders(book: Book, orderKeys: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const r of book.rows('orders'))
    if (orderKeys.has(cellText(get('orders', r, 'orderKey')))) names.add(cellText(get('orders', r, 'name')));
  return [...names].filter(Boolean);
}
