import { Lang } from './lang';

/**
 * A text a coordinator typed, in the languages they gave (an item's name, a unit, how to pay, the
 * community's rules); `default` is the one a reader gets when their language has none.
 */
export interface LocalizedText {
  default: string;
  ru?: string;
  'zh-CN'?: string;
  en?: string;
}

/** The text in the reader's language, else the default one. A plain string (an older stored value) is its own default. */
export function textIn(text: string | LocalizedText | null | undefined, lang: Lang): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return String(text[lang] ?? '').trim() || text.default;
}

/**
 * One phrase per language, each said once, for a page read by the whole community (the round's form):
 * "Рис — 95,50 ₽ за кг · 大米（每公斤¥95.50）". A phrase the same in two languages (a name typed once) is
 * not repeated.
 */
export function inEach(langs: readonly Lang[], say: (lang: Lang) => string, separator = ' · '): string {
  const said: string[] = [];
  for (const lang of langs) {
    const phrase = say(lang).trim();
    if (phrase && !said.includes(phrase)) said.push(phrase);
  }
  return said.join(separator);
}
