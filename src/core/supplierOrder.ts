import { lineTotal } from './billing';
import { CatalogItem, itemName } from './catalog';
import { RoundingRule } from './money';
import { Lang } from './i18n/lang';
import { Minor } from './money';
import { unitsOf } from './quantity';
import { RoundTally } from './tally';

/** One line of the consolidated order the coordinator sends the supplier. */
export interface SupplierLine {
  supplier: string;
  code: string;
  item: string;
  unit: string;
  boxes: number;
  units: number;
  priceMinor: Minor;
  totalMinor: Minor;
}

/** What to buy, item by item, grouped by supplier: only what the tally decided to buy. */
export function supplierLines(
  tally: RoundTally,
  items: ReadonlyMap<string, CatalogItem>,
  lang: Lang,
  rounding: RoundingRule,
): SupplierLine[] {
  return tally.items
    .filter((a) => a.boughtSteps > 0)
    .map((a) => {
      const item = items.get(a.itemId)!;
      const units = unitsOf(a.boughtSteps, item.stepMilli);
      return {
        supplier: item.supplier,
        code: item.supplierCode,
        item: itemName(item, lang),
        unit: item.unit,
        boxes: a.boxes,
        units,
        priceMinor: item.priceMinor,
        // Priced as the bills price it (the round's rounding rule), so the order and the bills agree to the kopeck.
        totalMinor: lineTotal(item, a.boughtSteps, rounding),
      };
    })
    .sort((x, y) => x.supplier.localeCompare(y.supplier) || x.item.localeCompare(y.item));
}
