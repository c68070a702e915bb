import { formatMoney } from '../core/i18n/format';
import { t } from '../core/i18n/translate';
import { account } from '../core/ledger';
import { describeMatch } from '../core/moneyText';
import { BillToMatch, MatchStatus, matchStatement, readStatement } from '../core/payment/statement';
import { isTallied } from '../core/round';
import { appendJournal } from '../workspace/journal';
import { writeRoundResults } from '../workspace/results';
import { pastedStatementRows } from '../workspace/statementText';
import { ActionContext, locked, reading, requireAccess } from './action';
import { journalEntryFor } from './payments';
import { updateLedger } from './refreshLedger';
import { RoundData, loadRounds } from './roundData';

/**
 * Statement matching for the finance volunteer: they paste what their bank, SBP or WeChat/Alipay shows;
 * each line is read and matched to a bill of any round still collecting money (core/payment/statement.ts),
 * they choose for the lines that are not sure, and the confirmed lines become payments — once each,
 * however often the same statement is pasted (the journal's request id is the line's fingerprint).
 */

export interface StatementBill {
  orderKey: string;
  roundId: string;
  name: string;
  reference: string;
  dueMinor: number;
}

export interface StatementLine {
  fingerprint: string;
  raw: string;
  date: string | null;
  amountMinor: number | null;
  amountText: string;
  payer: string;
  status: MatchStatus;
  /** Why, in the reader's language. */
  why: string;
  /** The bill it was matched to, or the bills it might be (to choose from). */
  orderKey: string;
  candidates: StatementBill[];
}

export interface StatementReview {
  currency: string;
  lines: StatementLine[];
  /** Every open bill, for a line the volunteer assigns by hand. */
  bills: StatementBill[];
}

/** Rounds whose bills are out and not yet settled: where a statement line can belong. */
function collectingRounds(ctx: ActionContext): RoundData[] {
  // One read of the Rounds sheet and of the Journal for them all (they used to be read again per round).
  return loadRounds(ctx, (r) => isTallied(r.state) && r.state !== 'settled');
}

function billsOf(rounds: RoundData[]): (BillToMatch & { roundId: string })[] {
  return rounds.flatMap((data) =>
    data.tally.participants
      .filter((p) => p.totalMinor > 0)
      .map((p) => ({
        orderKey: p.order.key,
        roundId: data.record.id,
        reference: data.references.get(p.order.key) ?? '',
        name: p.order.participant.name,
        dueMinor: Math.max(0, data.accounts.get(p.order.key)?.balanceMinor ?? p.totalMinor),
        totalMinor: p.totalMinor,
      })),
  );
}

function review(ctx: ActionContext, text: string) {
  const rounds = collectingRounds(ctx);
  const code = rounds[0]?.record.currency ?? ctx.settings.currency;
  const bills = billsOf(rounds);
  const recorded = new Set(
    rounds[0]?.journal.filter((e) => e.requestId.startsWith('stmt:')).map((e) => e.requestId.slice('stmt:'.length)) ?? [],
  );
  const entries = readStatement(pastedStatementRows(text), code);
  return { rounds, code, bills, matches: matchStatement(entries, bills, recorded) };
}

/** Reads and matches pasted statement lines; changes nothing. */
export function matchStatementLines(input: { text: string }): StatementReview {
  return reading((ctx) => {
    requireAccess(ctx, 'manageMoney');
    const { code, bills, matches } = review(ctx, String(input?.text ?? ''));
    const byKey = new Map(bills.map((b) => [b.orderKey, b]));
    const view = (orderKey: string): StatementBill => {
      const b = byKey.get(orderKey)!;
      return { orderKey, roundId: b.roundId, name: b.name, reference: b.reference, dueMinor: b.dueMinor };
    };
    const references = new Map(bills.map((b) => [b.orderKey, b.reference]));
    const dues = new Map(bills.map((b) => [b.orderKey, b.dueMinor]));
    return {
      currency: code,
      bills: bills.map((b) => view(b.orderKey)),
      lines: matches.map((m) => ({
        fingerprint: m.entry.fingerprint,
        raw: m.entry.raw,
        date: m.entry.date,
        amountMinor: m.entry.amountMinor,
        amountText: m.entry.amountMinor === null ? '' : formatMoney(m.entry.amountMinor, code, ctx.lang),
        payer: m.entry.payer,
        status: m.status,
        why: describeMatch(m, ctx.lang, code, references, dues),
        orderKey: m.orderKey ?? '',
        candidates: m.candidates.map(view),
      })),
    };
  });
}

/**
 * Records the lines the finance volunteer confirmed (fingerprint → the bill they chose) as payments.
 * The statement is read again here: only lines it really holds, with an amount coming in, are recorded,
 * each once (a line recorded from an earlier paste is skipped).
 */
export function recordStatementPayments(input: { text: string; confirmed: { fingerprint: string; orderKey: string }[] }): {
  recorded: number;
  skipped: number;
} {
  return locked((ctx) => {
    requireAccess(ctx, 'manageMoney');
    const { rounds, code, matches } = review(ctx, String(input?.text ?? ''));
    const byFingerprint = new Map(matches.map((m) => [m.entry.fingerprint, m]));
    const roundOf = new Map(rounds.flatMap((d) => d.tally.participants.map((p) => [p.order.key, { d, p }] as const)));
    const entries: ReturnType<typeof journalEntryFor>[] = [];
    const touched = new Set<RoundData>();
    const taken = new Set<string>();
    let skipped = 0;
    for (const choice of input?.confirmed ?? []) {
      const m = byFingerprint.get(String(choice.fingerprint));
      const target = roundOf.get(String(choice.orderKey));
      const fresh = m && !taken.has(m.entry.fingerprint) && m.status !== 'alreadyRecorded';
      if (!m || !target || !fresh || m.entry.amountMinor === null || m.entry.amountMinor <= 0) {
        skipped++;
        continue;
      }
      taken.add(m.entry.fingerprint);
      const { d, p } = target;
      const entry = journalEntryFor(ctx, d, p, {
        kind: 'payment',
        amountMinor: m.entry.amountMinor,
        requestId: m.requestId,
        method: t(ctx.lang, 'statement.method'),
        note: m.entry.raw.slice(0, 200),
      });
      entries.push(entry);
      d.journal.push(entry);
      const mine = d.journal.filter((e) => e.roundId === d.record.id && e.orderKey === p.order.key);
      d.accounts.set(p.order.key, account(p.order.key, p.totalMinor, mine));
      touched.add(d);
    }
    // The Journal was read once for every round: its last row is known, appending needs no getLastRow.
    if (entries.length) appendJournal(ctx.book, entries, code, rounds[0]?.journalLastRow);
    // Each round touched: its Bills sheet and its Ledger line, one write each.
    for (const d of touched) {
      writeRoundResults(ctx.book, ctx.store, d.record, d);
      updateLedger(ctx, d);
    }
    const recorded = entries.length;
    return { recorded, skipped };
  });
}
