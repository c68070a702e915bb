import { formatNumber } from '../i18n/format';
import { Lang } from '../i18n/lang';
import { t } from '../i18n/translate';
import { ChatItem } from './items';
import { ItemSteps, PersonRef } from './types';
import { catalogUnit } from './units';

/**
 * The round's orders as a numbered 接龙 list, grouped by building, to paste back into the chat so every
 * resident can find their line and check it. Plain text only: no table, no markdown (WeChat shows the
 * characters, Telegram and WhatsApp would turn * and _ into formatting). Pasted back into the import,
 * the list gives back the same orders: every entry is numbered (a whole order), names the building as the
 * Buildings sheet writes it, and puts the person before a colon so a name like "Рисовая" stays a name.
 * Phones are never exported: the list is read by the whole chat.
 */
export interface ExportOrder {
  person: PersonRef;
  items: ItemSteps[];
}

export interface ExportOptions {
  items: readonly ChatItem[];
  /** The Buildings sheet, in its order: groups follow it. */
  buildings: readonly string[];
  lang: Lang;
  /** The round's title for the heading line; no heading when empty. */
  title?: string;
}

/**
 * Weights, volumes and dozens carry their unit ("1,5 кг", "6 дес."), so no one wonders whether 6 eggs
 * are six eggs or six dozen; packages do not, the item's name says what it is.
 */
const UNIT_WORDS: Record<string, Record<Lang, string>> = {
  'mass:1000000': { ru: 'кг', 'zh-CN': '公斤', en: 'kg' },
  'mass:1000': { ru: 'г', 'zh-CN': '克', en: 'g' },
  'mass:500000': { ru: '斤', 'zh-CN': '斤', en: '斤' },
  'volume:1000000': { ru: 'л', 'zh-CN': '升', en: 'l' },
  'volume:1000': { ru: 'мл', 'zh-CN': '毫升', en: 'ml' },
  'dozen:1000': { ru: 'дес.', 'zh-CN': '打', en: 'dozen' },
};

function amountText(item: ChatItem, steps: number, lang: Lang): string {
  const number = formatNumber((steps * item.stepMilli) / 1000, lang).replace(/\s/g, '');
  const unit = catalogUnit(item.unit);
  const word = unit ? UNIT_WORDS[`${unit.family}:${unit.milli}`]?.[lang] : undefined;
  if (!word) return number;
  return lang === 'zh-CN' ? `${number}${word}` : `${number} ${word}`;
}

/** A name is data: a colon or a line break in it would split the entry, so they become spaces. */
const clean = (text: string) =>
  String(text ?? '')
    .replace(/[:：\r\n\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function flatText(flat: string, lang: Lang): string {
  const unit = /^(\d+)-(\d+)$/.exec(flat);
  // 2-502 is unit 2, flat 502: written the way a Chinese reader (and the import) expects.
  if (lang === 'zh-CN' && unit) return `${unit[1]}单元${unit[2]}室`;
  return t(lang, 'chat.export.flat', { flat });
}

function entryLine(n: number, order: ExportOrder, byId: Map<string, ChatItem>, lang: Lang): string {
  const { person } = order;
  const items = order.items
    .filter((l) => l.steps > 0 && byId.has(l.itemId))
    .map((l) => {
      const item = byId.get(l.itemId)!;
      return `${clean(item.name[lang] || item.name.default)} ${amountText(item, l.steps, lang)}`;
    });
  const where = [clean(person.building ?? ''), person.flat ? flatText(clean(person.flat), lang) : ''].filter(Boolean);
  const name = clean(person.name);
  if (lang === 'zh-CN') return `${n}. ${[...where, name].filter(Boolean).join(' ')}：${items.join('，')}`;
  return `${n}. ${[...where, name].filter(Boolean).join(', ')}: ${items.join(', ')}`;
}

export function exportJielong(orders: readonly ExportOrder[], options: ExportOptions): string {
  const { lang } = options;
  const byId = new Map(options.items.map((i) => [i.id, i]));
  const withItems = orders.filter((o) => o.items.some((l) => l.steps > 0 && byId.has(l.itemId)));
  const listed = options.buildings.map((b) => String(b).trim()).filter(Boolean);
  const others = [...new Set(withItems.map((o) => o.person.building ?? '').filter((b) => b && !listed.includes(b)))];
  const groups = [...listed, ...others, ''];
  const out: string[] = [];
  if (lang === 'zh-CN') out.push('#接龙');
  // A title such as "1. Ноябрь" would read back as the list's first entry.
  const title = clean(options.title ?? '').replace(/^\d+\s*(?:[.、)]|\uFE0F?\u20E3)\s*/u, '');
  if (title) out.push(t(lang, 'chat.export.heading', { title }));
  let n = 0;
  for (const building of groups) {
    const members = withItems.filter((o) => (o.person.building ?? '') === building);
    if (!members.length) continue;
    if (out.length) out.push('');
    out.push(t(lang, 'chat.export.group', { building: building || t(lang, 'chat.export.noBuilding') }));
    for (const o of members) out.push(entryLine(++n, o, byId, lang));
  }
  return out.join('\n');
}
