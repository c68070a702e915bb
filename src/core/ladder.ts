import { CatalogItem, itemName } from './catalog';
import { formatNumber } from './i18n/format';
import { Lang } from './i18n/lang';
import { ParticipantAccount, account } from './ledger';
import { unitsOf } from './quantity';
import { quantityText } from './units';
import { ParticipantResult, RoundTally } from './tally';

/**
 * The ladder (coordinator → building volunteers → residents): a tallied round as hand-out lists, one per
 * building or pickup point, each resident with what they get and what they still owe.
 */

/** What hand-out needs of a tallied round: the tally, the items and each person's account. */
export interface TalliedRound {
  tally: RoundTally;
  items: ReadonlyMap<string, CatalogItem>;
  accounts: ReadonlyMap<string, ParticipantAccount>;
  /** Each participant's payment reference (order key → reference), once the round has them. */
  references?: ReadonlyMap<string, string>;
}

/** One resident in a building's list, in the reader's language. */
export interface HandOutLine {
  orderKey: string;
  name: string;
  flat: string;
  phone: string;
  email: string;
  lang: Lang;
  items: { name: string; quantity: string }[];
  dueMinor: number;
  paidMinor: number;
  balanceMinor: number;
  pickedUp: boolean;
  /** What they write in the payment's purpose ('' before the round closes). */
  reference: string;
}

export interface HandOutBlock {
  place: string;
  lines: HandOutLine[];
}

/** What one person gets, item by item ("Rice 2,5 kg"), names and units in `lang`. */
function allocatedItems(round: TalliedRound, p: ParticipantResult, lang: Lang): { name: string; quantity: string }[] {
  return Object.entries(p.items)
    .filter(([, v]) => v.allocatedSteps > 0)
    .map(([id, v]) => {
      const item = round.items.get(id);
      const amount = unitsOf(v.allocatedSteps, item?.stepMilli ?? 1000);
      return {
        name: item ? itemName(item, lang) : id,
        quantity: quantityText(amount, formatNumber(amount, lang), item ?? '', lang),
      };
    });
}

/** A person's account in the round, or a fresh one when the journal has nothing for them yet. */
function accountOf(round: TalliedRound, orderKey: string, dueMinor: number): ParticipantAccount {
  return round.accounts.get(orderKey) ?? account(orderKey, dueMinor, []);
}

/** One person's line of a hand-out list, items named in `lang`. */
export function handOutLine(round: TalliedRound, p: ParticipantResult, lang: Lang): HandOutLine {
  const who = p.order.participant;
  const acc = accountOf(round, p.order.key, p.totalMinor);
  return {
    orderKey: p.order.key,
    name: who.name,
    flat: who.flat,
    phone: who.phone,
    email: who.email ?? '',
    lang: who.lang,
    items: allocatedItems(round, p, lang),
    dueMinor: p.totalMinor,
    paidMinor: acc.paidMinor + acc.creditInMinor,
    balanceMinor: acc.balanceMinor,
    pickedUp: acc.pickedUp,
    reference: round.references?.get(p.order.key) ?? '',
  };
}

/**
 * "кв. 2" before "кв. 10". One collator for every comparison: localeCompare with options builds one per
 * call, which was most of a 10,000-person list's CPU (bench, issue 19).
 */
export const compareNumbered = new Intl.Collator(undefined, { numeric: true }).compare;
const compareText = new Intl.Collator().compare;

const byFlat = (a: HandOutLine, b: HandOutLine) => compareNumbered(a.flat, b.flat) || compareText(a.name, b.name);

/**
 * The ladder: one block per building (or pickup point), residents sorted for packing by flat. Items are
 * named in each resident's language, or all in `lang` for a list one volunteer reads.
 */
export function handOutBlocks(round: TalliedRound, lang?: Lang): HandOutBlock[] {
  const blocks = new Map<string, HandOutLine[]>();
  for (const p of round.tally.participants) {
    if (p.totalMinor === 0 && Object.values(p.items).every((v) => v.allocatedSteps === 0)) continue;
    const who = p.order.participant;
    const place = who.building || who.pickupPoint || '—';
    const line = handOutLine(round, p, lang ?? who.lang);
    let list = blocks.get(place);
    if (!list) blocks.set(place, (list = []));
    list.push(line);
  }
  return [...blocks.entries()]
    .sort(([a], [b]) => compareNumbered(a, b))
    .map(([place, lines]) => ({ place, lines: lines.sort(byFlat) }));
}

/** A block's items as one line of text ("Rice 2 kg; Oil 1 bottle"). */
export function itemsText(items: HandOutLine['items'], separator: string): string {
  return items.map(itemText).join(separator);
}

/** A person's items on one line, separated the way the reader's language separates a list ("大米 2公斤、鸡蛋 1盒"). */
export function itemsLine(items: HandOutLine['items'], lang: Lang): string {
  return itemsText(items, lang === 'zh-CN' ? '、' : ', ');
}

/** One item with its quantity ("Rice 2,5 kg"). */
export function itemText(item: HandOutLine['items'][number]): string {
  return `${item.name} ${item.quantity}`;
}

/** A block's place, as residents and volunteers type it, compared loosely ("дом 1" is "Дом 1"). */
export function samePlace(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
