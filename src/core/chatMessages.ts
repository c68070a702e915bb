import { pickupTimeIn } from './i18n/pickupTime';
import { CatalogItem, itemName } from './catalog';
import { unitIn } from './units';
import { formatDateTime, formatMoney, formatNumber } from './i18n/format';
import { Lang } from './i18n/lang';
import { MessageKey, t } from './i18n/translate';
import { unitsOf } from './quantity';
import { AlmostFullBox } from './reminders';
import { offsetMinutes } from './time';

/**
 * Ready-to-paste messages for a round's chats (WeChat, Telegram, WhatsApp, VK): the announcement,
 * "boxes almost full", the last call, "arrived, pick up at …" and the unpaid list. Plain text only:
 * no table, no markdown — WeChat shows * and _ as they are, Telegram turns **…** and __…__ into
 * formatting when a message is sent — so lines start with a word, a "•" or an optional emoji. Item
 * names and units are in the message's language, whatever the coordinator's own.
 */

/** What a message says about the round. */
export interface PostRound {
  title: string;
  /** The stop, an instant (ms). */
  deadline: number;
  /** The spreadsheet's time zone: the deadline is written in it, and named. */
  timeZone: string;
  pickupTime: string;
  pickupPoints: readonly string[];
  currency: string;
  /** The round's form link; none before the round opens. */
  formUrl: string;
}

export interface PostOptions {
  lang: Lang;
  /** A small picture at the start of each line (📣 ⏰ 📍): a Settings choice, off for chats that dislike them. */
  emoji: boolean;
}

const EMOJI = {
  title: '📣',
  deadline: '⏰',
  pickup: '📍',
  items: '🛒',
  rules: '📌',
  order: '👉',
  chat: '✍️',
  almostFull: '📦',
  lastCall: '🔔',
  arrived: '🚚',
  unpaid: '💳',
} as const;

type Mark = keyof typeof EMOJI;

const mark = (o: PostOptions, m: Mark, text: string) => (o.emoji ? `${EMOJI[m]} ${text}` : text);
const BULLET = '• ';

/** Zones whose readers name them in words; any other zone is written as its offset from UTC. */
const NAMED_ZONES: Record<string, MessageKey> = {
  'Europe/Moscow': 'post.zone.moscow',
  'W-SU': 'post.zone.moscow',
  'Asia/Shanghai': 'post.zone.beijing',
  'Asia/Chongqing': 'post.zone.beijing',
  'Asia/Harbin': 'post.zone.beijing',
  PRC: 'post.zone.beijing',
};

/** "МСК", "北京时间", or "UTC+5" / "UTC-3:30" at that instant (summer time counts). */
export function zoneName(ms: number, timeZone: string, lang: Lang): string {
  const named = NAMED_ZONES[timeZone];
  if (named) return t(lang, named);
  const offset = offsetMinutes(ms, timeZone);
  const abs = Math.abs(offset);
  const minutes = abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : '';
  return t(lang, 'post.zone.utc', { offset: `${offset < 0 ? '-' : '+'}${Math.floor(abs / 60)}${minutes}` });
}

/**
 * The deadline with its weekday and time zone, so a neighbour reading the chat from another city (or
 * a relative abroad ordering for their parents) knows when "18:00" is: "пт, 20 ноября 2026, 18:00 (МСК)".
 */
export function deadlineWithZone(ms: number, timeZone: string, lang: Lang): string {
  const zone = zoneName(ms, timeZone, lang);
  const when = formatDateTime(ms, timeZone, lang);
  return lang === 'zh-CN' ? `${when}（${zone}）` : `${when} (${zone})`;
}

const join = (lang: Lang, parts: string[]) => parts.join(lang === 'zh-CN' ? '；' : '; ');
const amount = (steps: number, item: CatalogItem, lang: Lang) => formatNumber(unitsOf(steps, item.stepMilli), lang);

