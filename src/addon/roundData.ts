import { CatalogItem } from '../core/catalog';
import { RoundFacts } from '../core/emails';
import { roundFacts } from '../core/emailContent';
import { JournalEntry, ParticipantAccount, account } from '../core/ledger';
import { keepReferences } from '../core/payment/reference';
import { Steps } from '../core/quantity';
import { RoundState, canReach, stateLabel } from '../core/round';
import { RoundTally, tallyRound } from '../core/tally';
import { RoundSoFar, orderWeight } from '../core/billing';
import { Order } from '../core/orders';
import { readJournal } from '../workspace/journal';
import { StoredOrder, readRoundOrders } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { RoundRecord, RoundSnapshot, isArchived, readRounds, saveRound, snapshotOf } from '../workspace/rounds';
import { Book } from '../workspace/sheets/book';
import { ActionContext, fail } from './action';

/**
 * What a use case knows about one round: an OpenRound for taking orders (the snapshot frozen when it
 * opened, nothing read from the sheets), RoundData for everything after (orders, journal and tally).
 */

/** An open round as taking an order needs it: its frozen snapshot, its items by id, and where to write. */
export interface OpenRound {
  snapshot: RoundSnapshot;
  items: ReadonlyMap<string, CatalogItem>;
  book: Book;
  store: DocumentStore;
}

export function openRoundOf(book: Book, store: DocumentStore, snapshot: RoundSnapshot): OpenRound {
  return { snapshot, items: new Map(snapshot.items.map((i) => [i.id, i])), book, store };
}

/** Everything a fulfilment step needs about one round, read in a handful of calls. */
export interface RoundData {
  record: RoundRecord;
  snapshot: RoundSnapshot;
  items: Map<string, CatalogItem>;
  orders: StoredOrder[];
  journal: JournalEntry[];
  received: Record<string, Steps>;
  tally: RoundTally;
  accounts: Map<string, ParticipantAccount>;
  /** Payment references assigned so far (order key → reference): none before the round closes. */
  references: Map<string, string>;
  /** Journal rows (sheet row numbers) whose kind or amount could not be read: left out of the books. */
  unreadableJournalRows: number[];
  /** The Journal's last row as this execution read it under the lock: appending needs no getLastRow. */
  journalLastRow: number;
}

export function loadRound(ctx: ActionContext, roundId: string): RoundData {
  const record = readRounds(ctx.book).find((r) => r.id === roundId);
  if (!record) fail(ctx.lang, 'round.notFound', { id: roundId });
  return roundFrom(ctx, record, readJournalOnce(ctx, record.currency));
}

/**
 * Several rounds at once (a bank statement matched against every round collecting money): the Rounds
 * sheet and the Journal read once for all of them, each round's own block of Orders once.
 */
export function loadRounds(ctx: ActionContext, pick: (r: RoundRecord) => boolean): RoundData[] {
  const records = readRounds(ctx.book).filter(pick);
  if (!records.length) return [];
  const journal = readJournalOnce(ctx, records[0].currency);
  return records.map((r) => roundFrom(ctx, r, journal));
}

interface JournalRead {
  entries: JournalEntry[];
  unreadable: number[];
  lastRow: number;
}

function readJournalOnce(ctx: ActionContext, currency: string): JournalRead {
  const unreadable: number[] = [];
  const read = { lastRow: 0 };
  const entries = readJournal(ctx.book, currency, unreadable, read);
  return { entries, unreadable, lastRow: read.lastRow };
}

