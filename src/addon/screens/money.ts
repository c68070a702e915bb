import { t } from '../../core/i18n/translate';
import { sheetName } from '../../workspace/sheets/schema';
import { RoundLedger } from '../../core/ledger';
import { RoundState } from '../../core/round';
import { reading, requireAccess } from '../action';
import { ledgerOf } from '../refreshLedger';
import { loadRound } from '../roundData';

export interface MoneyPerson {
  orderKey: string;
  name: string;
  reference: string;
  paidMinor: number;
  /** Positive: still owed; negative: overpaid (a refund or credit). */
  balanceMinor: number;
}

export interface MoneyScreen {
  roundId: string;
  title: string;
  state: RoundState;
  currency: string;
  ledger: RoundLedger;
  /** What the round owes out: goods to the supplier, delivery and the organiser fee, as billed. */
  owed: { supplierMinor: number; deliveryMinor: number; feeMinor: number };
  people: MoneyPerson[];
  /** "Journal, row 14: …" for each hand-typed row the books leave out, in the reader's language. */
  unreadable: string[];
}

/**
 * The finance volunteer's screen for one round: the round's ledger, what is still to pay the supplier,
 * the carrier and the organiser, and each person's balance (for refunds). Read without the lock.
 */
export function moneyScreen(roundId: string): MoneyScreen {
  return reading((ctx) => {
    requireAccess(ctx, 'manageMoney');
    const data = loadRound(ctx, String(roundId));
    const ledger = ledgerOf(data);
    return {
      unreadable: data.unreadableJournalRows.map((row) =>
        t(ctx.lang, 'money.journalRowUnread', { sheet: sheetName('journal', ctx.book.lang), row }),
      ),
      roundId: data.record.id,
      title: data.record.title,
      state: data.record.state,
      currency: data.record.currency,
      ledger,
      owed: {
        supplierMinor: Math.max(0, ledger.goodsMinor - ledger.paidToSupplierMinor),
        deliveryMinor: Math.max(0, ledger.deliveryMinor - ledger.deliveryPaidMinor),
        feeMinor: Math.max(0, ledger.feeMinor - ledger.feePaidOutMinor),
      },
      people: data.tally.participants
        .filter((p) => p.totalMinor > 0 || (data.accounts.get(p.order.key)?.paidMinor ?? 0) !== 0)
        .map((p) => {
          const acc = data.accounts.get(p.order.key);
          return {
            orderKey: p.order.key,
            name: p.order.participant.name,
            reference: data.references.get(p.order.key) ?? '',
            paidMinor: acc?.paidMinor ?? 0,
            balanceMinor: acc?.balanceMinor ?? p.totalMinor,
          };
        })
        .sort((a, b) => a.balanceMinor - b.balanceMinor || a.name.localeCompare(b.name)),
    };
  });
}