/** What the announcement and a paper slip say about an item: price per unit, then step, box, limit and minimum where they apply. */
export function itemDetails(item: CatalogItem, currency: string, lang: Lang): { price: string; details: string[] } {
  const unit = (steps: number) => unitIn(item, lang, unitsOf(steps, item.stepMilli));
  const price = t(lang, 'post.price', { price: formatMoney(item.priceMinor, currency, lang), unit: unitIn(item, lang) });
  const details: string[] = [];
  if (item.stepMilli !== 1000) details.push(t(lang, 'post.step', { step: amount(1, item, lang), unit: unit(1) }));
  if (item.boxSteps > 1) details.push(t(lang, 'post.box', { box: amount(item.boxSteps, item, lang), unit: unit(item.boxSteps) }));
  if (item.limitSteps !== null)
    details.push(t(lang, 'post.limit', { limit: amount(item.limitSteps, item, lang), unit: unit(item.limitSteps) }));
  if (item.minimumSteps > 0)
    details.push(t(lang, 'post.minimum', { minimum: amount(item.minimumSteps, item, lang), unit: unit(item.minimumSteps) }));
  return { price, details };
}

function itemLine(item: CatalogItem, currency: string, lang: Lang): string {
  const { price, details } = itemDetails(item, currency, lang);
  return BULLET + t(lang, 'post.item', { item: itemName(item, lang), price: join(lang, [price, ...details]) });
}

/** "суббота 10:00–12:00 — Двор у дома 2, Школа №5", or whichever half is known; '' when neither is. */
export function pickupText(round: PostRound, lang: Lang): string {
  const places = round.pickupPoints.filter(Boolean).join(lang === 'zh-CN' ? '、' : ', ');
  return [pickupTimeIn(round.pickupTime, lang), places].filter(Boolean).join(lang === 'zh-CN' ? '，' : ' — ');
}

/**
 * A line a neighbour without the form can copy and change: building, flat, name, an item and an amount,
 * written the way the chat import reads it back (a numbered 接龙 entry without its number).
 */
export function exampleEntry(item: CatalogItem | undefined, building: string | undefined, lang: Lang): string {
  const flat = t(lang, 'chat.export.flat', { flat: lang === 'zh-CN' ? '502' : '5' });
  const who = [building ?? '', flat, t(lang, 'post.exampleName')].filter(Boolean);
  const what = item ? `${itemName(item, lang)} 2` : '';
  return lang === 'zh-CN' ? `${who.join(' ')}：${what}` : `${who.join(', ')}: ${what}`;
}

export interface AnnouncementFacts {
  items: readonly CatalogItem[];
  /** The community's rules (a Settings text): how to pay, how to collect, what happens to a missed pickup. */
  rules: string;
  /** The first building of the Buildings sheet, for the example entry. */
  building?: string;
}

/** The round's announcement: what, until when, where to collect, the rules, and two ways to order. */
export function announcement(round: PostRound, facts: AnnouncementFacts, o: PostOptions): string {
  const { lang } = o;
  const out = [
    mark(o, 'title', round.title),
    mark(o, 'deadline', t(lang, 'post.deadline', { deadline: deadlineWithZone(round.deadline, round.timeZone, lang) })),
  ];
  const pickup = pickupText(round, lang);
  if (pickup) out.push(mark(o, 'pickup', t(lang, 'post.pickup', { pickup })));
  out.push('', mark(o, 'items', t(lang, 'post.items')), ...facts.items.map((i) => itemLine(i, round.currency, lang)));
  const rules = facts.rules.trim();
  if (rules) out.push('', mark(o, 'rules', t(lang, 'post.rules')), rules);
  out.push('');
  if (round.formUrl) out.push(mark(o, 'order', t(lang, 'post.order', { url: round.formUrl })));
  out.push(mark(o, 'chat', t(lang, 'post.orderInChat')));
  // On a line of its own and without a picture, so the chat import reads it back as the example it is.
  out.push(t(lang, 'post.example', { example: exampleEntry(facts.items[0], facts.building, lang) }));
  return out.join('\n');
}

/** "Boxes almost full": which items need how many more to complete a box; null when none does. */
export function almostFullPost(
  round: PostRound,
  almost: readonly AlmostFullBox[],
  items: ReadonlyMap<string, CatalogItem>,
  o: PostOptions,
): string | null {
  const { lang } = o;
  const lines = almost.flatMap((a) => {
    const item = items.get(a.itemId);
    if (!item) return [];
    const unit = unitIn(item, lang, unitsOf(a.missingSteps, item.stepMilli));
    const missing = t(lang, 'post.almostFull.item', { count: amount(a.missingSteps, item, lang), unit });
    return [BULLET + t(lang, 'post.item', { item: itemName(item, lang), price: missing })];
  });
  if (!lines.length) return null;
  const out = [mark(o, 'almostFull', t(lang, 'post.almostFull.title', { title: round.title })), ...lines];
  out.push(mark(o, 'deadline', t(lang, 'post.deadline', { deadline: deadlineWithZone(round.deadline, round.timeZone, lang) })));
  if (round.formUrl) out.push(mark(o, 'order', t(lang, 'post.orderMore', { url: round.formUrl })));
  return out.join('\n');
}

