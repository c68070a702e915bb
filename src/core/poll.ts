import { Lang } from './i18n/lang';
import { t } from './i18n/translate';
import { formatNumber } from './i18n/format';

/**
 * A needs poll (опрос / 需求调查): before a round, the coordinator asks "what would you buy, and how
 * much?" about candidate items — from the Catalog or typed as new lines — and reads the interest per
 * item: how many people, how much in all, how many boxes it would fill. The Russian seed: asking members
 * what they need keeps a community going.
 */

export interface PollItem {
  /** The Catalog item's id, or "new:1", "new:2"… for a line typed into the poll. */
  id: string;
  name: string;
  unit: string;
  /** Units in a box (1: sold loose). */
  box: number;
  /** Whether the item is in the Catalog (only those can go into a round as they are). */
  inCatalog: boolean;
}

export interface PollInterest {
  itemId: string;
  name: string;
  unit: string;
  people: number;
  quantity: number;
  /** Whole boxes the answers would fill. */
  boxes: number;
  /** Units missing to the next full box (0 when the last box is full or the item is loose). */
  toNextBox: number;
  inCatalog: boolean;
}

/** A poll answer as typed: "2", "1,5", "" (nothing). Anything else is not counted: a poll is not an order. */
export function pollQuantity(typed: unknown): number {
  const text = String(typed ?? '')
    .trim()
    .replace(/\s/g, '')
    .replace(',', '.');
  if (!/^\d{1,5}(\.\d{1,3})?$/.test(text)) return 0;
  return Number(text);
}

/**
 * Interest per item from every answer (one per person: a person who answered twice counts once, with
 * their last answer). Items most asked for first; items nobody wants stay listed, with zeros.
 */
export function tallyPoll(
  items: readonly PollItem[],
  answers: readonly { who: string; quantities: Record<string, unknown> }[],
): PollInterest[] {
  const last = new Map<string, Record<string, unknown>>();
  for (const a of answers) last.set(a.who.trim().toLowerCase(), a.quantities);
  return items
    .map((item) => {
      let people = 0;
      let milli = 0;
      for (const q of last.values()) {
        const n = pollQuantity(q[item.id]);
        if (n <= 0) continue;
        people++;
        milli += Math.round(n * 1000);
      }
      const quantity = milli / 1000;
      const box = item.box > 0 ? item.box : 1;
      const boxes = box > 1 ? Math.floor(quantity / box) : 0;
      const rest = box > 1 ? Math.round((quantity - boxes * box) * 1000) / 1000 : 0;
      return {
        itemId: item.id,
        name: item.name,
        unit: item.unit,
        people,
        quantity,
        boxes,
        toNextBox: rest > 0 ? Math.round((box - rest) * 1000) / 1000 : 0,
        inCatalog: item.inCatalog,
      };
    })
    .sort((a, b) => b.people - a.people || b.quantity - a.quantity);
}

/** One line of the results, as the coordinator reads it: "Гречка: 5 чел., 12 кг — 1 коробка, до следующей 8 кг". */
export function describeInterest(i: PollInterest, lang: Lang): string {
  const n = (v: number) => formatNumber(v, lang);
  const base = t(lang, 'poll.interest', { item: i.name, people: i.people, quantity: n(i.quantity), unit: i.unit });
  if (i.boxes === 0 && i.toNextBox === 0) return base;
  const boxes = i.toNextBox
    ? t(lang, 'poll.boxes', { boxes: i.boxes, missing: n(i.toNextBox), unit: i.unit })
    : t(lang, 'poll.boxesFull', { boxes: i.boxes });
  // Chinese sentences follow one another with no space after 。
  return `${base}${lang === 'zh-CN' ? '' : ' '}${boxes}`;
}

/** The message to paste into the chat with the poll's link. */
export function pollChatText(title: string, url: string, lang: Lang): string {
  return t(lang, 'poll.chat', { title, url });
}
