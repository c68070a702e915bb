import { ShortfallRule } from '../../core/allocation';
import { unitName } from '../../core/units';
import { itemName } from '../../core/catalog';
import { formatNumber } from '../../core/i18n/format';
import { unitsOf } from '../../core/quantity';
import { RoundState, canReach } from '../../core/round';
import { reading, requireAccess } from '../action';
import { loadRound } from '../roundData';

export interface ReceivingItem {
  itemId: string;
  name: string;
  unit: string;
  /** What was bought, in the item's unit, and as the coordinator would type it. */
  bought: number;
  boughtText: string;
  /** What was recorded as arrived so far, typed the same way ('' before anything was recorded). */
  receivedText: string;
  /** The quantity step, typed the same way ("0,5"), for the input's hint. */
  stepText: string;
}

export interface ReceivingScreen {
  roundId: string;
  title: string;
  state: RoundState;
  /** Whether the round may be received now (its supplier order is made). */
  canReceive: boolean;
  rule: ShortfallRule;
  items: ReceivingItem[];
}

/**
 * The receiving screen: per item what was bought (the default for "arrived") and what was recorded, in
 * the coordinator's own number format; the round's shortfall rule. Read without the lock.
 */
export function receivingScreen(roundId: string): ReceivingScreen {
  return reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const data = loadRound(ctx, String(roundId));
    const typed = (steps: number, milli: number) =>
      // As the coordinator types it: the decimal separator kept ("1,125" in Russian), no grouping.
      formatNumber(unitsOf(steps, milli), ctx.lang, 3, false);
    return {
      roundId: data.record.id,
      title: data.record.title,
      state: data.record.state,
      canReceive: canReach(data.record.state, 'arrived'),
      rule: data.record.shortfallRule ?? 'latestLoseFirst',
      items: data.tally.items
        .filter((a) => a.boughtSteps > 0)
        .map((a) => {
          const item = data.items.get(a.itemId)!;
          return {
            itemId: a.itemId,
            name: itemName(item, ctx.lang),
            unit: unitName(item, ctx.lang),
            bought: unitsOf(a.boughtSteps, item.stepMilli),
            boughtText: typed(a.boughtSteps, item.stepMilli),
            receivedText: a.receivedSteps === null ? '' : typed(a.receivedSteps, item.stepMilli),
            stepText: typed(1, item.stepMilli),
          };
        }),
    };
  });
}
