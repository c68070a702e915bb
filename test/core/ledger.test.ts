import fc from 'fast-check';
import {
  JournalEntry,
  JournalKind,
  RoundLedger,
  account,
  availableCredit,
  communityLedger,
  creditToCarry,
  roundLedger,
} from '../../src/core/ledger';

/** A round of the books: each person's bill split into goods, delivery and fee. */
interface Bill {
  who: string;
  goods: number;
  delivery: number;
  fee: number;
}

let clock = 0;
function entry(roundId: string, kind: JournalKind, amountMinor: number, who = ''): JournalEntry {
  clock += 1;
  return {
    at: clock,
    roundId,
    orderKey: who ? `${roundId}:${who}` : '',
    identity: who ? `person:${who}` : '',
    kind,
    amountMinor,
    method: '',
    recordedBy: 'fin@example.org',
    note: '',
    requestId: `${roundId}-${kind}-${clock}`,
  };
}

const due = (b: Bill) => b.goods + b.delivery + b.fee;

function ledgerOf(roundId: string, bills: Bill[], journal: JournalEntry[]): RoundLedger {
  const mine = journal.filter((e) => e.roundId === roundId);
  const accounts = bills.map((b) => account(`${roundId}:${b.who}`, due(b), mine));
  const sum = (f: (b: Bill) => number) => bills.reduce((s, b) => s + f(b), 0);
  const totals = {
    goodsMinor: sum((b) => b.goods),
    deliveryMinor: sum((b) => b.delivery),
    feeMinor: sum((b) => b.fee),
    totalMinor: sum(due),
    savingMinor: 0,
  };
  return roundLedger(totals, accounts, mine);
}

/** Settling: overpayments carried out (as the add-on's settleRound does, through creditToCarry). */
function settle(roundId: string, bills: Bill[], journal: JournalEntry[]): void {
  const mine = journal.filter((e) => e.roundId === roundId);
  const accounts = bills.map((b) => account(`${roundId}:${b.who}`, due(b), mine));
  for (const c of creditToCarry(roundId, accounts, journal))
    journal.push({ ...entry(roundId, 'creditEarned', c.amountMinor, c.orderKey.split(':')[1]), requestId: c.requestId });
}

/** Closing a later round: credit a person carries is used on their new bill (as close.ts applyCredits does). */
function useCredit(roundId: string, bills: Bill[], journal: JournalEntry[]): void {
  for (const b of bills) {
    const credit = Math.min(availableCredit(`person:${b.who}`, journal), due(b));
    if (credit > 0) journal.push(entry(roundId, 'credit', credit, b.who));
  }
}

/** The cash box and the bank account, from the raw journal: every kopeck in, less every kopeck out. */
function cashFromJournal(journal: JournalEntry[]): number {
  const sign: Partial<Record<JournalKind, number>> = {
    payment: 1,
    refund: -1,
    supplierPayment: -1,
    deliveryPayment: -1,
    feePayout: -1,
  };
  return journal.reduce((s, e) => s + (sign[e.kind] ?? 0) * e.amountMinor, 0);
}

