import { Lang } from './i18n/lang';
import { MessageKey, t } from './i18n/translate';
import { catalogUnit } from './chat/units';

/** A catalog item's unit: as typed, and per language where the Catalog's unit columns name it. */
export interface ItemUnit {
  unit: string;
  units?: Partial<Record<Lang, string>>;
}

/** The unit cell a reader of `lang` starts from: their language's column, else the one typed. */
export function unitCell(unit: string | ItemUnit, lang: Lang): string {
  if (typeof unit === 'string') return unit;
  return String(unit.units?.[lang] ?? '').trim() || unit.unit;
}

/**
 * The one place a catalog unit becomes a word a person reads. The coordinator types one unit per item,
 * in their language ("бут.", "кг", "袋"); an email, a bill, a hand-out list, the receiving screen or the
 * tally in another language shows the unit in its reader's words when the add-on knows the unit (from
 * the message catalogs, with plurals), and as typed otherwise — a unit it does not know is still better
 * than none. A catalog that names the unit per language (the Catalog's optional unit columns) wins over both.
 */
const WORDS: Record<string, MessageKey> = {
  'mass:1000000': 'unit.kg',
  'mass:1000': 'unit.g',
  'mass:500000': 'unit.jin',
  'volume:1000000': 'unit.l',
  'volume:1000': 'unit.ml',
  'piece:1000': 'unit.piece',
  'dozen:1000': 'unit.dozen',
  'pack:1000': 'unit.pack',
  'box:1000': 'unit.box',
  'bag:1000': 'unit.bag',
  'bottle:1000': 'unit.bottle',
  'can:1000': 'unit.can',
  'case:1000': 'unit.case',
  'barrel:1000': 'unit.barrel',
  'tray:1000': 'unit.tray',
  'bundle:1000': 'unit.bundle',
};

/** Letters of the reader's own script: a unit written in them is already in their words. */
const SCRIPT: Record<Lang, RegExp> = {
  ru: /[\u0400-\u04ff]/,
  'zh-CN': /[\u3400-\u9fff]/,
  en: /[a-z]/i,
};

/**
 * The unit cell in `lang`, after `count` of it (1 for "per bottle"): as typed when it is already in that
 * language's script ("уп. (10 шт)" stays whole), else in the reader's words when the unit is known.
 * English units are always the catalog's own words, which know their plural ("6 bottles").
 * A Russian "дес." is ten, not a dozen: it keeps its own words (see `unit.ten`).
 */
export function unitIn(cell: string | ItemUnit, lang: Lang, count = 1): string {
  // The coordinator's own word for this language (the Catalog's unit columns) is used as they wrote it.
  const own = typeof cell === 'string' ? '' : String(cell.units?.[lang] ?? '').trim();
  if (own) return own;
  const typed = String(unitCell(cell ?? '', lang) ?? '').trim();
  if (!typed || (lang !== 'en' && SCRIPT[lang].test(typed))) return typed;
  if (/^дес/i.test(typed)) return t(lang, 'unit.ten', { count });
  const unit = catalogUnit(typed);
  const key = unit ? WORDS[`${unit.family}:${unit.milli}`] : undefined;
  return key ? t(lang, key, { count }) : typed;
}

/** The unit for "per unit" (a price, a column heading): `unitIn` with no count. */
export function unitName(unit: string | ItemUnit, lang: Lang): string {
  return unitIn(unit, lang);
}

/** "2,5 кг", "2.5公斤", "6 bottles": Chinese puts no space between a number and its unit. */
export function quantityText(amount: number, formatted: string, unit: string | ItemUnit, lang: Lang): string {
  const name = unitIn(unit, lang, amount);
  if (!name) return formatted;
  return lang === 'zh-CN' ? `${formatted}${name}` : `${formatted}\u00a0${name}`;
}
