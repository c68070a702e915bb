import { unitIn } from '../../core/units';
import { itemName } from '../../core/catalog';
import { Lang } from '../../core/i18n/lang';
import { unitsOf } from '../../core/quantity';
import { readCatalog, readPlaces } from '../../workspace/community';
import { readRounds } from '../../workspace/rounds';
import { locked, reading, requireAccess, requireMember } from '../action';
import { RoundView, toView } from '../rounds';

export interface CatalogChoice {
  id: string;
  name: string;
  unit: string;
  priceMinor: number;
  box: number;
  problem: string;
}

export interface RoundsScreen {
  /** The Catalog sheet has no rows: the new-round form says so instead of an empty list. */
  catalogEmpty: boolean;
  lang: Lang;
  rounds: RoundView[];
  catalog: CatalogChoice[];
  pickupPoints: string[];
  currency: string;
  deliverySplit: string;
  feePercent: number;
  timeZone: string;
}

/**
 * Rounds screen: the list and everything the "new round" form needs, in one call. The sidebar opens on it,
 * so it takes the lock and sets the community up when it is not yet.
 */
export function roundsScreen(): RoundsScreen {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const catalog = readCatalog(ctx.book, ctx.settings, ctx.lang);
    const problems = new Map(catalog.problems.map((p) => [p.itemId, p.message]));
    const choices: CatalogChoice[] = [...catalog.items.values()].map((i) => ({
      id: i.id,
      name: itemName(i, ctx.lang),
      unit: unitIn(i, ctx.lang),
      priceMinor: i.priceMinor,
      box: unitsOf(i.boxSteps, i.stepMilli),
      problem: problems.get(i.id) ?? '',
    }));
    for (const p of catalog.problems)
      if (!catalog.items.has(p.itemId))
        choices.push({ id: p.itemId, name: p.item, unit: '', priceMinor: 0, box: 1, problem: p.message });
    return {
      lang: ctx.lang,
      rounds: readRounds(ctx.book).map(toView).reverse(),
      catalog: choices,
      catalogEmpty: choices.length === 0,
      pickupPoints: readPlaces(ctx.book).pickup,
      currency: ctx.settings.currency,
      deliverySplit: ctx.settings.deliverySplit,
      feePercent: ctx.settings.feeBasisPoints / 100,
      timeZone: ctx.book.timeZone(),
    };
  });
}

/** Every round, newest first, read without the lock: the round picker of every member's sidebar. */
export function listRounds(): RoundView[] {
  // reading(): a coordinator's visit after a stop that nobody has closed yet closes it first (dueWork.ts).
  return reading((ctx) => {
    requireMember(ctx);
    return readRounds(ctx.book).map(toView).reverse();
  });
}
