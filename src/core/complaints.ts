import { CatalogItem, itemName } from './catalog';
import { cyrb53 } from './hash';
import { LANGS, Lang } from './i18n/lang';
import { MessageKey, t } from './i18n/translate';
import { JournalKind } from './ledger';
import { Minor } from './money';
import { Steps, parseTypedQuantity } from './quantity';

/**
 * Complaints about quality (the Russian seed: "handling disagreements about quality with transparency").
 * A resident or their volunteer says what was wrong — which item, how many, a short note — and the
 * coordinator decides, in the open: credit on the next bill, money back, a replacement in the next
 * round, or a rejection with its reason. Every decision is journalled and emailed to the resident.
 */

export const DECISIONS = ['credit', 'refund', 'replace', 'reject'] as const;
export type ComplaintDecision = (typeof DECISIONS)[number];

export interface Complaint {
  id: string;
  at: number;
  roundId: string;
  orderKey: string;
  /** The resident's name as on their order (kept for the coordinator's list and the email). */
  name: string;
  itemId: string;
  /** How much of the item was bad, in the item's unit (2 dozen, 1.5 kg). */
  quantity: number;
  note: string;
  /** Who entered it: a volunteer or coordinator's email. */
  enteredBy: string;
  decision: ComplaintDecision | null;
  /** What the decision gives back, in minor units (credit and refund; 0 otherwise). */
  amountMinor: Minor;
  reason: string;
  decidedBy: string;
}

/** A note is a few words, not a letter: long text is cut so a sheet row stays readable. */
export const NOTE_LIMIT = 500;

export function isDecision(value: unknown): value is ComplaintDecision {
  return (DECISIONS as readonly unknown[]).includes(value);
}

/**
 * The quantity complained about, as the person typed it ("2", "1,5"), against what they got: more than
 * nothing and no more than was allocated to them. A problem is a message in the reader's language.
 */
export function complaintSteps(
  typed: unknown,
  item: CatalogItem,
  allocatedSteps: Steps,
  lang: Lang,
): { ok: true; steps: Steps } | { ok: false; message: string } {
  const read = parseTypedQuantity(typed, lang, item.stepMilli);
  if (read.ok && read.steps > 0 && read.steps <= allocatedSteps) return { ok: true, steps: read.steps };
  const allocated = String((allocatedSteps * item.stepMilli) / 1000);
  return { ok: false, message: t(lang, 'complaint.quantityInvalid', { value: String(typed ?? ''), allocated }) };
}

/** What the bad part was billed at: the item's price × the quantity, to the kopeck/fen. */
export function complaintValue(item: CatalogItem, steps: Steps): Minor {
  return Math.round((item.priceMinor * steps * item.stepMilli) / 1000);
}

/**
 * The Journal lines a decision writes, in the complaint's round and on the resident's order. Each
 * request id is the complaint's, so deciding twice (a double click) writes nothing twice.
 * - credit: the bill is reduced by the amount ("allowance") and that amount is carried out of the round
 *   as credit ("creditEarned"), which the next round's bill uses like any carried overpayment;
 * - refund: the bill is reduced and the money goes back ("refund"): the person's balance is unchanged,
 *   the round's cash is less by what was given back;
 * - replace, reject: no money.
 */
export function decisionEntries(
  complaint: Pick<Complaint, 'id'>,
  decision: ComplaintDecision,
  amountMinor: Minor,
): { kind: JournalKind; amountMinor: Minor; requestId: string }[] {
  if (amountMinor <= 0 || (decision !== 'credit' && decision !== 'refund')) return [];
  const id = (what: string) => `complaint:${complaint.id}:${what}`;
  return [
    { kind: 'allowance', amountMinor, requestId: id('allowance') },
    decision === 'credit'
      ? { kind: 'creditEarned', amountMinor, requestId: id('credit') }
      : { kind: 'refund', amountMinor, requestId: id('refund') },
  ];
}

