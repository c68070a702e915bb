import { CatalogItem, itemName } from '../core/catalog';
import { Lang } from '../core/i18n/lang';
import { JournalEntry, ParticipantAccount, account } from '../core/ledger';
import { Steps } from '../core/quantity';
import { RoundTally, tallyRound } from '../core/tally';
import { t } from '../core/i18n/translate';
import { readJournal } from '../workspace/journal';
import { StoredOrder, readRoundOrders } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { RoundRecord, RoundSnapshot, readRounds, snapshotOf } from '../workspace/rounds';
import { ActionContext, UserError } from './context';

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
}

export function loadRound(ctx: ActionContext, roundId: string, rounds = readRounds(ctx.book)): RoundData {
  const record = rounds.find((r) => r.id === roundId);
  if (!record) throw new UserError(t(ctx.lang, 'round.notFound', { id: roundId }));
  const snapshot = snapshotOf(ctx.store, roundId);
  if (!snapshot) throw new UserError(t(ctx.lang, 'round.notOpened'));
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  const orders = readRoundOrders(ctx.book, roundId, items, ctx.store);
  const journal = readJournal(ctx.book, record.currency);
  const received = ctx.store.get(KEYS.received(roundId)) ?? {};
  const tally = tallyRound(
    record,
    items,
    orders.map((o) => o.order),
    received,
  );
  const roundJournal = journal.filter((e) => e.roundId === roundId);
  const accounts = new Map(tally.participants.map((p) => [p.order.key, account(p.order.key, p.totalMinor, roundJournal)]));
  return { record, snapshot, items, orders, journal, received, tally, accounts };
}

export function nameOf(item: CatalogItem | undefined, itemId: string, lang: Lang): string {
  return item ? itemName(item, lang) : itemId;
}
