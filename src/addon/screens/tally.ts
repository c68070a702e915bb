import { itemName } from '../../core/catalog';
import { t } from '../../core/i18n/translate';
import { unitsOf } from '../../core/quantity';
import { formatNumber } from '../../core/i18n/format';
import { tallySentence } from '../../core/tallyText';
import { quantityText, unitIn } from '../../core/units';
import { reading, requireAccess } from '../action';
import { loadRound } from '../roundData';
import { RoundView, toView } from '../rounds';

export interface TallyItem {
  id: string;
  name: string;
  unit: string;
  ordered: number;
  extras: number;
  box: number;
  boxes: number;
  fullBoxes: number;
  toComplete: number;
  minimum: number;
  status: string;
  minimumReached: boolean;
  toBuy: number;
  /** What will happen at the stop, in one sentence (core/tallyText.ts). */
  sentence: string;
  /** "12 bottles", "2,5 кг": the ordered and extra amounts with the unit in the reader's words. */
  orderedText: string;
  extrasText: string;
}

export interface TallyScreen {
  round: RoundView;
  items: TallyItem[];
  participants: number;
  goodsMinor: number;
  totalMinor: number;
}

/** Live tally: per item how full its boxes are and whether the minimum is reached; read without the lock. */
export function tallyScreen(roundId: string): TallyScreen {
  return reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const data = loadRound(ctx, String(roundId));
    const items = data.tally.items.map((a) => {
      const item = data.items.get(a.itemId)!;
      const u = (s: number) => unitsOf(s, item.stepMilli);
      return {
        id: a.itemId,
        name: itemName(item, ctx.lang),
        unit: unitIn(item, ctx.lang),
        ordered: u(a.orderedSteps),
        extras: u(a.extraSteps),
        box: u(item.boxSteps),
        boxes: a.boxes,
        fullBoxes: Math.floor(a.orderedSteps / item.boxSteps),
        toComplete: u(a.toCompleteBoxSteps),
        minimum: u(item.minimumSteps),
        status: t(ctx.lang, `status.${a.status}`),
        minimumReached: a.minimumReached,
        toBuy: u(a.boughtSteps),
        sentence: tallySentence(a, item, ctx.lang),
        orderedText: quantityText(u(a.orderedSteps), formatNumber(u(a.orderedSteps), ctx.lang), item, ctx.lang),
        extrasText: a.extraSteps ? quantityText(u(a.extraSteps), formatNumber(u(a.extraSteps), ctx.lang), item, ctx.lang) : '',
      };
    });
    return {
      round: toView(data.record),
      items,
      participants: data.tally.participants.filter((p) => Object.keys(p.items).length > 0).length,
      goodsMinor: data.tally.money.goodsMinor,
      totalMinor: data.tally.money.totalMinor,
    };
  });
}