/** A decision in the reader's words ("зачёт в следующую закупку"); an open complaint "waits for a decision". */
export function decisionLabel(decision: ComplaintDecision | null, lang: Lang): string {
  return t(lang, `complaint.decision.${decision ?? 'open'}` as MessageKey);
}

/**
 * Items complained about in more than one complaint (rejected ones aside), among `itemIds`: what a
 * coordinator should see before putting the item in the next round. Most complained-about first.
 */
export function repeatedComplaints(
  complaints: readonly Complaint[],
  itemIds: readonly string[],
): { itemId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of complaints)
    if (c.decision !== 'reject' && itemIds.includes(c.itemId)) counts.set(c.itemId, (counts.get(c.itemId) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= 2)
    .map(([itemId, count]) => ({ itemId, count }))
    .sort((a, b) => b.count - a.count || a.itemId.localeCompare(b.itemId));
}

/** Replacements decided and owed: what the coordinator adds to the next round for these residents. */
export function replacementsOwed(complaints: readonly Complaint[]): Complaint[] {
  return complaints.filter((c) => c.decision === 'replace');
}

/** An item's name for a complaint, in the reader's language; its id when the item is not known. */
export function complaintItemName(itemId: string, items: ReadonlyMap<string, CatalogItem>, lang: Lang): string {
  const item = items.get(itemId);
  return item ? itemName(item, lang) : itemId;
}

/**
 * A resident's own complaint comes through the community's complaint form, opened from a link in their
 * bill or "goods arrived" email. A Google Form has no hidden question and a resident can change any answer
 * in a prefilled link, so the link carries a code, never an address: the round, a short fingerprint of the
 * person's order and a signature of both made with the community's secret (kept in document properties,
 * never in a sheet). A code changed by hand, or made up for somebody else, does not verify.
 */
export interface ComplaintCode {
  roundId: string;
  /** cyrb53 of the order key: finds the person among the round's participants. */
  person: string;
  signature: string;
}

/** What the signature covers: the round and the whole order key. */
export function signedText(roundId: string, orderKey: string): string {
  return `${roundId}|${orderKey}`;
}

/** The code for one person in one round; `sign` is HMAC-SHA256 with the community's secret (workspace). */
export function complaintCode(roundId: string, orderKey: string, sign: (text: string) => string): string {
  return `${roundId}.${cyrb53(orderKey)}.${sign(signedText(roundId, orderKey))}`;
}

/** A code as typed back by the form: its parts, or null when it is not shaped like one of ours. */
export function readComplaintCode(code: string): ComplaintCode | null {
  const m = /^([A-Za-z0-9_-]{1,40})\.([a-z0-9]{1,12})\.([A-Za-z0-9_-]{16,})$/.exec(code.trim());
  return m ? { roundId: m[1], person: m[2], signature: m[3] } : null;
}

/** Whether the code was made for this order (the caller found the order by its fingerprint). */
export function codeMatches(code: ComplaintCode, orderKey: string, sign: (text: string) => string): boolean {
  return cyrb53(orderKey) === code.person && sign(signedText(code.roundId, orderKey)) === code.signature;
}

/**
 * An item as the complaint form's list offers it: its name in the form's language first, then in every
 * other language the Catalog names it, once each ("Яйца · 鸡蛋 · Eggs"), so every neighbour finds theirs in
 * the one list the community shares.
 */
export function complaintChoice(item: CatalogItem, lang: Lang): string {
  const names = [lang, ...LANGS.filter((l) => l !== lang)].map((l) => itemName(item, l).trim()).filter(Boolean);
  return [...new Set(names)].join(' · ');
}

/** Where each person's code goes in a round's prefilled link: letters only, so URL-encoding leaves it as is. */
export const CODE_MARK = 'ZQXCODEMARKQZX';

/** A person's own link: the round's prefilled link with their code put in. */
export function personalLink(roundLink: string, code: string): string {
  return roundLink.replace(CODE_MARK, encodeURIComponent(code));
}
