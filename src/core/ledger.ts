import { cyrb53 } from './hash';
import { Minor } from './money';
import { Participant } from './orders';

/**
 * The open ledger is an append-only journal: a payment, a refund, money paid to the supplier, to the
 * carrier for delivery, the organiser fee paid out, a pickup checked off (or undone), credit carried
 * from an earlier round. Nothing is overwritten; balances are always recomputed from the journal, so
 * the audit trail is the books.
 *
 * Kinds (the words stay stable: they are stored in the Journal sheet; old journals read unchanged):
 * - payment / refund: money in from / back to a participant in a round;
 * - supplierPayment: money out to the supplier for the round's goods;
 * - deliveryPayment: money out to whoever delivered (the delivery cost people were billed);
 * - feePayout: the organiser fee (оргсбор / 团长服务费) handed to the organiser;
 * - pickup / unpickup: the goods handed out (or the mark undone); no money;
 * - creditEarned: an overpayment carried OUT of the round it was paid in (written when it settles);
 * - credit: that credit carried IN to a later round's bill;
 * - allowance: the bill reduced by a decided complaint about quality (see core/complaints.ts).
 */
export type JournalKind =
  | 'payment'
  | 'refund'
  | 'supplierPayment'
  | 'pickup'
  | 'unpickup'
  | 'credit'
  | 'creditEarned'
  | 'deliveryPayment'
  | 'feePayout'
  | 'allowance';
export const JOURNAL_KINDS: JournalKind[] = [
  'payment',
  'refund',
  'supplierPayment',
  'pickup',
  'unpickup',
  'credit',
  'creditEarned',
  'deliveryPayment',
  'feePayout',
  'allowance',
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
  /** An overpayment carried out of this round as credit (when the round settled). */
  creditOutMinor: Minor;
  /**
   * What is still owed (positive) or overpaid (negative): due − credit in − paid + credit out. Once an
   * overpayment is carried out the round's account is square (0) and the credit shows in the next one.
   */
  balanceMinor: Minor;
  pickedUp: boolean;
  /** Taken off the bill by decided complaints about quality (absent: none). */
  allowanceMinor?: Minor;
}

/** One participant's account in a round: the bill against the round's journal entries. */
export function account(orderKey: string, dueMinor: Minor, entries: readonly JournalEntry[]): ParticipantAccount {
  let paid = 0;
  let credit = 0;
  let carried = 0;
  let pickedUp = false;
  let allowed = 0;
  for (const e of [...entries].sort((a, b) => a.at - b.at)) {
    if (e.orderKey !== orderKey) continue;
    if (e.kind === 'payment') paid += e.amountMinor;
    else if (e.kind === 'refund') paid -= e.amountMinor;
    else if (e.kind === 'credit') credit += e.amountMinor;
    else if (e.kind === 'creditEarned') carried += e.amountMinor;
    else if (e.kind === 'pickup') pickedUp = true;
    else if (e.kind === 'unpickup') pickedUp = false;
    else if (e.kind === 'allowance') allowed += e.amountMinor;
  }
  return {
    orderKey,
    dueMinor,
    creditInMinor: credit,
    paidMinor: paid,
    creditOutMinor: carried,
    balanceMinor: dueMinor - allowed - credit - paid + carried,
    pickedUp,
    ...(allowed ? { allowanceMinor: allowed } : {}),
  };
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
  /** Payments less refunds, in this round. */
  collectedMinor: Minor;
  /** Credit carried in from earlier rounds and used on this round's bills (same as creditInMinor). */
  creditUsedMinor: Minor;
  creditInMinor: Minor;
  /** Overpayments carried out of this round as credit for later rounds (once the round is settled). */
  creditOutMinor: Minor;
  paidToSupplierMinor: Minor;
  /** Paid to whoever delivered. */
  deliveryPaidMinor: Minor;
  /** Organiser fee handed out. */
  feePaidOutMinor: Minor;
  /**
   * Money the round still holds: collected + credit in − credit out − supplier − delivery − fee paid.
   * A settled round whose bills are paid and whose supplier, delivery and fee are paid balances to 0.
   * Carried credit is counted once: it leaves the round it was paid in (creditOut) and enters the
   * round it pays for (creditIn), so across rounds it nets to nothing.
   */
  balanceMinor: Minor;
  /** Outstanding from participants (what is still owed, ignoring overpayments). */
  outstandingMinor: Minor;
  /** Overpaid and not yet carried out (before settlement): to refund or to carry. */
  overpaidMinor: Minor;
  /** The difference between the bills and goods + delivery + fee: zero with exact splitting. */
  roundingMinor: Minor;
  savingMinor: Minor;
}

