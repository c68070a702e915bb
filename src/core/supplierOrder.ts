import { lineTotal } from './billing';
import { CatalogItem, itemName } from './catalog';
import { RoundingRule } from './money';
import { Lang } from './i18n/lang';
import { Minor, currency, toDecimalString } from './money';
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

/** Quotes a CSV field; a leading = + - @ is defused too, since the file may be opened in a spreadsheet. */
function csvField(value: unknown): string {
  let s = String(value ?? '');
  if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The same order as a CSV file for the supplier (comma-separated, CRLF, amounts with a dot). */
export function supplierCsv(lines: SupplierLine[], currencyCode: string): string {
  const exp = currency(currencyCode)?.exponent ?? 2;
  const header = ['supplier', 'code', 'item', 'unit', 'boxes', 'quantity', 'price', 'total'];
  const rows = lines.map((l) => [
    l.supplier,
    l.code,
    l.item,
    l.unit,
    l.boxes,
    l.units,
    toDecimalString(l.priceMinor, exp),
    toDecimalString(l.totalMinor, exp),
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
