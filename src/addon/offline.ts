import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { describeProblem } from '../core/describe';
import { t } from '../core/i18n/translate';
import { identityOf } from '../core/ledger';
import { recentTwinOrder } from '../core/repeats';
import { Participant } from '../core/orders';
import { RawOrderInput } from '../core/validation';
import { KEYS } from '../workspace/properties/keys';
import { findOrder, readRoundOrders } from '../workspace/orders';
import { snapshotOf } from '../workspace/rounds';
import { newId } from '../workspace/session';
import { ActionContext, UserError, fail, locked, requireAccess } from './action';
import { receiptEmail, sendReceipt } from './receipt';
import { OpenRound, openRoundOf } from './roundData';
import { checkOrder, logOrderProblems, saveOrder } from './saveOrder';
import { senderName } from './sendEmails';

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
  /** 'paper' when typed in from a printed order slip; a volunteer's own entry otherwise. */
  source?: 'offline' | 'paper';
  /** The token of "record it again?", when the same order was saved a few minutes ago. */
  again?: string;
}

export interface OfflineOrderResult {
  orderKey: string;
  enteredBy: string;
  /** Notes the volunteer should read (a quantity left out, no email…), in their language. */
  notes: string[];
}

/** The round a volunteer enters orders into, if it has been opened. */
function openRoundFor(ctx: ActionContext, roundId: string): OpenRound {
  const snapshot = snapshotOf(ctx.store, String(roundId));
  if (!snapshot) fail(ctx.lang, 'round.notOpen');
  return openRoundOf(ctx.book, ctx.store, snapshot);
}

/** The building (or pickup point) an order is for: what a volunteer's access is checked against. */
const placeOfInput = (p: { building?: unknown; pickupPoint?: unknown }) =>
  String(p.building ?? '').trim() || String(p.pickupPoint ?? '').trim();

/**
 * "Record it again?": the same order for the same person saved a few minutes ago is asked about, not
 * doubled. The form has cleared after the first save; a second click on the same paper slip is the usual way.
 */
function repeatedOrder(
  ctx: ActionContext,
  round: OpenRound,
  checked: ReturnType<typeof checkOrder>,
  again?: string,
): Confirmation | null {
  const orders = readRoundOrders(ctx.book, round.snapshot.round.id, round.items, ctx.store).map((o) => ({
    key: o.order.key,
    identity: identityOf(o.order.participant),
    lines: o.order.lines,
    submittedAt: o.order.submittedAt,
  }));
  const twin = recentTwinOrder({ identity: identityOf(checked.participant), lines: checked.lines }, orders, ctx.now.getTime());
  if (!twin) return null;
  const token = confirmationToken('again', round.snapshot.round.id, [twin.key, twin.submittedAt]);
  if (again === token) return null;
  const minutes = Math.max(1, Math.round((ctx.now.getTime() - twin.submittedAt) / 60_000));
  return asks(t(ctx.lang, 'repeat.order', { name: checked.participant.name, count: minutes }), token);
}

/**
 * A volunteer enters (or edits) an order for a neighbour without a smartphone: same checks and same
 * Orders rows as a form order, marked with who entered it. A refused order is an error message in the
 * volunteer's language listing every problem. A building volunteer enters orders for their own building.
 */
export function saveOfflineOrder(input: OfflineOrderInput): OfflineOrderResult | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, 'enterOrders');
    const request = input.requestId ? KEYS.savedOfflineOrder(input.requestId) : null;
    const earlier = request ? ctx.store.get(request) : null;
    if (earlier && !earlier.saving) return earlier;
    if (ctx.access.role === 'volunteer') requireAccess(ctx, 'enterOrders', placeOfInput(input));
    const round = openRoundFor(ctx, input.roundId);
    const raw: RawOrderInput = { ...input, submittedAt: ctx.now.getTime(), enteredBy: ctx.me || 'volunteer' };
    const checked = checkOrder(raw, round);
    const notes = checked.problems.map((p) => describeProblem(p, ctx.lang, round.items));
    // The volunteer is right there: a quantity left out would surprise the neighbour, so refuse and say why.
    if (!checked.accepted || checked.problems.some((p) => p.severity === 'line')) throw new UserError(notes.join('\n'));
    const orderKey = input.orderKey
      ? String(input.orderKey)
      : (earlier?.orderKey ?? `offline:${round.snapshot.round.id}:${newId()}`);
    const previous = input.orderKey || earlier ? findOrder(ctx.book, orderKey, round.items) : null;
    if (input.orderKey && !previous) fail(ctx.lang, 'offline.notFound');
    const result = { orderKey, enteredBy: ctx.me, notes };
    // Saved before an earlier try was killed (its rows are there): done, and said once.
    if (earlier && previous && !input.orderKey) return done(ctx, request, result);
    // The order's key is promised first: a try killed after writing its rows is found again, never doubled.
    if (request && !earlier) ctx.store.set(request, { ...result, saving: true });
    if (previous && ctx.access.role === 'volunteer') requireAccess(ctx, 'enterOrders', placeOfInput(previous.order.participant));
    const ask = previous ? null : repeatedOrder(ctx, round, checked, input.again);
    if (ask) return ask;
    const at = ctx.now;
    const order = saveOrder({
      round,
      previous,
      orderKey,
      source: input.source === 'paper' ? 'paper' : (previous?.order.source ?? 'offline'),
      checked,
      submittedAt: at.getTime(),
      responseAt: at.toISOString(),
      editUrl: '',
    });
    if (checked.problems.length) logOrderProblems(round, orderKey, raw, checked.problems);
    const email = receiptEmail(round, order, '', ctx.settings, checked.problems);
    sendReceipt(round, email, ctx.settings.replyTo, senderName(ctx));
    return done(ctx, request, result);
  });
}

function done(ctx: ActionContext, request: ReturnType<typeof KEYS.savedOfflineOrder> | null, result: OfflineOrderResult) {
  if (request) ctx.store.set(request, result);
  return result;
}

/** The order's person as order input, unchanged. */
function asTyped(p: Participant): Omit<RawOrderInput, 'quantities' | 'submittedAt'> {
  return {
    name: p.name,
    email: p.email ?? '',
    phone: p.phone,
    building: p.building,
    flat: p.flat,
    pickupPoint: p.pickupPoint,
    lang: p.lang,
  };
}

/** Cancels an order entered offline: its rows become an empty order (kept, so the revision is remembered). */
export function cancelOfflineOrder(roundId: string, orderKey: string): { orderKey: string } {
  return locked((ctx) => {
    requireAccess(ctx, 'enterOrders');
    const round = openRoundFor(ctx, roundId);
    const previous = findOrder(ctx.book, String(orderKey), round.items);
    if (!previous) fail(ctx.lang, 'offline.notFound');
    requireAccess(ctx, 'enterOrders', placeOfInput(previous.order.participant));
    const raw = {
      ...asTyped(previous.order.participant),
      quantities: {},
      submittedAt: ctx.now.getTime(),
      enteredBy: ctx.me || 'volunteer',
    };
    const checked = checkOrder(raw, round);
    if (!checked.accepted) throw new UserError(checked.problems.map((x) => describeProblem(x, ctx.lang, round.items)).join('\n'));
    saveOrder({
      round,
      previous,
      orderKey: previous.order.key,
      source: previous.order.source,
      checked: { ...checked, lines: [] },
      submittedAt: ctx.now.getTime(),
      responseAt: ctx.now.toISOString(),
      editUrl: previous.editUrl,
    });
    return { orderKey: previous.order.key };
  });
}
