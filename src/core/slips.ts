import { CatalogItem, itemName } from './catalog';
import { unitIn } from './units';
import { PostRound, deadlineWithZone, itemDetails, pickupText } from './chatMessages';
import { Lang } from './i18n/lang';

/**
 * A paper order slip (issue 17): what a volunteer carries door to door for neighbours who order on
 * paper — the round, its stop and pickup, each item with its price and unit and an empty box for the
 * quantity, and lines for name, building, flat and phone. Written in the volunteer's language; the
 * order of its fields is the order the offline-order screen takes them in, so typing a slip in is one
 * pass of the Tab key.
 */
export interface SlipItem {
  id: string;
  name: string;
  unit: string;
  /** "95,50 ₽ за кг" */
  price: string;
  /** "шаг 0,5 кг; не больше 10 кг в одни руки" */
  hint: string;
}

export interface OrderSlip {
  title: string;
  deadline: string;
  pickup: string;
  items: SlipItem[];
}

export function orderSlip(round: PostRound, items: readonly CatalogItem[], lang: Lang): OrderSlip {
  return {
    title: round.title,
    deadline: deadlineWithZone(round.deadline, round.timeZone, lang),
    pickup: pickupText(round, lang),
    items: items.map((item) => {
      // What the person filling it in must respect: the step and the limit (boxes and minimums are the coordinator's).
      const { price, details } = itemDetails({ ...item, boxSteps: 1, minimumSteps: 0 }, round.currency, lang);
      return {
        id: item.id,
        name: itemName(item, lang),
        unit: unitIn(item, lang),
        price,
        hint: details.join(lang === 'zh-CN' ? '；' : '; '),
      };
    }),
  };
}

/**
 * How many slips share an A4 page (1 to 4): items stand in two columns of about 10 mm a row, under about
 * 45 mm of heading and name lines and above a 10 mm note, so a round of 15 items prints two slips a page,
 * one of 6 items three, and one of 2 items four.
 */
export function slipsPerPage(itemCount: number): number {
  const rows = Math.ceil(Math.max(1, itemCount) / 2);
  const height = 45 + rows * 10 + 10;
  return Math.max(1, Math.min(4, Math.floor(277 / height)));
}