function roundFrom(ctx: ActionContext, record: RoundRecord, read: JournalRead): RoundData {
  const roundId = record.id;
  const snapshot = snapshotOf(ctx.store, roundId);
  if (!snapshot) fail(ctx.lang, isArchived(ctx.store, roundId) ? 'round.archived' : 'round.notOpened');
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  const orders = readRoundOrders(ctx.book, roundId, items, ctx.store);
  const journal = read.entries;
  const received = ctx.store.get(KEYS.received(roundId)) ?? {};
  const tally = tallyRound(
    record,
    items,
    orders.map((o) => o.order),
    received,
    { shortfallRule: record.shortfallRule },
  );
  // Each person's entries picked out once: account() sorts what it is given, and a round's whole Journal
  // for each of a thousand people was a per-participant scan inside a per-participant loop.
  const byPerson = new Map<string, JournalEntry[]>();
  for (const e of journal) {
    if (e.roundId !== roundId) continue;
    const mine = byPerson.get(e.orderKey);
    if (mine) mine.push(e);
    else byPerson.set(e.orderKey, [e]);
  }
  const accounts = new Map(
    tally.participants.map((p) => [p.order.key, account(p.order.key, p.totalMinor, byPerson.get(p.order.key) ?? [])]),
  );
  const references = new Map(Object.entries(ctx.store.get(KEYS.paymentRefs(roundId)) ?? {}));
  return {
    record,
    snapshot,
    items,
    orders,
    journal,
    received,
    tally,
    accounts,
    references,
    unreadableJournalRows: read.unreadable,
    journalLastRow: read.lastRow,
  };
}

/**
 * An open round's running totals (KEYS.roundSoFar, kept order by order for the receipts' estimate) as
 * its orders in the Orders sheet add up, stored only when they had drifted: a submission killed between
 * writing its rows and its totals, rows typed over or deleted by hand. Returns whether they had.
 */
export function recountRoundSoFar(store: DocumentStore, snapshot: RoundSnapshot, orders: readonly Order[]): boolean {
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  const totals: RoundSoFar = { participants: 0, goodsMinor: 0, quantityMilli: 0 };
  for (const o of orders) {
    const w = orderWeight(o.lines, items, snapshot.round.rounding);
    if (w.goodsMinor <= 0 && w.quantityMilli <= 0) continue;
    totals.participants += 1;
    totals.goodsMinor += w.goodsMinor;
    totals.quantityMilli += w.quantityMilli;
  }
  const key = KEYS.roundSoFar(snapshot.round.id);
  const stored = store.get(key) ?? { participants: 0, goodsMinor: 0, quantityMilli: 0 };
  const same =
    stored.participants === totals.participants &&
    stored.goodsMinor === totals.goodsMinor &&
    stored.quantityMilli === totals.quantityMilli;
  if (!same) store.set(key, totals);
  return !same;
}

/**
 * Gives every participant of the round a payment reference (reference.ts), keeping those already
 * printed: what a bill said stays true when a later order comes in or the round closes again.
 */
export function assignReferences(ctx: ActionContext, data: RoundData): void {
  const holders = data.tally.participants.map((p) => ({
    orderKey: p.order.key,
    building: p.order.participant.building,
    flat: p.order.participant.flat,
    firstSubmittedAt: p.order.firstSubmittedAt,
  }));
  const refs = keepReferences(data.record.id, holders, data.references);
  if (refs.size === data.references.size) return;
  data.references = refs;
  ctx.store.set(KEYS.paymentRefs(data.record.id), Object.fromEntries(refs));
}

/** The round as its emails describe it; `pickupPlace` narrows "where" to the reader's own pickup point. */
export function factsOf(ctx: ActionContext, data: RoundData, pickupPlace = ''): RoundFacts {
  return roundFacts(data.record, data.snapshot.timeZone, ctx.settings, pickupPlace);
}

/** Refuses, in the coordinator's words, to take a round where its lifecycle does not go (see core/round.ts). */
export function requireReach(ctx: ActionContext, from: RoundState, to: RoundState): void {
  if (!canReach(from, to))
    fail(ctx.lang, 'round.illegalTransition', { from: stateLabel(from, ctx.lang), to: stateLabel(to, ctx.lang) });
}

/** Moves a round on (its row and its snapshot); asking for the state it is in already changes nothing. */
export function moveRound(ctx: ActionContext, data: RoundData, to: RoundState): void {
  requireReach(ctx, data.record.state, to);
  if (data.record.state === to) return;
  data.record = saveRound(ctx.book, ctx.store, { ...data.record, state: to }, ctx.now);
}
