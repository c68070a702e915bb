import { Lang } from './lang';

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

/**
 * CLDR plural rules for our languages, written out rather than taken from Intl.PluralRules so the
 * result does not depend on how much ICU data a runtime ships (https://cldr.unicode.org/index/cldr-spec/plural-rules).
 */
export function pluralCategory(lang: Lang, n: number): PluralCategory {
  if (lang === 'zh-CN') return 'other';
  if (lang === 'en') return n === 1 ? 'one' : 'other';
  if (!Number.isInteger(n)) return 'other';
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return 'one';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'few';
  return 'many';
}
