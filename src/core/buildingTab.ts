import { CatalogItem } from './catalog';
import { LANGS } from './i18n/lang';
import { JournalEntry, JournalKind, ParticipantAccount } from './ledger';
import { Minor } from './money';

/**
 * The rules of a building's tab, the volunteer's phone path: editor add-ons do not run in the Sheets
 * mobile app (developers.google.com/workspace/add-ons/guides/editor-restrictions: "Editor Add-ons are only
 * available on desktop clients, not the mobile apps for the editors"), but ticking a checkbox and typing in
 * a cell do, and an installable edit trigger sees them. The tab is a view of the Journal: the trigger
 * compares each edited row with the books and records only what changed, so a tick delivered twice, two
 * volunteers ticking the same box, or a trigger run again record it once.
 */

/** What a row of the hand-out list shows in its two checkboxes. */
export interface Ticks {
  pickedUp: boolean;
  paid: boolean;
}

/** A tick the books do not have yet: a Journal line to write. */
export interface TickEntry {
  kind: Extract<JournalKind, 'pickup' | 'unpickup' | 'payment' | 'refund'>;
  amountMinor: Minor;
}

export interface TickOutcome {
  record: TickEntry[];
  /** "paid" unticked for money the tab did not record (a transfer, the treasurer's desk): the box is ticked back. */
  paidElsewhere: boolean;
}

/** Request ids of Journal lines written from a building tab start with this. */
const TAB_REQUEST = 'tab:';

/** The boxes as the books say they should be ticked. */
export function ticksOf(acc: ParticipantAccount): Ticks {
  return { pickedUp: acc.pickedUp, paid: acc.balanceMinor <= 0 };
}

/** What the tab itself recorded as paid for this order, net of its own reversals. */
export function paidFromTab(orderKey: string, roundEntries: readonly JournalEntry[]): Minor {
  let net = 0;
  for (const e of roundEntries) {
    if (e.orderKey !== orderKey || !e.requestId.startsWith(TAB_REQUEST)) continue;
    if (e.kind === 'payment') net += e.amountMinor;
    if (e.kind === 'refund') net -= e.amountMinor;
  }
  return net;
}

/**
 * Brings the books to what the row shows. "Picked up" ticked or unticked is a pickup or its undoing.
 * "Paid" ticked while money is owed records a payment of what is owed; unticked, it takes back what the
 * tab recorded (a mistaken tick), never money recorded elsewhere.
 */
export function reconcileTicks(shown: Ticks, acc: ParticipantAccount, tabPaidMinor: Minor): TickOutcome {
  const books = ticksOf(acc);
  const record: TickEntry[] = [];
  if (shown.pickedUp !== books.pickedUp) record.push({ kind: shown.pickedUp ? 'pickup' : 'unpickup', amountMinor: 0 });
  let paidElsewhere = false;
  if (shown.paid && !books.paid) record.push({ kind: 'payment', amountMinor: acc.balanceMinor });
  if (!shown.paid && books.paid) {
    if (tabPaidMinor > 0) record.push({ kind: 'refund', amountMinor: tabPaidMinor });
    else paidElsewhere = true;
  }
  return { record, paidElsewhere };
}

/** The request id of the tab's n-th line of a kind for an order: the same transition twice gets the same id. */
export function tabRequestId(roundId: string, orderKey: string, kind: string, roundEntries: readonly JournalEntry[]): string {
  const prefix = `${TAB_REQUEST}${roundId}:${orderKey}:${kind}:`;
  const n = roundEntries.filter((e) => e.requestId.startsWith(prefix)).length + 1;
  return `${prefix}${n}`;
}

/** One row of a tab's order-entry area, as typed on the phone. */
export interface EntryRow {
  row: number;
  flat: string;
  name: string;
  item: string;
  quantity: string;
  phone: string;
  note: string;
  /** The order this row's group was saved as ('' until saved). */
  orderKey: string;
}

/** One neighbour's order: a row with a flat or name, and the item rows under it with both left blank. */
export interface EntryGroup {
  rows: EntryRow[];
  orderKey: string;
  flat: string;
  name: string;
  phone: string;
  note: string;
  lines: { row: number; item: string; quantity: string }[];
}

const blank = (r: EntryRow) => !r.flat && !r.name && !r.item && !r.quantity && !r.phone && !r.note && !r.orderKey;

/**
 * Groups the entry rows into orders. "Flat and name once, then one item per row" is how a paper slip
 * reads; a blank row ends a neighbour's order.
 */
export function entryGroups(rows: readonly EntryRow[]): EntryGroup[] {
  const groups: EntryGroup[] = [];
  let current: EntryGroup | null = null;
  for (const r of rows) {
    if (blank(r)) {
      current = null;
      continue;
    }
    if (!current || r.flat || r.name || r.orderKey) {
      current = { rows: [], orderKey: r.orderKey, flat: r.flat, name: r.name, phone: r.phone, note: r.note, lines: [] };
      groups.push(current);
    } else {
      current.phone ||= r.phone;
      current.note ||= r.note;
    }
    current.rows.push(r);
    if (r.item || r.quantity) current.lines.push({ row: r.row, item: r.item, quantity: r.quantity });
  }
  return groups;
}

const folded = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The item a person picked or typed: its name in any of our languages, or its code. */
export function matchItem(text: string, items: Iterable<CatalogItem>): CatalogItem | null {
  const wanted = folded(text);
  if (!wanted) return null;
  for (const item of items) {
    const names = [item.id, item.name.default, ...LANGS.map((l) => item.name[l] ?? '')];
    if (names.some((n) => n && folded(n) === wanted)) return item;
  }
  return null;
}
