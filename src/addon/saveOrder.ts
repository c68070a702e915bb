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
  const { snapshot, items, book, store } = o.round;
  const order = reviseOrder(o.previous?.order, {
    key: o.orderKey,
    source: o.source,
    participant: o.checked.participant,
    lines: o.checked.lines,
    submittedAt: o.submittedAt,
    revision: (o.previous?.order.revision ?? 0) + 1,
    comment: o.checked.comment,
  });
  const rows = orderRows(order, snapshot.round.id, o.responseAt, o.editUrl, items, snapshot.defaultLang);
  writeOrder(book, store, o.previous, rows, snapshot.round.id);
  if (order !== o.previous?.order) keepRoundSoFar(o.round, o.previous?.order ?? null, order);
  return order;
}

/**
 * The round's orders so far, as running totals a receipt's estimate reads (billing.estimateShare): the
 * order's previous weight comes out, its new weight goes in — one property, no sheet read.
 */
function keepRoundSoFar(round: OpenRound, before: Order | null, after: Order): void {
  const { snapshot, items, store } = round;
  const key = KEYS.roundSoFar(snapshot.round.id);
  const totals: RoundSoFar = store.get(key) ?? { participants: 0, goodsMinor: 0, quantityMilli: 0 };
  const weigh = (o: Order | null) =>
    o ? orderWeight(o.lines, items, snapshot.round.rounding) : { goodsMinor: 0, quantityMilli: 0 };
  const counts = (w: { goodsMinor: number; quantityMilli: number }) => (w.goodsMinor > 0 || w.quantityMilli > 0 ? 1 : 0);
  const [was, now] = [weigh(before), weigh(after)];
  store.set(key, {
    participants: Math.max(0, totals.participants - counts(was) + counts(now)),
    goodsMinor: Math.max(0, totals.goodsMinor - was.goodsMinor + now.goodsMinor),
    quantityMilli: Math.max(0, totals.quantityMilli - was.quantityMilli + now.quantityMilli),
  });
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