/** Sum of one kind's amounts among the entries. */
function sumOf(entries: readonly JournalEntry[], kind: JournalKind): Minor {
  let n = 0;
  for (const e of entries) if (e.kind === kind) n += e.amountMinor;
  return n;
}

/**
 * One round's figures. `entries` are the round's own journal entries (roundId = the round); `accounts`
 * its participants' accounts. Before settlement an overpayment is still in the round (overpaidMinor);
 * settling writes creditEarned entries, which show here as creditOut.
 */
export function roundLedger(
  totals: { goodsMinor: Minor; deliveryMinor: Minor; feeMinor: Minor; totalMinor: Minor; savingMinor: Minor },
  accounts: readonly ParticipantAccount[],
  entries: readonly JournalEntry[],
): RoundLedger {
  const collected = accounts.reduce((s, a) => s + a.paidMinor, 0);
  const creditIn = accounts.reduce((s, a) => s + a.creditInMinor, 0);
  // Credit carried out is read from the entries, so accounts computed just before settling still count.
  const carried = new Map<string, Minor>();
  for (const e of entries) if (e.kind === 'creditEarned') carried.set(e.orderKey, (carried.get(e.orderKey) ?? 0) + e.amountMinor);
  const creditOut = sumOf(entries, 'creditEarned');
  const balanceOf = (a: ParticipantAccount) => a.balanceMinor + (carried.get(a.orderKey) ?? 0) - a.creditOutMinor;
  const toSupplier = sumOf(entries, 'supplierPayment');
  const deliveryPaid = sumOf(entries, 'deliveryPayment');
  const feePaid = sumOf(entries, 'feePayout');
  const overpaid = accounts.reduce((s, a) => s + Math.max(0, -balanceOf(a)), 0);
  return {
    goodsMinor: totals.goodsMinor,
    deliveryMinor: totals.deliveryMinor,
    feeMinor: totals.feeMinor,
    billedMinor: totals.totalMinor,
    collectedMinor: collected,
    creditUsedMinor: creditIn,
    creditInMinor: creditIn,
    creditOutMinor: creditOut,
    paidToSupplierMinor: toSupplier,
    deliveryPaidMinor: deliveryPaid,
    feePaidOutMinor: feePaid,
    balanceMinor: collected + creditIn - creditOut - toSupplier - deliveryPaid - feePaid,
    outstandingMinor: accounts.reduce((s, a) => s + Math.max(0, balanceOf(a)), 0),
    overpaidMinor: overpaid,
    roundingMinor: totals.totalMinor - (totals.goodsMinor + totals.deliveryMinor + totals.feeMinor),
    savingMinor: totals.savingMinor,
  };
}

export interface CommunityLedger {
  collectedMinor: Minor;
  paidToSupplierMinor: Minor;
  deliveryPaidMinor: Minor;
  feePaidOutMinor: Minor;
  /** Credit carried out of settled rounds and not yet used on a later bill: money held for people. */
  creditHeldMinor: Minor;
  /** Every round's balance added up. */
  roundsBalanceMinor: Minor;
  /** What the finance volunteer should have: collected less everything paid out. */
  cashOnHandMinor: Minor;
  outstandingMinor: Minor;
  savingMinor: Minor;
}

/**
 * The community's line under all rounds. Cash on hand = Σ collected − Σ paid out (supplier, delivery,
 * fee); it equals Σ round balances + credit still held for people, to the kopeck — the check a
 * treasurer makes against the cash box and the bank account.
 */
