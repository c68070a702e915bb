import { CatalogItem, CatalogProblem, itemName } from './catalog';
import { formatNumber } from './i18n/format';
import { Lang } from './i18n/lang';
import { t } from './i18n/translate';
import { unitName } from './units';
import { Problem } from './validation';

/** A validation problem as a sentence a volunteer understands, in their language. */
export function describeProblem(problem: Problem, lang: Lang, items: ReadonlyMap<string, CatalogItem>): string {
  const item = problem.itemId ? items.get(problem.itemId) : undefined;
  return t(lang, problem.key, {
    item: item ? itemName(item, lang) : (problem.itemId ?? ''),
    unit: item ? unitName(item, lang) : '',
    value: problem.value ?? '',
    bound: problem.bound === undefined ? '' : formatNumber(problem.bound, lang),
  });
}

/** A catalog cell's problem as a sentence for the coordinator. */
export function describeCatalogProblem(problem: CatalogProblem, lang: Lang): string {
  return t(lang, problem.key, { value: problem.value });
}
