import { JOURNAL_KINDS, JournalKind } from '../ledger';
import { Lang } from './lang';

/**
 * What each Journal line is, as the treasurer reads and types it in the Journal sheet (its dropdown), in
 * the sheet's language. The add-on writes the word, and reads any language's word (or the stable code
 * of journals written before) back as the same kind.
 */
const WORDS: Record<JournalKind, [ru: string, zh: string, en: string]> = {
  payment: ['оплата', '付款', 'payment'],
  refund: ['возврат', '退款', 'refund'],
  supplierPayment: ['оплата поставщику', '付供应商', 'paid to supplier'],
  deliveryPayment: ['оплата доставки', '付运费', 'delivery paid'],
  feePayout: ['оргсбор выплачен', '团长服务费已付', 'fee paid out'],
  pickup: ['выдано', '已领取', 'picked up'],
  unpickup: ['выдача отменена', '取消领取', 'pickup undone'],
  creditEarned: ['переплата в зачёт', '多付转下期', 'overpayment carried'],
  credit: ['зачёт переплаты', '抵扣上期多付', 'credit used'],
  allowance: ['скидка по жалобе', '投诉减免', 'complaint allowance'],
};
const AT: Record<Lang, number> = { ru: 0, 'zh-CN': 1, en: 2 };

export function journalKindLabel(kind: JournalKind, lang: Lang): string {
  return WORDS[kind][AT[lang]];
}

export function journalKindLabels(lang: Lang): string[] {
  return JOURNAL_KINDS.map((k) => journalKindLabel(k, lang));
}

/** The kind a Journal cell names, in any language or as the code; null when it names none. */
export function parseJournalKind(text: string): JournalKind | null {
  const typed = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  if (!typed) return null;
  for (const kind of JOURNAL_KINDS) {
    if (kind.toLowerCase() === typed) return kind;
    if (WORDS[kind].some((w) => w.toLowerCase().replace(/ё/g, 'е') === typed)) return kind;
  }
  return null;
}
