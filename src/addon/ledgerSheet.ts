import { roundLedger, RoundLedger } from '../core/ledger';
import { readJson, writeJson } from '../workspace/properties';
import { row } from '../workspace/sheets/schema';
import { ActionContext } from './context';
import { RoundData, stateLabel } from './roundData';

interface LedgerLine extends RoundLedger {
  roundId: string;
  title: string;
  state: string;
  currency: string;
  updatedAt: number;
}

const LEDGER_INDEX = 'ledgerRounds';
const lineKey = (roundId: string) => `ledger:${roundId}`;

export function ledgerOf(data: RoundData): RoundLedger {
  const entries = data.journal.filter((e) => e.roundId === data.record.id);
  return roundLedger(data.tally.money, [...data.accounts.values()], entries);
}

/**
 * Rewrites the community Ledger sheet (one row per round, the chart beside it reads the same range)
 * from per-round figures kept in document properties: one write, however many rounds there are.
 */
export function updateLedger(ctx: ActionContext, data: RoundData): RoundLedger {
  const figures = ledgerOf(data);
  const ids = readJson<string[]>(ctx.properties, LEDGER_INDEX) ?? [];
  if (!ids.includes(data.record.id)) ids.push(data.record.id);
  const line: LedgerLine = {
    ...figures,
    roundId: data.record.id,
    title: data.record.title,
    state: data.record.state,
    currency: data.record.currency,
    updatedAt: ctx.now.getTime(),
  };
  const lines = ids
    .map((id) => (id === data.record.id ? line : readJson<LedgerLine>(ctx.properties, lineKey(id))))
    .filter((l): l is LedgerLine => !!l);
  writeJson({ [LEDGER_INDEX]: ids, [lineKey(data.record.id)]: line });
  const lang = ctx.book.lang;
  const rows = lines.map((l) =>
    row(
      'ledger',
      {
        round: l.roundId,
        title: l.title,
        state: stateLabel(lang, l.state),
        goods: l.goodsMinor,
        delivery: l.deliveryMinor,
        fee: l.feeMinor,
        billed: l.billedMinor,
        collected: l.collectedMinor,
        credit: l.creditUsedMinor,
        supplier: l.paidToSupplierMinor,
        balance: l.balanceMinor,
        outstanding: l.outstandingMinor,
        rounding: l.roundingMinor,
        saving: l.savingMinor,
        updatedAt: l.updatedAt,
      },
      l.currency,
    ),
  );
  ctx.book.sheet('ledger').getRange(2, 1, rows.length, rows[0].length).setValues(rows);
  return figures;
}
