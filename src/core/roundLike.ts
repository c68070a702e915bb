import { CatalogItem, itemName } from './catalog';
import { formatMoney } from './i18n/format';
import { Lang } from './i18n/lang';
import { t } from './i18n/translate';
import { Minor } from './money';
import { fromWallTime, wallTime } from './time';

/**
 * "A new round like R12": regular purchases are the rhythm a community lives by (the Russian seed), so a
 * round is repeated with its items, pickup, delivery split, fee and texts; its prices come fresh from the
 * Catalog, and what changed since last time is said before the round opens.
 */

/** How one item of the earlier round stands in today's Catalog. */
export type PriceChange =
  | { itemId: string; name: string; kind: 'up' | 'down'; beforeMinor: Minor; nowMinor: Minor }
  | { itemId: string; name: string; kind: 'gone'; beforeMinor: Minor | null };

const DAY = 86_400_000;

/**
 * The next stop at the same weekday and time of day, on the spreadsheet's clock (a Tuesday 20:00 stop
 * stays a Tuesday 20:00 stop across a daylight-saving change): the first one after `now`.
 */
export function nextDeadline(previous: number, now: number, timeZone: string): number {
  const was = wallTime(previous, timeZone);
  const today = wallTime(now, timeZone);
  for (let d = 0; d <= 7; d++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day) + d * DAY);
    if (day.getUTCDay() !== was.weekday) continue;
    const at = fromWallTime(timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), was.hour, was.minute);
    if (at > now) return at;
  }
  // Today is that weekday and its time has passed: the same time a week on.
  const week = new Date(Date.UTC(today.year, today.month - 1, today.day) + 7 * DAY);
  return fromWallTime(timeZone, week.getUTCFullYear(), week.getUTCMonth() + 1, week.getUTCDate(), was.hour, was.minute);
}

/**
 * The earlier round's items against today's Catalog: dearer, cheaper, or gone (an item whose row was
 * removed, or whose row has a problem, cannot be put in a round). Unchanged items are not listed.
 * `before` holds the prices the earlier round was opened with (none for a round never opened).
 */
export function priceChanges(
  itemIds: readonly string[],
  before: ReadonlyMap<string, CatalogItem>,
  now: ReadonlyMap<string, CatalogItem>,
  lang: Lang,
): PriceChange[] {
  const out: PriceChange[] = [];
  for (const id of itemIds) {
    const was = before.get(id);
    const is = now.get(id);
    const name = is ? itemName(is, lang) : was ? itemName(was, lang) : id;
    if (!is) out.push({ itemId: id, name, kind: 'gone', beforeMinor: was?.priceMinor ?? null });
    else if (was && is.priceMinor !== was.priceMinor)
      out.push({
        itemId: id,
        name,
        kind: is.priceMinor > was.priceMinor ? 'up' : 'down',
        beforeMinor: was.priceMinor,
        nowMinor: is.priceMinor,
      });
  }
  return out;
}

/** A change as the coordinator reads it: "Яйца: было 110,00 ₽, стало 125,00 ₽ (дороже)". */
export function describeChange(change: PriceChange, currencyCode: string, lang: Lang): string {
  if (change.kind === 'gone') return t(lang, 'roundLike.gone', { item: change.name });
  const params = {
    item: change.name,
    before: formatMoney(change.beforeMinor, currencyCode, lang),
    now: formatMoney(change.nowMinor, currencyCode, lang),
  };
  return t(lang, change.kind === 'up' ? 'roundLike.priceUp' : 'roundLike.priceDown', params);
}
