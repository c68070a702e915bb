import { describeProblem } from '../core/describe';
import { t } from '../core/i18n/translate';
import { RawOrderInput } from '../core/validation';
import { findOrder } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { snapshotOf } from '../workspace/rounds';
import { UserError } from './context';
import { newId } from '../workspace/session';
import { saveOrder, validate, logProblems } from './intake';
import { locked } from './rounds';
import { receiptEmail, sendReceipt, senderName } from './mail';

export interface OfflineOrderInput {
  roundId: string;
  /** Present when editing an order the volunteer entered before. */
  orderKey?: string;
  name: string;
  email?: string;
  phone?: string;
  building?: string;
  flat?: string;
  pickupPoint?: string;
  lang?: string;
  comment?: string;
  quantities: Record<string, string | number>;
  extras?: Record<string, string | number>;
  requestId?: string;
}

export interface OfflineOrderResult {
  orderKey: string;
  enteredBy: string;
  /** Notes the volunteer should read (a quantity left out, no email…), in their language. */
  notes: string[];
}

/**
 * A volunteer enters (or edits) an order for a neighbour without a smartphone: same checks and same
 * Orders rows as a form order, marked with who entered it. A refused order is an error message in the
 * volunteer's language listing every problem.
 */
export function saveOfflineOrder(input: OfflineOrderInput): OfflineOrderResult {
  return locked((ctx) => {
    const request = input.requestId ? KEYS.savedOfflineOrder(input.requestId) : null;
    const earlier = request ? ctx.store.get(request) : null;
    if (earlier) return earlier;
    const snapshot = snapshotOf(ctx.store, String(input.roundId));
    if (!snapshot) throw new UserError(t(ctx.lang, 'round.notOpen'));
    const items = new Map(snapshot.items.map((i) => [i.id, i]));
    const raw: RawOrderInput = { ...input, submittedAt: ctx.now.getTime(), enteredBy: ctx.me || 'volunteer' };
    const checked = validate(raw, snapshot, items);
    const notes = checked.problems.map((p) => describeProblem(p, ctx.lang, items));
    // The volunteer is right there: a quantity left out would surprise the neighbour, so refuse and say why.
    if (!checked.accepted || checked.problems.some((p) => p.severity === 'line')) throw new UserError(notes.join('\n'));
    const key = input.orderKey ? String(input.orderKey) : `offline:${snapshot.round.id}:${newId()}`;
    const previous = input.orderKey ? findOrder(ctx.book, key, items) : null;
    if (input.orderKey && !previous) throw new UserError(t(ctx.lang, 'offline.notFound'));
    const order = saveOrder(
      ctx.book,
      ctx.store,
      snapshot,
      items,
      previous,
      key,
      'offline',
      checked,
      ctx.now.getTime(),
      ctx.now.toISOString(),
      '',
    );
    if (checked.problems.length) logProblems(ctx.book, snapshot, key, raw, checked.problems, items);
    sendReceipt(
      ctx.book,
      ctx.store,
      receiptEmail(snapshot, items, order, '', ctx.settings.paymentInstructions),
      ctx.settings.replyTo,
      senderName(ctx),
    );
    const result = { orderKey: key, enteredBy: ctx.me, notes };
    if (request) ctx.store.set(request, result);
    return result;
  });
}

/** Cancels an order entered offline: its rows become an empty order (kept, so the revision is remembered). */
export function cancelOfflineOrder(roundId: string, orderKey: string): { orderKey: string } {
  return locked((ctx) => {
    const snapshot = snapshotOf(ctx.store, String(roundId));
    if (!snapshot) throw new UserError(t(ctx.lang, 'round.notOpen'));
    const items = new Map(snapshot.items.map((i) => [i.id, i]));
    const previous = findOrder(ctx.book, String(orderKey), items);
    if (!previous) throw new UserError(t(ctx.lang, 'offline.notFound'));
    const p = previous.order.participant;
    const checked = validate(
      {
        name: p.name,
        email: p.email ?? '',
        phone: p.phone,
        building: p.building,
        flat: p.flat,
        pickupPoint: p.pickupPoint,
        lang: p.lang,
        quantities: {},
        submittedAt: ctx.now.getTime(),
        enteredBy: ctx.me || 'volunteer',
      },
      snapshot,
      items,
    );
    if (!checked.accepted) throw new UserError(checked.problems.map((x) => describeProblem(x, ctx.lang, items)).join('\n'));
    saveOrder(
      ctx.book,
      ctx.store,
      snapshot,
      items,
      previous,
      previous.order.key,
      previous.order.source,
      { ...checked, lines: [] },
      ctx.now.getTime(),
      ctx.now.toISOString(),
      previous.editUrl,
    );
    return { orderKey: previous.order.key };
  });
}