const HOUR = 3600_000;

/** The last call: the stop with its weekday and zone, how many hours are left, and both ways to order. */
export function lastCallPost(round: PostRound, now: number, o: PostOptions): string {
  const { lang } = o;
  const out = [mark(o, 'lastCall', t(lang, 'post.lastCall.title', { title: round.title }))];
  out.push(mark(o, 'deadline', t(lang, 'post.deadline', { deadline: deadlineWithZone(round.deadline, round.timeZone, lang) })));
  const left = round.deadline - now;
  if (left > 0 && left <= 48 * HOUR) out.push(t(lang, 'post.lastCall.left', { count: Math.ceil(left / HOUR) }));
  if (round.formUrl) out.push(mark(o, 'order', t(lang, 'post.order', { url: round.formUrl })));
  out.push(mark(o, 'chat', t(lang, 'post.orderInChat')));
  return out.join('\n');
}

/** "Arrived, pick up at …", with how to pay when the community has said how. */
export function arrivedPost(round: PostRound, paymentInstructions: string, o: PostOptions): string {
  const { lang } = o;
  const out = [mark(o, 'arrived', t(lang, 'post.arrived.title', { title: round.title }))];
  const pickup = pickupText(round, lang);
  if (pickup) out.push(mark(o, 'pickup', t(lang, 'post.arrived.pickup', { pickup })));
  if (paymentInstructions.trim()) out.push(mark(o, 'unpaid', t(lang, 'post.howToPay', { how: paymentInstructions.trim() })));
  return out.join('\n');
}

/** Someone who still owes for the round. */
export interface Debtor {
  name: string;
  building: string;
  flat: string;
}

/** How the unpaid list names people in a chat everyone reads (a Settings choice; flats by default). */
export type UnpaidShows = 'flats' | 'names';

const byNumber = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

/**
 * The unpaid list, one line per building in the Buildings sheet's order: flat numbers (the default, so
 * the chat does not learn who owes) or names. In the flats form, people without a flat are counted, not
 * named. Null when everyone has paid.
 */
export function unpaidPost(
  round: PostRound,
  debtors: readonly Debtor[],
  facts: { shows: UnpaidShows; buildings: readonly string[]; paymentInstructions: string },
  o: PostOptions,
): string | null {
  if (!debtors.length) return null;
  const { lang } = o;
  const sep = lang === 'zh-CN' ? '、' : ', ';
  const listed = facts.buildings.filter((b) => debtors.some((d) => d.building === b));
  const others = [...new Set(debtors.map((d) => d.building).filter((b) => !listed.includes(b)))].sort(byNumber);
  const out = [mark(o, 'unpaid', t(lang, 'post.unpaid.title', { title: round.title }))];
  let unnamed = 0;
  for (const building of [...listed, ...others]) {
    const here = debtors.filter((d) => d.building === building);
    const who =
      facts.shows === 'names'
        ? here
            .map((d) => d.name.trim())
            .filter(Boolean)
            .sort(byNumber)
        : [...new Set(here.map((d) => d.flat.trim()).filter(Boolean))]
            .sort(byNumber)
            .map((flat) => t(lang, 'chat.export.flat', { flat }));
    unnamed += here.length - (facts.shows === 'names' ? who.length : here.filter((d) => d.flat.trim()).length);
    if (!who.length) continue;
    const place = building || t(lang, 'chat.export.noBuilding');
    out.push(BULLET + t(lang, 'post.unpaid.building', { place, list: who.join(sep) }));
  }
  if (unnamed) out.push(t(lang, 'post.unpaid.others', { count: unnamed }));
  if (facts.paymentInstructions.trim())
    out.push(mark(o, 'unpaid', t(lang, 'post.howToPay', { how: facts.paymentInstructions.trim() })));
  return out.join('\n');
}
