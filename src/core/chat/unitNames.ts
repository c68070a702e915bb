import { Lang } from '../i18n/lang';
import { MessageKey, t } from '../i18n/translate';
import { catalogUnit } from './units';

/**
 * The catalog's unit cell is typed once, in the coordinator's language ("бут.", "кг", "袋"). A message
 * or a slip in another language shows the unit in its reader's words when the add-on knows the unit,
 * and as typed otherwise (a unit it does not know is still better than none).
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
 */
export function unitIn(cell: string, lang: Lang, count = 1): string {
  const typed = String(cell ?? '').trim();
  if (!typed || (lang !== 'en' && SCRIPT[lang].test(typed))) return typed;
  const unit = catalogUnit(typed);
  const key = unit ? WORDS[`${unit.family}:${unit.milli}`] : undefined;
  return key ? t(lang, key, { count }) : typed;
}
