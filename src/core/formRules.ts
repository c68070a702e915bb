import { CatalogItem } from './catalog';
import { MILLI, Steps } from './quantity';

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
