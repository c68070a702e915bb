import { Capability } from '../core/access';
import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { formatMoney } from '../core/i18n/format';
import { t } from '../core/i18n/translate';
import { JournalEntry, JournalKind, ParticipantAccount, RoundLedger, account, identityOf } from '../core/ledger';
import { readAmount } from '../core/money';
import { describeAmountProblem } from '../core/moneyText';
import { recentTwinPayment } from '../core/repeats';
import { ParticipantResult } from '../core/tally';
import { appendJournal } from '../workspace/journal';
import { refreshBillAccount } from '../workspace/results';
import { ActionContext, UserError, fail, locked, requireAccess } from './action';
import { placeOf, refreshTabRow } from './buildingTabs';
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
  /** The token of "record it again?", when the same payment was recorded a few minutes ago. */
  again?: string;
}

type Recorded = { balanceMinor: number; ledger: RoundLedger };

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
 * Appends Journal lines after the Journal's last row as loadRound read it (under this execution's lock,
 * so no getLastRow), and keeps `data` in step for what follows.
 */
export function recordEntries(ctx: ActionContext, data: RoundData, entries: (JournalEntry & { who: string })[]): void {
  if (!entries.length) return;
  appendJournal(ctx.book, entries, data.record.currency, data.journalLastRow);
  data.journal.push(...entries);
  data.journalLastRow += entries.length;
}

/**
 * After a Journal append about one person: their account from the round's Journal, then their cells in
 * Bills and their row of their building's tab.
 */
export function refreshAccount(ctx: ActionContext, data: RoundData, p: ParticipantResult): ParticipantAccount {
  const acc = account(
    p.order.key,
    p.totalMinor,
    data.journal.filter((e) => e.roundId === data.record.id),
  );
  data.accounts.set(p.order.key, acc);
  refreshBillAccount(ctx.book, data.record, acc);
  refreshTabRow(ctx, data, p);
  return acc;
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

/**
 * "Record it again?": the same amount from the same person a few minutes ago is asked about, not doubled
 * (a double click is caught by its request id; this is the second, separate click).
 */
function repeated(
  ctx: ActionContext,
  data: RoundData,
  p: ParticipantResult | undefined,
  kind: JournalKind,
  amountMinor: number,
  again?: string,
): Confirmation | null {
  if (!p || (kind !== 'payment' && kind !== 'refund')) return null;
  const twin = recentTwinPayment(
    { roundId: data.record.id, orderKey: p.order.key, kind, amountMinor },
    data.journal,
    ctx.now.getTime(),
  );
  if (!twin) return null;
  const token = confirmationToken('again', data.record.id, [p.order.key, kind, amountMinor, twin.at]);
  if (again === token) return null;
  const minutes = Math.max(1, Math.round((ctx.now.getTime() - twin.at) / 60_000));
  const amount = formatMoney(amountMinor, data.record.currency, ctx.lang);
  return asks(t(ctx.lang, `repeat.${kind}`, { name: p.order.participant.name, amount, count: minutes }), token);
}

/**
 * Appends to the journal once per request id; then refreshes the Bills sheet, the Ledger and the
 * person's row of their building's tab. `capability` is checked for the person's building.
 */
function journalAction(
  input: JournalInput,
  kind: JournalKind,
  needsOrder: boolean,
  needsAmount: boolean,
  capability: Capability,
): Recorded | Confirmation {
  return locked((ctx) => {
    requireAccess(ctx, capability);
    const data = loadRound(ctx, String(input.roundId));
    const requestId = String(input.requestId ?? '');
    if (!requestId) fail(ctx.lang, 'error.generic', { detail: 'requestId' });
    const already = data.journal.some((e) => e.requestId === requestId);
    const p = input.orderKey ? data.tally.participants.find((x) => x.order.key === input.orderKey) : undefined;
    if (needsOrder && !p) fail(ctx.lang, 'offline.notFound');
    if (p) requireAccess(ctx, capability, placeOf(p));
    // A settled round is final: its credit was carried out; a late payment or refund would leave it wrong.
    if (data.record.state === 'settled' && !already) fail(ctx.lang, 'payment.roundSettled', { round: data.record.title });
    const amountMinor = needsAmount ? typedAmount(ctx, data.record.currency, input.amount) : 0;
    const ask = already ? null : repeated(ctx, data, p, kind, amountMinor, input.again);
    if (ask) return ask;
    // A pickup mark is a state: ticking what is already ticked records nothing.
    const unchanged =
      p && (kind === 'pickup' || kind === 'unpickup') && data.accounts.get(p.order.key)?.pickedUp === (kind === 'pickup');
    if (!already && !unchanged) {
      const entry = journalEntryFor(ctx, data, p, {
        kind,
        amountMinor,
        requestId,
        method: String(input.method ?? ''),
        note: String(input.note ?? ''),
      });
      recordEntries(ctx, data, [entry]);
    }
    // Also when the request is already in the Journal: a try killed after appending it left the Bills
    // sheet and the building's tab behind (test/bundle/faults.test.ts).
    if (p && (!unchanged || already)) refreshAccount(ctx, data, p);
    const acc = p ? data.accounts.get(p.order.key) : undefined;
    return { balanceMinor: acc?.balanceMinor ?? 0, ledger: updateLedger(ctx, data) };
  });
}

/** A payment at the door or by transfer: a building volunteer for their building, the treasurer for anyone. */
export function recordPayment(input: JournalInput): Recorded | Confirmation {
  return journalAction(input, 'payment', true, true, 'recordPayments');
}

/** Money given back: the treasurer's or a coordinator's. */
export function recordRefund(input: JournalInput): Recorded | Confirmation {
  return journalAction(input, 'refund', true, true, 'manageMoney');
}

export function setPickedUp(input: JournalInput & { pickedUp: boolean }): Recorded | Confirmation {
  return journalAction(input, input.pickedUp === false ? 'unpickup' : 'pickup', true, false, 'handOut');
}

/** The finance volunteer records money paid to the supplier. */
export function recordSupplierPayment(input: JournalInput): Recorded | Confirmation {
  return journalAction(input, 'supplierPayment', false, true, 'manageMoney');
}

/** The finance volunteer records the delivery paid to whoever brought the goods (the cost people were billed). */
export function recordDeliveryPayment(input: JournalInput) {
  return journalAction(input, 'deliveryPayment', false, true, 'manageMoney');
}

/** The finance volunteer records the organiser fee (оргсбор / 团长服务费) handed to the organiser. */
export function recordFeePayout(input: JournalInput) {
  return journalAction(input, 'feePayout', false, true, 'manageMoney');
}
