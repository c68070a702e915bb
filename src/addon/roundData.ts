import { CatalogItem } from '../core/catalog';
import { RoundFacts } from '../core/emails';
import { roundFacts } from '../core/emailContent';
import { JournalEntry, ParticipantAccount, account } from '../core/ledger';
import { keepReferences } from '../core/payment/reference';
import { Steps } from '../core/quantity';
import { RoundState, canReach, stateLabel } from '../core/round';
import { RoundTally, tallyRound } from '../core/tally';
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
}

export function loadRound(ctx: ActionContext, roundId: string): RoundData {
  const record = readRounds(ctx.book).find((r) => r.id === roundId);
  if (!record) fail(ctx.lang, 'round.notFound', { id: roundId });
  const snapshot = snapshotOf(ctx.store, roundId);
  if (!snapshot) fail(ctx.lang, isArchived(ctx.store, roundId) ? 'round.archived' : 'round.notOpened');
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  const orders = readRoundOrders(ctx.book, roundId, items, ctx.store);
  const unreadableJournalRows: number[] = [];
  const journal = readJournal(ctx.book, record.currency, unreadableJournalRows);
  const received = ctx.store.get(KEYS.received(roundId)) ?? {};
  const tally = tallyRound(
    record,
    items,
    orders.map((o) => o.order),
    received,
    { shortfallRule: record.shortfallRule },
  );
  const roundJournal = journal.filter((e) => e.roundId === roundId);
  const accounts = new Map(tally.participants.map((p) => [p.order.key, account(p.order.key, p.totalMinor, roundJournal)]));
  const references = new Map(Object.entries(ctx.store.get(KEYS.paymentRefs(roundId)) ?? {}));
  return { record, snapshot, items, orders, journal, received, tally, accounts, references, unreadableJournalRows };
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
