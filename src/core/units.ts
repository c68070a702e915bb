import { Lang } from './i18n/lang';

/**
 * A catalog unit in the reader's language. The coordinator types one unit per item ("кг", "бут.", "袋");
 * a volunteer reading the list in Chinese should see 公斤 and 瓶, not кг and бут. Units we know are
 * recognised in any of the three languages (with or without the abbreviation's dot); any other unit is
 * shown as the coordinator typed it.
 */
const UNITS: { names: Record<Lang, string>; also: string[] }[] = [
  { names: { ru: 'кг', 'zh-CN': '公斤', en: 'kg' }, also: ['килограмм', 'кило', '千克', 'kilo', 'kilogram', 'kgs'] },
  { names: { ru: 'г', 'zh-CN': '克', en: 'g' }, also: ['гр', 'грамм', 'gram', 'grams'] },
  { names: { ru: 'л', 'zh-CN': '升', en: 'l' }, also: ['литр', 'liter', 'litre', 'litres', 'liters'] },
  { names: { ru: 'мл', 'zh-CN': '毫升', en: 'ml' }, also: [] },
  { names: { ru: 'шт.', 'zh-CN': '个', en: 'pcs' }, also: ['штука', 'штук', '件', '只', 'pc', 'piece', 'pieces'] },
  { names: { ru: 'уп.', 'zh-CN': '包', en: 'pack' }, also: ['упак', 'упаковка', 'pk', 'packet', 'packs'] },
  { names: { ru: 'бут.', 'zh-CN': '瓶', en: 'bottle' }, also: ['бутылка', 'bottles'] },
  { names: { ru: 'кор.', 'zh-CN': '箱', en: 'box' }, also: ['коробка', 'boxes', 'case'] },
  { names: { ru: 'мешок', 'zh-CN': '袋', en: 'bag' }, also: ['меш', 'bags', 'sack'] },
  { names: { ru: 'дес.', 'zh-CN': '盒（10个）', en: 'tens' }, also: ['десяток', 'десятка'] },
  { names: { ru: 'банка', 'zh-CN': '罐', en: 'jar' }, also: ['бан', 'jars', 'can', 'cans'] },
  { names: { ru: 'рул.', 'zh-CN': '卷', en: 'roll' }, also: ['рулон', 'rolls'] },
  { names: { ru: 'пучок', 'zh-CN': '把', en: 'bunch' }, also: ['bunches'] },
];

const normal = (unit: string) => unit.trim().toLowerCase().replace(/\.$/, '');

const INDEX = new Map<string, Record<Lang, string>>();
for (const u of UNITS) for (const name of [...Object.values(u.names), ...u.also]) INDEX.set(normal(name), u.names);

export function unitName(unit: string, lang: Lang): string {
  return INDEX.get(normal(unit))?.[lang] ?? unit;
}

/** English units counted in whole things take a plural: 2 bottles, 1 bottle; kg, pcs and tens do not change. */
const EN_PLURAL: Record<string, string> = {
  pack: 'packs',
  bottle: 'bottles',
  box: 'boxes',
  bag: 'bags',
  jar: 'jars',
  roll: 'rolls',
  bunch: 'bunches',
};

/** "2,5 кг", "2.5公斤", "6 bottles": Chinese puts no space between a number and its unit. */
export function quantityText(amount: number, formatted: string, unit: string, lang: Lang): string {
  const name = unitName(unit, lang);
  if (!name) return formatted;
  if (lang === 'zh-CN') return `${formatted}${name}`;
  return `${formatted}\u00a0${lang === 'en' && amount !== 1 ? (EN_PLURAL[name] ?? name) : name}`;
}
