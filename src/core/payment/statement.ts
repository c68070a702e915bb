import { Minor, readAmount } from '../money';
import { cyrb53 } from '../hash';
import { namesMatch } from './names';
import { mentionsReference } from './reference';

/**
 * Statement matching for the finance volunteer (казначей / 财务): they paste what their bank, SBP
 * notifications or WeChat/Alipay show; each line is read (date, amount, payer, purpose) and matched to
 * a bill — by reference first, then by amount and name — or left for them to decide, with the reason.
 *
 * Layouts read:
 * - rows already split by a CSV parser at the edge, with a header row: Russian bank exports (';' and a
 *   decimal comma: «Дата операции», «Сумма», «Сумма по кредиту», «Описание», «Назначение платежа»,
 *   «Плательщик»), WeChat and Alipay bills (交易时间, 交易对方, 收/支, 金额(元), 备注), English ones;
 * - plain text lines: SBP and bank notifications ("Перевод по СБП от Анна Петровна И. +1 500 ₽.
 *   Сообщение: R12-3-502"), WeChat/Alipay 收款 lines ("微信支付收款2,862.17元", "收款 ¥100.00 来自 张三
 *   备注：R12-3-502").
 *
 * Each line gets a fingerprint from its own text (and how many identical lines came before it in the
 * same paste), so a line confirmed once becomes a payment once, however often the statement is pasted:
 * use `stmt:<fingerprint>` as the journal entry's request id.
 */

export interface StatementEntry {
  /** Stable for the same line of the same statement: "stmt" id for the journal. */
  fingerprint: string;
  /** yyyy-mm-dd, or null when the line has no date. */
  date: string | null;
  /** Incoming money in minor units (outgoing lines are negative); null when no amount was found. */
  amountMinor: Minor | null;
  payer: string;
  purpose: string;
  /** The line as pasted, for the screen. */
  raw: string;
}

type Cell = unknown;
type Row = string | readonly Cell[];

const cellText = (c: Cell) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c)).trim();
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const hash = (text: string) => cyrb53(text);

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as banks write it: 20.11.2026 (time after it is fine), 20.11.26, 2026-11-20, 2026/11/20, 2026年11月20日. */
export function readDate(text: string): string | null {
  let m = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/.exec(text);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return valid(year, Number(m[2]), Number(m[1]));
  }
  m = /(?<!\d)(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})(?!\d)/.exec(text);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function valid(y: number, mo: number, d: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 2000 || y > 2100) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

