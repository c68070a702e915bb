import { ItemAllocation } from './allocation';
import { CatalogItem } from './catalog';
import { formatNumber } from './i18n/format';
import { Lang } from './i18n/lang';
import { t } from './i18n/translate';
import { unitsOf } from './quantity';
import { quantityText } from './units';

/**
 * What will happen to an item at the stop, in one sentence a coordinator reads at a glance: "Buying 2
 * boxes: 12 bottles", "No box yet: 2 more complete one", "Minimum 20 kg: 14 kg so far". It never
 * contradicts itself: a box completed with extras says so, an item without boxes never speaks of boxes
 * (257.5 kg of pork is not "515 boxes"), and nothing ordered is just that.
 */
export function tallySentence(a: ItemAllocation, item: CatalogItem, lang: Lang): string {
  const q = (steps: number) => {
    const amount = unitsOf(steps, item.stepMilli);
    return quantityText(amount, formatNumber(amount, lang), item, lang);
  };
  const box = item.boxSteps;
  const leftover = a.orderedSteps % box;
  const missing = Math.max(0, box - leftover - a.extraSteps);
  switch (a.status) {
    case 'nothingOrdered':
      return t(lang, 'tally.say.nothing');
    case 'belowMinimum':
      return t(lang, 'tally.say.belowMinimum', { minimum: q(item.minimumSteps), ordered: q(a.orderedSteps) });
    case 'boxNotFilled':
      return t(lang, 'tally.say.noBox', { missing: q(missing) });
    case 'bought':
      break;
  }
  if (box <= 1) return t(lang, 'tally.say.loose', { bought: q(a.boughtSteps) });
  const count = a.boughtSteps / box;
  if (a.boughtSteps > a.orderedSteps)
    return t(lang, 'tally.say.boxesWithExtras', { count, ordered: q(a.orderedSteps), extras: q(a.boughtSteps - a.orderedSteps) });
  if (a.boughtSteps < a.orderedSteps)
    return t(lang, 'tally.say.boxesPart', {
      count,
      bought: q(a.boughtSteps),
      left: q(a.orderedSteps - a.boughtSteps),
      missing: q(missing),
    });
  return t(lang, 'tally.say.boxes', { count, bought: q(a.boughtSteps) });
}
