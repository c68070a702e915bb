import { Minor } from './money';
import { Participant } from './orders';

/**
 * The open ledger is an append-only journal: a payment, a refund, money paid to the supplier, a
 * pickup checked off (or undone), a credit carried from an earlier round. Nothing is overwritten;
 * balances are always recomputed from the journal, so the audit trail is the books.
 */
export type JournalKind = 'payment' | 'refund' | 'supplierPayment' | 'pickup' | 'unpickup' | 'credit' | 'creditEarned';
export const JOURNAL_KINDS: JournalKind[] = [
  'payment',
  'refund',
  'supplierPayment',
  'pickup',
  'unpickup',
  'credit',
  'creditEarned',
];

export interface JournalEntry {
  at: number;
  roundId: string;
  orderKey: string;
  /** Who the money belongs to across rounds (see identityOf): credit follows the person. */
  identity: string;
  kind: JournalKind;
  amountMinor: Minor;
  method: string;
  recordedBy: string;
  note: string;
  /** The client's id for the click that made this entry: a double click is recorded once. */
  requestId: string;
}

export interface ParticipantAccount {
  orderKey: string;
  dueMinor: Minor;
  /** Credit from earlier rounds used to pay this bill. */
  creditInMinor: Minor;
  paidMinor: Minor;
  /** What is still owed (positive) or overpaid (negative: credit carried to the next round). */
  balanceMinor: Minor;
  pickedUp: boolean;
}

/** One participant's account in a round: the bill against the journal. */
export function account(orderKey: string, dueMinor: Minor, entries: readonly JournalEntry[]): ParticipantAccount {
  let paid = 0;
  let credit = 0;
  let pickedUp = false;
  for (const e of [...entries].sort((a, b) => a.at - b.at)) {
    if (e.orderKey !== orderKey) continue;
    if (e.kind === 'payment') paid += e.amountMinor;
    else if (e.kind === 'refund') paid -= e.amountMinor;
    else if (e.kind === 'credit') credit += e.amountMinor;
    else if (e.kind === 'pickup') pickedUp = true;
    else if (e.kind === 'unpickup') pickedUp = false;
  }
  return { orderKey, dueMinor, creditInMinor: credit, paidMinor: paid, balanceMinor: dueMinor - credit - paid, pickedUp };
}

/** Who a participant is across rounds: their email, or for residents without one, name + building + flat. */
export function identityOf(p: Pick<Participant, 'email' | 'name' | 'building' | 'flat'>): string {
  if (p.email) return `email:${p.email.trim().toLowerCase()}`;
  return `person:${[p.name, p.building, p.flat].map((s) => s.trim().toLowerCase().replace(/\s+/g, ' ')).join('|')}`;
}

export interface RoundLedger {
  goodsMinor: Minor;
  deliveryMinor: Minor;
  feeMinor: Minor;
  billedMinor: Minor;
  collectedMinor: Minor;
  creditUsedMinor: Minor;
  paidToSupplierMinor: Minor;
  /** Money held for the round: collected and credit used, less what went to the supplier. */
  balanceMinor: Minor;
  /** Outstanding from participants (what is still owed, ignoring overpayments). */
  outstandingMinor: Minor;
  /** Overpayments carried forward as credit. */
  overpaidMinor: Minor;
  /** The difference between the bills and goods + delivery + fee: zero with exact splitting. */
  roundingMinor: Minor;
  savingMinor: Minor;
}

export function roundLedger(
  totals: { goodsMinor: Minor; deliveryMinor: Minor; feeMinor: Minor; totalMinor: Minor; savingMinor: Minor },
  accounts: readonly ParticipantAccount[],
  entries: readonly JournalEntry[],
): RoundLedger {
  const collected = accounts.reduce((s, a) => s + a.paidMinor, 0);
  const creditUsed = accounts.reduce((s, a) => s + a.creditInMinor, 0);
  const toSupplier = entries.filter((e) => e.kind === 'supplierPayment').reduce((s, e) => s + e.amountMinor, 0);
  return {
    goodsMinor: totals.goodsMinor,
    deliveryMinor: totals.deliveryMinor,
    feeMinor: totals.feeMinor,
    billedMinor: totals.totalMinor,
    collectedMinor: collected,
    creditUsedMinor: creditUsed,
    paidToSupplierMinor: toSupplier,
    balanceMinor: collected + creditUsed - toSupplier,
    outstandingMinor: accounts.reduce((s, a) => s + Math.max(0, a.balanceMinor), 0),
    overpaidMinor: accounts.reduce((s, a) => s + Math.max(0, -a.balanceMinor), 0),
    roundingMinor: totals.totalMinor - (totals.goodsMinor + totals.deliveryMinor + totals.feeMinor),
    savingMinor: totals.savingMinor,
  };
}

/**
 * Credit a person can use: overpayments turned into credit when earlier rounds were settled
 * ("creditEarned"), less credit already used on later bills ("credit").
 */
export function availableCredit(identity: string, entries: readonly JournalEntry[]): Minor {
  let credit = 0;
  for (const e of entries) {
    if (e.identity !== identity) continue;
    if (e.kind === 'creditEarned') credit += e.amountMinor;
    else if (e.kind === 'credit') credit -= e.amountMinor;
  }
  return Math.max(0, credit);
}