describe('a ledger that settles (issue 14: carried credit was counted twice)', () => {
  test('three rounds with over- and under-payments, a refund and supplier, delivery and fee payments sum to the cash on hand', () => {
    const journal: JournalEntry[] = [];
    const r1: Bill[] = [
      { who: 'anna', goods: 1000_00, delivery: 100_00, fee: 50_00 },
      { who: 'boris', goods: 500_00, delivery: 100_00, fee: 25_00 },
      { who: 'vera', goods: 300_00, delivery: 100_00, fee: 15_00 },
    ];
    journal.push(entry('R1', 'payment', 1300_00, 'anna')); // 150.00 over
    journal.push(entry('R1', 'payment', 700_00, 'boris')); // 75.00 over …
    journal.push(entry('R1', 'refund', 75_00, 'boris')); // … and refunded
    journal.push(entry('R1', 'payment', 200_00, 'vera')); // 215.00 short
    journal.push(entry('R1', 'supplierPayment', 1800_00));
    journal.push(entry('R1', 'deliveryPayment', 300_00));
    journal.push(entry('R1', 'feePayout', 90_00));
    const before = ledgerOf('R1', r1, journal);
    expect(before.overpaidMinor).toBe(150_00);
    expect(before.outstandingMinor).toBe(215_00);
    journal.push(entry('R1', 'payment', 215_00, 'vera')); // Vera pays the rest at the door
    settle('R1', r1, journal);
    settle('R1', r1, journal); // settling twice carries nothing twice

    const l1 = ledgerOf('R1', r1, journal);
    expect([l1.creditOutMinor, l1.overpaidMinor, l1.outstandingMinor]).toEqual([150_00, 0, 0]);
    expect(l1.balanceMinor).toBe(0); // settled: everything billed was collected and paid out

    const r2: Bill[] = [
      { who: 'anna', goods: 400_00, delivery: 50_00, fee: 20_00 },
      { who: 'gleb', goods: 600_00, delivery: 50_00, fee: 30_00 },
    ];
    useCredit('R2', r2, journal);
    journal.push(entry('R2', 'payment', 320_00, 'anna')); // 470 due − 150 credit = 320
    journal.push(entry('R2', 'payment', 700_00, 'gleb')); // 20.00 over, carried
    journal.push(entry('R2', 'supplierPayment', 1000_00));
    journal.push(entry('R2', 'deliveryPayment', 100_00));
    journal.push(entry('R2', 'feePayout', 50_00));
    settle('R2', r2, journal);
    const l2 = ledgerOf('R2', r2, journal);
    expect([l2.creditInMinor, l2.creditOutMinor, l2.balanceMinor]).toEqual([150_00, 20_00, 0]);

    const r3: Bill[] = [{ who: 'gleb', goods: 90_00, delivery: 5_00, fee: 5_00 }];
    useCredit('R3', r3, journal);
    journal.push(entry('R3', 'payment', 50_00, 'gleb')); // 30.00 still owed
    journal.push(entry('R3', 'supplierPayment', 90_00));
    const l3 = ledgerOf('R3', r3, journal);
    expect([l3.creditInMinor, l3.outstandingMinor]).toEqual([20_00, 30_00]);

    const all = communityLedger([l1, l2, l3]);
    expect(all.cashOnHandMinor).toBe(cashFromJournal(journal));
    expect(all.roundsBalanceMinor + all.creditHeldMinor).toBe(all.cashOnHandMinor);
    expect(all.creditHeldMinor).toBe(0); // every kopeck carried out was used later
    // Anna's 150.00 is counted once: carried out of R1 and into R2, nowhere else.
    expect(all.collectedMinor).toBe(1300_00 + 700_00 - 75_00 + 200_00 + 215_00 + 320_00 + 700_00 + 50_00);
  });

  test('the first round shows the overpayment as carried out and its account is square; the next shows it carried in', () => {
    const journal = [entry('R1', 'payment', 120_00, 'anna')];
    const bills = [{ who: 'anna', goods: 100_00, delivery: 0, fee: 0 }];
    settle('R1', bills, journal);
    expect(account('R1:anna', 100_00, journal).balanceMinor).toBe(0);
    expect(ledgerOf('R1', bills, journal).creditOutMinor).toBe(20_00);
    useCredit('R2', [{ who: 'anna', goods: 50_00, delivery: 0, fee: 0 }], journal);
    const r2 = ledgerOf('R2', [{ who: 'anna', goods: 50_00, delivery: 0, fee: 0 }], journal);
    expect([r2.creditInMinor, r2.outstandingMinor, r2.balanceMinor]).toEqual([20_00, 30_00, 20_00]);
  });

  test('an old journal without the new kinds reads as before', () => {
    const journal = [
      entry('R1', 'payment', 100_00, 'anna'),
      entry('R1', 'supplierPayment', 80_00),
      entry('R1', 'pickup', 0, 'anna'),
    ];
    const l = ledgerOf('R1', [{ who: 'anna', goods: 100_00, delivery: 0, fee: 0 }], journal);
    expect([l.collectedMinor, l.paidToSupplierMinor, l.balanceMinor, l.deliveryPaidMinor, l.feePaidOutMinor]).toEqual([
      100_00, 80_00, 20_00, 0, 0,
    ]);
  });

  test('over random rounds of payments, refunds and payouts, the rounds and the credit held add up to the cash', () => {
    const roundArb = fc.record({
      bills: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(1000_00)), { minLength: 1, maxLength: 4 }),
      pays: fc.array(fc.tuple(fc.nat(3), fc.nat(1200_00), fc.boolean()), { maxLength: 8 }),
      out: fc.tuple(fc.nat(2000_00), fc.nat(300_00), fc.nat(100_00)),
      settle: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(roundArb, { minLength: 1, maxLength: 4 }), (rounds) => {
        const journal: JournalEntry[] = [];
        const ledgers: RoundLedger[] = [];
        rounds.forEach((r, n) => {
          const id = `R${n + 1}`;
          const seen = new Set<string>();
          const bills = r.bills
            .filter(([who]) => !seen.has(who) && seen.add(who))
            .map(([who, goods]) => ({ who, goods, delivery: 0, fee: 0 }));
          useCredit(id, bills, journal);
          for (const [i, amount, refund] of r.pays)
            journal.push(entry(id, refund ? 'refund' : 'payment', amount, bills[i % bills.length].who));
          journal.push(
            entry(id, 'supplierPayment', r.out[0]),
            entry(id, 'deliveryPayment', r.out[1]),
            entry(id, 'feePayout', r.out[2]),
          );
          if (r.settle) settle(id, bills, journal);
          ledgers.push(ledgerOf(id, bills, journal));
        });
        const all = communityLedger(ledgers);
        expect(all.cashOnHandMinor).toBe(cashFromJournal(journal));
        expect(all.roundsBalanceMinor + all.creditHeldMinor).toBe(all.cashOnHandMinor);
        expect(all.creditHeldMinor).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