export function communityLedger(rounds: readonly RoundLedger[]): CommunityLedger {
  const sum = (f: (r: RoundLedger) => Minor) => rounds.reduce((s, r) => s + f(r), 0);
  const collected = sum((r) => r.collectedMinor);
  const out = sum((r) => r.paidToSupplierMinor + r.deliveryPaidMinor + r.feePaidOutMinor);
  return {
    collectedMinor: collected,
    paidToSupplierMinor: sum((r) => r.paidToSupplierMinor),
    deliveryPaidMinor: sum((r) => r.deliveryPaidMinor),
    feePaidOutMinor: sum((r) => r.feePaidOutMinor),
    creditHeldMinor: sum((r) => r.creditOutMinor - r.creditInMinor),
    roundsBalanceMinor: sum((r) => r.balanceMinor),
    cashOnHandMinor: collected - out,
    outstandingMinor: sum((r) => r.outstandingMinor),
    savingMinor: sum((r) => r.savingMinor),
  };
}

/**
 * The credit to carry out of a round when it settles: each overpaid account's overpayment, as
 * creditEarned entries (amount > 0). Pass what the entry needs besides; request ids are deterministic
 * (`settle:<round>:<order>`), so settling twice writes nothing twice.
 */
export function creditToCarry(
  roundId: string,
  accounts: readonly ParticipantAccount[],
  already: readonly JournalEntry[],
): { orderKey: string; amountMinor: Minor; requestId: string }[] {
  // A complaint's credit is carried when it is decided (core/complaints.ts): it is not this settlement's.
  const done = new Set(
    already
      .filter((e) => e.kind === 'creditEarned' && e.roundId === roundId && !e.requestId.startsWith('complaint:'))
      .map((e) => e.orderKey),
  );
  return accounts
    .filter((a) => a.balanceMinor < 0 && !done.has(a.orderKey))
    .map((a) => ({ orderKey: a.orderKey, amountMinor: -a.balanceMinor, requestId: `settle:${roundId}:${a.orderKey}` }));
}

/**
 * A round cancelled after its bills used credit gives that credit back: one "carried out" line per
 * person (kind creditEarned, in the cancelled round), so the round nets to zero and the credit is
 * available again. Once only: each line's request id is its round and person.
 */
export function creditToReturn(roundId: string, entries: readonly JournalEntry[]): JournalEntry[] {
  const done = new Set(entries.map((e) => e.requestId));
  const used = new Map<string, JournalEntry>();
  for (const e of entries) {
    if (e.roundId !== roundId || e.kind !== 'credit') continue;
    const was = used.get(e.orderKey);
    used.set(e.orderKey, was ? { ...was, amountMinor: was.amountMinor + e.amountMinor } : e);
  }
  return [...used.values()]
    .filter((e) => e.amountMinor > 0 && !done.has(`uncredit:${roundId}:${e.orderKey}`))
    .map((e) => ({ ...e, kind: 'creditEarned' as const, requestId: `uncredit:${roundId}:${e.orderKey}`, note: '' }));
}

/**
 * An identity as a purged round keeps it: not the person's address or name, but a keyed hash of it
 * (two 53-bit halves, cyrb53), so credit still follows them into their next round and credit they have
 * spent stays spent. The key is the community's own secret (document properties, never in a sheet), so
 * reading the Journal does not reveal whose row it is, nor can addresses be tried against it.
 */
export function sealedIdentity(identity: string, key: string): string {
  const text = `${key}\u0000${identity}`;
  return `${SEALED}${cyrb53(text, 1)}${cyrb53(text, 2)}`;
}

const SEALED = 'sealed:';

export function isSealed(identity: string): boolean {
  return identity.startsWith(SEALED);
}

/**
 * Credit a person can use: overpayments turned into credit when earlier rounds were settled
 * ("creditEarned"), less credit already used on later bills ("credit"), in open rows and in purged
 * rounds' sealed ones (`key`: see sealedIdentity).
 */
export function availableCredit(identity: string, entries: readonly JournalEntry[], key = ''): Minor {
  const sealed = key ? sealedIdentity(identity, key) : null;
  let credit = 0;
  for (const e of entries) {
    if (e.identity !== identity && e.identity !== sealed) continue;
    if (e.kind === 'creditEarned') credit += e.amountMinor;
    else if (e.kind === 'credit') credit -= e.amountMinor;
  }
  return Math.max(0, credit);
}
