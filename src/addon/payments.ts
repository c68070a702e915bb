import { Capability } from '../core/access';
import { JournalEntry, JournalKind, RoundLedger, account, identityOf } from '../core/ledger';
import { readAmount } from '../core/money';
import { describeAmountProblem } from '../core/moneyText';
import { ParticipantResult } from '../core/tally';
import { appendJournal } from '../workspace/journal';
import { refreshBillAccount } from '../workspace/results';
import { ActionContext, UserError, fail, locked, requireAccess } from './action';
import { updateLedger } from './refreshLedger';
import { RoundData, loadRound } from './roundData';

/**
 * The cash journal at the door and at the finance volunteer's desk: payments, refunds, pickups and money
 * paid to the supplier. Each click appends one Journal row (once per request id), then the person's
 * cells in Bills and the round's line in the Ledger are brought up to date.
 */

export interface JournalInput {
  roundId: string;
  orderKey?: string;
  amount?: string | number;
  method?: string;
  note?: string;
  requestId: string;
}

/** A Journal line this action's user records in the round, about one participant (or none). */
export function journalEntryFor(
  ctx: ActionContext,
  data: RoundData,
  p: ParticipantResult | undefined,
  e: Pick<JournalEntry, 'kind' | 'amountMinor' | 'requestId'> & Partial<Pick<JournalEntry, 'method' | 'note'>>,
): JournalEntry & { who: string } {
  return {
    at: ctx.now.getTime(),
    roundId: data.record.id,
    orderKey: p?.order.key ?? '',
    identity: p ? identityOf(p.order.participant) : '',
    kind: e.kind,
    amountMinor: e.amountMinor,
    method: e.method ?? '',
    recordedBy: ctx.me,
    note: e.note ?? '',
    requestId: e.requestId,
    who: p?.order.participant.name ?? '',
  };
}

/**
 * The amount a volunteer typed, as people type it and as the add-on shows it ("2,862.17", "662,57 ₽",
 * "¥100"), in minor units; refused in their words — why it could not be read, or that it must be more
 * than zero.
 */
export function typedAmount(ctx: ActionContext, currencyCode: string, typed: unknown): number {
  const read = readAmount(typed, currencyCode);
  if (!read.ok) throw new UserError(describeAmountProblem(read, ctx.lang, currencyCode));
  if (read.minor <= 0) fail(ctx.lang, 'payment.amountInvalid', { value: String(typed ?? '') });
  return read.minor;
}

/** Appends to the journal once per request id; then refreshes the Bills sheet and the Ledger. */
function journalAction(
  input: JournalInput,
  kind: JournalKind,
  needsOrder: boolean,
  needsAmount: boolean,
  capability?: Capability,
): { balanceMinor: number; ledger: RoundLedger } {
  return locked((ctx) => {
    if (capability) requireAccess(ctx, capability);
    const data = loadRound(ctx, String(input.roundId));
    const requestId = String(input.requestId ?? '');
    if (!requestId) fail(ctx.lang, 'error.generic', { detail: 'requestId' });
    const already = data.journal.some((e) => e.requestId === requestId);
    const p = input.orderKey ? data.tally.participants.find((x) => x.order.key === input.orderKey) : undefined;
    if (needsOrder && !p) fail(ctx.lang, 'offline.notFound');
    const amountMinor = needsAmount ? typedAmount(ctx, data.record.currency, input.amount) : 0;
    if (!already) {
      const entry = journalEntryFor(ctx, data, p, {
        kind,
        amountMinor,
        requestId,
        method: String(input.method ?? ''),
        note: String(input.note ?? ''),
      });
      appendJournal(ctx.book, [entry], data.record.currency);
      data.journal.push(entry);
      if (p) {
        const acc = account(
          p.order.key,
          p.totalMinor,
          data.journal.filter((e) => e.roundId === data.record.id),
        );
        data.accounts.set(p.order.key, acc);
        refreshBillAccount(ctx.book, data.record, acc);
      }
    }
    const acc = p ? data.accounts.get(p.order.key) : undefined;
    return { balanceMinor: acc?.balanceMinor ?? 0, ledger: updateLedger(ctx, data) };
  });
}

export function recordPayment(input: JournalInput) {
  return journalAction(input, 'payment', true, true);
}

export function recordRefund(input: JournalInput) {
  return journalAction(input, 'refund', true, true);
}

export function setPickedUp(input: JournalInput & { pickedUp: boolean }) {
  return journalAction(input, input.pickedUp === false ? 'unpickup' : 'pickup', true, false);
}

/** The finance volunteer records money paid to the supplier. */
export function recordSupplierPayment(input: JournalInput) {
  return journalAction(input, 'supplierPayment', false, true);
}

/** The finance volunteer records the delivery paid to whoever brought the goods (the cost people were billed). */
export function recordDeliveryPayment(input: JournalInput) {
  return journalAction(input, 'deliveryPayment', false, true, 'manageMoney');
}

/** The finance volunteer records the organiser fee (оргсбор / 团长服务费) handed to the organiser. */
export function recordFeePayout(input: JournalInput) {
  return journalAction(input, 'feePayout', false, true, 'manageMoney');
}
