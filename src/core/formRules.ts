import { CatalogItem } from './catalog';
import { formatNumber } from './i18n/format';
import { Lang } from './i18n/lang';
import { t } from './i18n/translate';
import { MILLI, Steps, unitsOf } from './quantity';
import { quantityText } from './units';

/** Past this many allowed values the pattern would be unwieldy; the server checks the bound instead. */
const MAX_LISTED = 200;

function unitsText(steps: Steps, stepMilli: number): string {
  const milli = steps * stepMilli;
  const whole = Math.floor(milli / MILLI);
  const frac = String(milli % MILLI)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}[.,]${frac}0*` : `${whole}(?:[.,]0+)?`;
}

/**
 * The pattern a Google Form uses to accept a quantity: whole multiples of the item's step from 0 to
 * `maxSteps`, with either decimal mark. Forms (RE2) and JavaScript read these patterns the same way.
 */
export function quantityPattern(item: Pick<CatalogItem, 'stepMilli'>, maxSteps: Steps | null): string {
  if (maxSteps !== null && maxSteps <= MAX_LISTED) {
    const values: string[] = [];
    for (let s = 0; s <= maxSteps; s++) values.push(unitsText(s, item.stepMilli));
    return `\\s*(?:${values.join('|')})\\s*`;
  }
  return item.stepMilli % MILLI === 0 ? '\\s*\\d{1,5}\\s*' : '\\s*\\d{1,5}(?:[.,]\\d{1,3})?\\s*';
}

/** The most a person may ask for: the per-person limit, else the stock, else nothing enforced by the form. */
export function maxStepsPerPerson(item: Pick<CatalogItem, 'limitSteps' | 'stockSteps'>): Steps | null {
  return item.limitSteps ?? item.stockSteps ?? null;
}

/** Boxed items, and loose items with a minimum total, ask "how much more would you take" (extras fill them). */
export function takesExtra(item: Pick<CatalogItem, 'boxSteps' | 'minimumSteps'>): boolean {
  return item.boxSteps > 1 || item.minimumSteps > 0;
}

/**
 * What may be ordered of an item, as a sentence in the reader's words ("кратно 0,5 кг · не больше 4 кг в
 * одни руки"): under the form's question and beside the volunteer's quantity box alike.
 */
export function quantityHelp(item: CatalogItem, lang: Lang): string {
  const units = (steps: number) => {
    const amount = unitsOf(steps, item.stepMilli);
    return quantityText(amount, formatNumber(amount, lang), item, lang);
  };
  const parts: string[] = [];
  if (item.stepMilli !== 1000) parts.push(t(lang, 'form.help.step', { step: units(1) }));
  if (item.boxSteps > 1) parts.push(t(lang, 'form.help.box', { box: units(item.boxSteps) }));
  if (item.minimumSteps > 0) parts.push(t(lang, 'form.help.minimum', { minimum: units(item.minimumSteps) }));
  // With an "I'd take more" question the limit counts both answers together (validation keeps what fits).
  if (item.limitSteps !== null)
    parts.push(t(lang, takesExtra(item) ? 'form.help.limitWithExtra' : 'form.help.limit', { limit: units(item.limitSteps) }));
  return parts.join(' · ');
}
