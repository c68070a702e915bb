import { RoundSoFar, orderWeight } from '../core/billing';
import { describeProblem } from '../core/describe';
import { t } from '../core/i18n/translate';
import { Order, OrderSource, reviseOrder } from '../core/orders';
import { acceptsOrdersAt } from '../core/round';
import { Problem, RawOrderInput, ValidatedOrder, validateOrder } from '../core/validation';
import { logEntry } from '../workspace/log';
import { KEYS } from '../workspace/properties/keys';
import { StoredOrder, orderRows, writeOrder } from '../workspace/orders';
import { OpenRound } from './roundData';

/**
 * Taking an order into an open round, the same for a form response and a volunteer's entry: checked by
 * the core, written as the order's rows in one go, problems noted in the Log.
 */

/** The core's checks, plus the round's own: an order counts only while the round accepts orders. */
export function checkOrder(raw: RawOrderInput, round: OpenRound): ValidatedOrder {
  const { snapshot, items } = round;
  const checked = validateOrder(raw, {
    items,
    deadline: snapshot.round.deadline,
    defaultLang: snapshot.defaultLang,
    buildings: snapshot.buildings,
    pickupPoints: snapshot.pickupPoints,
  });
  if (!acceptsOrdersAt(snapshot.round, raw.submittedAt) && !checked.problems.some((p) => p.key === 'problem.late')) {
    checked.problems.push({ key: 'problem.late', severity: 'reject', field: 'submittedAt' });
    checked.accepted = false;
  }
  return checked;
}

export interface OrderToSave {
  round: OpenRound;
  /** The order as it stands, when this revises it. */
  previous: StoredOrder | null;
  orderKey: string;
  source: OrderSource;
  checked: ValidatedOrder;
  submittedAt: number;
  /** The form response's own time (ISO), which tells an edit from a repeated event. */
  responseAt: string;
  editUrl: string;
}

/** Writes an order's new revision (its fairness queues revised by the core) and returns it. */
export function saveOrder(o: OrderToSave): Order {
  const { order, rows } = revisedOrder(o);
  writeOrder(o.round.book, o.round.store, o.previous, rows, o.round.snapshot.round.id);
  keepRoundSoFar(o.round, [{ before: o.previous?.order ?? null, after: order }]);
  return order;
}

/** An order's new revision and its Orders rows, for writing alone (saveOrder) or with many others (a chat import). */
export function revisedOrder(o: OrderToSave): { order: Order; rows: unknown[][] } {
  const { snapshot, items } = o.round;
  const order = reviseOrder(o.previous?.order, {
    key: o.orderKey,
    source: o.source,
    participant: o.checked.participant,
    lines: o.checked.lines,
    submittedAt: o.submittedAt,
    revision: (o.previous?.order.revision ?? 0) + 1,
    comment: o.checked.comment,
  });
  return { order, rows: orderRows(order, snapshot.round.id, o.responseAt, o.editUrl, items, o.round.book.lang) };
}

/**
 * The round's orders so far, as running totals a receipt's estimate reads (billing.estimateShare): the
 * order's previous weight comes out, its new weight goes in — one property, no sheet read.
 */
export function keepRoundSoFar(round: OpenRound, changes: readonly { before: Order | null; after: Order }[]): void {
  const { snapshot, items, store } = round;
  const key = KEYS.roundSoFar(snapshot.round.id);
  const weigh = (o: Order | null) =>
    o ? orderWeight(o.lines, items, snapshot.round.rounding) : { goodsMinor: 0, quantityMilli: 0 };
  const counts = (w: { goodsMinor: number; quantityMilli: number }) => (w.goodsMinor > 0 || w.quantityMilli > 0 ? 1 : 0);
  const totals: RoundSoFar = { participants: 0, goodsMinor: 0, quantityMilli: 0, ...(store.get(key) ?? {}) };
  let changed = false;
  for (const { before, after } of changes) {
    if (after === before) continue;
    const [was, now] = [weigh(before), weigh(after)];
    totals.participants = Math.max(0, totals.participants - counts(was) + counts(now));
    totals.goodsMinor = Math.max(0, totals.goodsMinor - was.goodsMinor + now.goodsMinor);
    totals.quantityMilli = Math.max(0, totals.quantityMilli - was.quantityMilli + now.quantityMilli);
    changed = true;
  }
  // One property write however many orders changed (a chat import saves hundreds at once).
  if (changed) store.set(key, totals);
}

const typed = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** One Log line for an order's problems, in the community's language, at the worst severity among them. */
export function logOrderProblems(round: OpenRound, source: string, raw: RawOrderInput, problems: Problem[]): void {
  const lang = round.snapshot.defaultLang;
  const worst = problems.some((p) => p.severity === 'reject')
    ? 'reject'
    : problems.some((p) => p.severity === 'line')
      ? 'line'
      : 'warning';
  logEntry(
    round.book,
    {
      round: round.snapshot.round.id,
      source,
      who: [typed(raw.name), typed(raw.email)].filter(Boolean).join(' '),
      severity: t(lang, `severity.${worst}` as const),
      problem: problems.map((p) => describeProblem(p, lang, round.items)).join('\n'),
    },
    new Date(),
  );
}
