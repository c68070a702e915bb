import { Lang, LANGS, resolveLang } from './lang';
import { MessageKey, t } from './translate';

/**
 * The add-on's own words that land in sheet cells (a round's state, how delivery is split, an order's
 * source, an email's kind, yes/no…): written in the sheet's language from the catalogs, and read back
 * from any language's word or from the internal code an older sheet holds — so a community that switches
 * language, or a sheet written before issue 16, keeps working. No code reaches a person.
 */
export interface Vocabulary<T extends string> {
  codes: readonly T[];
  key(code: T): MessageKey;
}

const vocabulary = <T extends string>(codes: readonly T[], prefix: string): Vocabulary<T> => ({
  codes,
  key: (code) => `${prefix}.${code}` as MessageKey,
});

export const ROUND_STATE_WORDS = vocabulary(
  ['draft', 'open', 'closed', 'ordered', 'arrived', 'distributed', 'settled', 'cancelled'] as const,
  'state',
);
export const SPLIT_WORDS = vocabulary(['equal', 'byValue', 'byQuantity'] as const, 'ui.split');
export const ROUNDING_WORDS = vocabulary(['halfUp', 'halfEven', 'up'] as const, 'word.rounding');
export const SHORTFALL_WORDS = vocabulary(['latestLoseFirst', 'proportional'] as const, 'shortfall');
export const SOURCE_WORDS = vocabulary(['form', 'offline', 'chat', 'paper'] as const, 'word.source');
export const YES_NO_WORDS = vocabulary(['yes', 'no'] as const, 'word');
export const UNPAID_SHOWS_WORDS = vocabulary(['flats', 'names'] as const, 'word.unpaidShows');
export const LANG_WORDS = vocabulary(LANGS, 'word.lang');
export const CURRENCY_WORDS = vocabulary(['RUB', 'CNY', 'USD', 'EUR', 'UAH', 'KZT'] as const, 'word.currency');
export const EMAIL_KIND_WORDS = vocabulary(
  ['receipt', 'withdrawn', 'reminder', 'finalBill', 'cancelled', 'arrived', 'correction', 'volunteerList', 'thankYou'] as const,
  'word.email',
);

/** The word for `code` in `lang`; a code outside the vocabulary is shown as it is (a hand-typed value). */
export function wordOf<T extends string>(words: Vocabulary<T>, code: T | string, lang: Lang): string {
  return (words.codes as readonly string[]).includes(code) ? t(lang, words.key(code as T)) : String(code ?? '');
}

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The code a cell's text stands for: the code itself, or its word in any of the three languages. */
export function codeOf<T extends string>(words: Vocabulary<T>, text: unknown): T | null {
  const typed = normal(String(text ?? ''));
  if (!typed) return null;
  for (const code of words.codes)
    if (normal(code) === typed || LANGS.some((lang) => normal(t(lang, words.key(code))) === typed)) return code;
  return null;
}

/** The dropdown a coordinator picks from: every word of the vocabulary in the sheet's language. */
export function wordChoices<T extends string>(words: Vocabulary<T>, lang: Lang): string[] {
  return words.codes.map((c) => t(lang, words.key(c)));
}

/** A language cell: its name in any language ("китайский", "中文"), a form's answer or a code ("zh-CN"). */
export function langOf(cell: unknown, fallback: Lang): Lang {
  return codeOf(LANG_WORDS, cell) ?? resolveLang(String(cell ?? ''), fallback);
}