const INCOMING = /(перевод|поступлени|зачислени|пополнени|оплат|получен|от\s|收款|到账|转入|收入|received|from|credit)/i;
const OUTGOING = /(списани|покупк|снятие|支出|付款给|消费|debit|purchase|withdrawal)/i;
const BALANCE = /(баланс|остаток|доступно|余额|balance|available)\s*[:：]?\s*$/i;
const AMOUNT = /(?:[+\-−]\s?)?(?:[¥￥$€₽]\s?)?\d[\d\u00a0\u202f .,']*(?:\s?(?:₽|руб\.?|р\.?|RUB|元|CNY|RMB|USD|EUR|\$|€))?/gi;
const MARKED = /[₽¥￥$€元]|руб|р\.?$|RUB|CNY|RMB|USD|EUR/i;

/**
 * The amount in a notification: numbers the currency reader accepts, not part of a word, a card or
 * account number, a date or a time, and not a balance ("Баланс: 25 000 ₽"). One with a currency sign
 * or a plus wins over a bare number; among equals the first one after an "incoming" word.
 */
export function amountInText(text: string, currency: string): Minor | null {
  let best: { minor: Minor; score: number } | null = null;
  for (const m of text.matchAll(AMOUNT)) {
    const token = m[0].trim().replace(/[.,\s]+$/, (tail) => (/^[.,]\d/.test(tail) ? tail : ''));
    const before = text.slice(0, m.index);
    const prev = before.slice(-1);
    if (/[\p{L}\d*#:/]/u.test(prev) && !/[\u3400-\u9fff]/.test(prev)) continue;
    if (/^[.:]\d/.test(text.slice(m.index! + m[0].length))) continue;
    if (BALANCE.test(before)) continue;
    const r = readAmount(token.replace(/^([+\-−])\s+/, '$1'), currency);
    if (!r.ok || r.minor === 0) continue;
    const score = (MARKED.test(token) ? 2 : 0) + (/^\+/.test(token) ? 2 : 0) + (INCOMING.test(before) ? 1 : 0);
    if (!best || score > best.score) best = { minor: r.minor, score };
  }
  if (!best) return null;
  // Unsigned amounts are money in, unless the line says money went out ("Списание 1 500 ₽", "支出").
  return best.minor > 0 && OUTGOING.test(text) ? -best.minor : best.minor;
}

const PURPOSE_TEXT = /(?:сообщение|комментарий|назначение(?: платежа)?|message|memo|reference|备注|留言|附言)\s*[:：]\s*(.+)$/i;
const PAYER_TEXT = [
  /(?:^|\s)от\s+(.+?)(?=\s*(?:[+\-−]?\s?\d|сообщение|комментарий|назначение|баланс|доступно|$))/i,
  /(?:来自|付款方[:：]|对方[:：])\s*([^\s，,。(（:：]+)/,
  /\bfrom\s+(.+?)(?=\s*(?:[+-]?\s?\d|ref|memo|message|$))/i,
];

function fromText(line: string, currency: string): Omit<StatementEntry, 'fingerprint' | 'raw'> {
  const purpose = PURPOSE_TEXT.exec(line)?.[1]?.trim() ?? '';
  const rest = purpose ? line.slice(0, line.length - purpose.length) : line;
  let payer = '';
  for (const p of PAYER_TEXT) {
    const m = p.exec(rest);
    if (m) {
      payer = m[1].trim().replace(/[,;:]+$/, '');
      // A closing full stop is the sentence's, unless it ends an initial ("Анна Петровна И.").
      if (payer.endsWith('.') && !/(^|\s)\S\.$/.test(payer)) payer = payer.slice(0, -1);
      break;
    }
  }
  return { date: readDate(line), amountMinor: amountInText(rest, currency), payer: payer.trim(), purpose: purpose || line };
}

type Column = 'date' | 'amount' | 'amountIn' | 'amountOut' | 'direction' | 'payer' | 'purpose';

const HEADERS: [Column, RegExp][] = [
  ['amountIn', /(по кредиту|кредит|приход|поступлени|зачислени|credit|paid in|收入金额)/i],
  ['amountOut', /(по дебету|дебет|расход|списани|debit|paid out|支出金额)/i],
  ['direction', /(收\/支|收支|направление|тип операции|direction|type)/i],
  ['date', /(дата|date|时间|日期)/i],
  ['amount', /(сумма|amount|金额)/i],
  ['payer', /(плательщик|отправитель|контрагент|корреспондент|payer|sender|counterparty|交易对方|对方|付款方|付款人)/i],
  ['purpose', /(назначение|комментарий|сообщение|описание|description|details|memo|purpose|reference|备注|商品|说明|留言)/i],
];

/** Which column holds what, from a header row; null when the row is not a header. */
function readHeader(row: readonly Cell[]): Partial<Record<Column, number>> | null {
  const found: Partial<Record<Column, number>> = {};
  row.forEach((cell, i) => {
    const text = cellText(cell);
    if (!text || text.length > 40) return;
    const column = HEADERS.find(([c, re]) => re.test(text) && found[c] === undefined)?.[0];
    if (column) found[column] = i;
  });
  const hasAmount = found.amount !== undefined || found.amountIn !== undefined;
  return hasAmount && (found.date !== undefined || found.purpose !== undefined || found.payer !== undefined) ? found : null;
}

const word = (words: string) => new RegExp(`(?:^|[^\\p{L}])(?:${words})(?=$|[^\\p{L}])`, 'iu');
const OUT = word('支出|转出|付款|расход|списание|исходящий|исходящая|исходящее|debit|outgoing|out|withdrawal|dr');
const IN = word('收入|转入|收款|приход|поступление|зачисление|входящий|входящая|входящее|credit|incoming|in|deposit|cr');

function fromCells(
  row: readonly Cell[],
  header: Partial<Record<Column, number>>,
  currency: string,
): Omit<StatementEntry, 'fingerprint' | 'raw'> {
  const at = (c: Column) => (header[c] === undefined ? '' : cellText(row[header[c]!]));
  const amount = (text: string) => {
    const r = readAmount(text, currency);
    return r.ok && r.minor !== 0 ? r.minor : null;
  };
  let amountMinor: Minor | null;
  if (header.amountIn !== undefined && amount(at('amountIn')) !== null) amountMinor = Math.abs(amount(at('amountIn'))!);
  else if (header.amountOut !== undefined && amount(at('amountOut')) !== null) amountMinor = -Math.abs(amount(at('amountOut'))!);
  else amountMinor = amount(at('amount'));
  const direction = at('direction');
  // Whole words, money out first ("Outgoing" holds "in"); a direction the add-on cannot read gives no
  // amount, so the line is shown as unread rather than guessed to be a payment in.
  if (amountMinor !== null && direction) {
    if (OUT.test(direction)) amountMinor = -Math.abs(amountMinor);
    else if (IN.test(direction)) amountMinor = Math.abs(amountMinor);
    else amountMinor = null;
  }
  const purpose = at('purpose');
  return {
    date: readDate(at('date')),
    amountMinor,
    payer: at('payer') || (header.payer === undefined ? purpose : ''),
    purpose,
  };
}

/**
 * Reads pasted statement lines. Rows may be text lines or arrays of cells; a row of cells that names
 * its columns (a header) tells how the rows after it are read; rows of cells before any header are read
 * as text (their cells joined). Blank rows are skipped. Every other row gives one entry, even when
 * nothing could be read from it (amountMinor null): nothing pasted is silently dropped.
 */
export function readStatement(rows: readonly Row[], currency: string): StatementEntry[] {
  const out: StatementEntry[] = [];
  const seen = new Map<string, number>();
  let header: Partial<Record<Column, number>> | null = null;
  for (const row of rows) {
    const cells = typeof row === 'string' ? null : row.map(cellText);
    const raw = squash(cells ? cells.filter(Boolean).join(' · ') : String(row));
    if (!raw) continue;
    if (cells) {
      const h = readHeader(cells);
      if (h) {
        header = h;
        continue;
      }
    }
    const read = cells && header ? fromCells(cells, header, currency) : fromText(raw, currency);
    const key = (cells ? cells.map(squash).join('\u001f') : raw).toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    out.push({ ...read, raw, fingerprint: hash(`${key}\u001e${n}`) });
  }
  return out;
}

/** A bill as the matcher needs it. */
export interface BillToMatch {
  orderKey: string;
  reference: string;
  name: string;
  /** What is still owed (the usual amount a person sends). */
  dueMinor: Minor;
  /** The whole bill (what a person who paid nothing yet sends). */
  totalMinor: Minor;
}

export type MatchStatus = 'matched' | 'ambiguous' | 'unknown' | 'alreadyRecorded';

/**
 * Why, as a message key suffix (statement.why.*):
 * reference: the purpose names the bill's reference; severalReferences: it names more than one;
 * amountAndName: no reference, but the amount is what one bill owes and the payer's name is that person's;
 * amountOnly: the amount fits but the name does not tell (missing, or fits several, or another name);
 * nameOnly: the name fits one person but the amount is not what they owe;
 * noMatch: nothing fits; outgoing: money going out, not a payment to us; noAmount: no amount was found;
 * alreadyRecorded: this very line, with its date, was confirmed before; looksRecorded: a line like it was
 * confirmed before, but without a date nothing tells a second, equal payment (an SBP or WeChat
 * notification copied from a phone) from the same one pasted again — the person decides.
 */
export type MatchWhy =
  | 'reference'
  | 'severalReferences'
  | 'amountAndName'
  | 'amountOnly'
  | 'nameOnly'
  | 'noMatch'
  | 'outgoing'
  | 'noAmount'
  | 'alreadyRecorded'
  | 'looksRecorded';

export interface StatementMatch {
  entry: StatementEntry;
  status: MatchStatus;
  why: MatchWhy;
  /** The bill, when matched. */
  orderKey?: string;
  /** Bills it might be, when ambiguous (in order key order). */
  candidates: string[];
  /** The Journal request id a payment from this line is recorded under (statementRequestId). */
  requestId: string;
  /** Matched by reference but the amount is not what the bill owes: the screen should say so. */
  amountDiffers: boolean;
}

/**
 * Matches statement entries to bills. `recorded` holds fingerprints already turned into payments
 * (from the journal's request ids), so pasting the same statement again matches nothing twice.
 * Pure and deterministic: the same entries and bills give the same answer.
 */
export function matchStatement(
  entries: readonly StatementEntry[],
  bills: readonly BillToMatch[],
  recorded: ReadonlySet<string> = new Set(),
): StatementMatch[] {
  const sorted = [...bills].sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
  return entries.map((entry) => {
    const times = timesRecorded(recorded, entry.fingerprint);
    const result: Result = (status, why, candidates = [], amountDiffers = false) => ({
      entry,
      requestId: statementRequestId(entry, times),
      status,
      why,
      ...(status === 'matched' ? { orderKey: candidates[0].orderKey } : {}),
      candidates: status === 'ambiguous' ? candidates.map((b) => b.orderKey) : [],
      amountDiffers,
    });
    if (times && entry.date) return result('alreadyRecorded', 'alreadyRecorded');
    const found = matchOne(entry, sorted, result);
    if (!times || found.status === 'unknown') return found;
    // No date: maybe a second, equal payment. Never recorded without the person choosing the bill.
    const maybe = found.orderKey ? [found.orderKey] : found.candidates;
    return { ...found, status: 'ambiguous', why: 'looksRecorded', orderKey: undefined, candidates: maybe };
  });
}

/** How many payments were already recorded from this line: its fingerprint, then "#2", "#3"… */
function timesRecorded(recorded: ReadonlySet<string>, fingerprint: string): number {
  let n = 0;
  while (recorded.has(n ? `${fingerprint}#${n + 1}` : fingerprint)) n++;
  return n;
}

type Result = (status: MatchStatus, why: MatchWhy, candidates?: BillToMatch[], amountDiffers?: boolean) => StatementMatch;

/** One line against the bills: by reference, else amount and name. */
function matchOne(entry: StatementEntry, sorted: BillToMatch[], result: Result): StatementMatch {
  if (entry.amountMinor !== null && entry.amountMinor < 0) return result('unknown', 'outgoing');
  const text = `${entry.purpose} ${entry.raw}`;
  const byReference = sorted.filter((b) => b.reference && mentionsReference(text, b.reference));
  const fits = (b: BillToMatch) =>
    entry.amountMinor !== null && (entry.amountMinor === b.dueMinor || entry.amountMinor === b.totalMinor);
  // The reference names the bill, but an amount that is not what it owes (500 ₽ on a 145,63 ₽ bill) is a
  // person's call: shown with that bill, never recorded with one click.
  if (byReference.length === 1)
    return fits(byReference[0])
      ? result('matched', 'reference', byReference)
      : result('ambiguous', 'reference', byReference, true);
  if (byReference.length > 1) return result('ambiguous', 'severalReferences', byReference);
  const named = entry.payer ? sorted.filter((b) => namesMatch(entry.payer, b.name)) : [];
  if (entry.amountMinor === null) return named.length ? result('ambiguous', 'nameOnly', named) : result('unknown', 'noAmount');
  const byAmount = sorted.filter(fits);
  const both = byAmount.filter((b) => named.includes(b));
  if (both.length === 1) return result('matched', 'amountAndName', both);
  if (both.length > 1) return result('ambiguous', 'amountAndName', both);
  if (byAmount.length) return result('ambiguous', 'amountOnly', byAmount);
  if (named.length) return result('ambiguous', 'nameOnly', named);
  return result('unknown', 'noMatch');
}

/** The journal request id for a confirmed statement line: the same line is recorded once. */
export const statementRequestId = (entry: Pick<StatementEntry, 'fingerprint'>, times = 0) =>
  `stmt:${entry.fingerprint}${times ? `#${times + 1}` : ''}`;

/**
 * Whether a pasted text is a CSV export and with which delimiter: some line among the first 30, split
 * by it, is a header naming an amount and a date, payer or purpose (Russian banks export with ';',
 * WeChat and Alipay with ',', spreadsheets copy with tabs). null: notification lines, read as text —
 * splitting "1 500,00 ₽" at its comma would break the amount.
 */
export function csvDelimiterOf(text: string): ',' | ';' | '\t' | null {
  const lines = String(text)
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 30);
  for (const d of ['\t', ';', ','] as const)
    if (lines.some((l) => l.includes(d) && readHeader(l.split(d).map((c) => c.replace(/^"|"$/g, ''))))) return d;
  return null;
}
