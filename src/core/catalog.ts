import { Lang } from './i18n/lang';
import { LocalizedText, textIn } from './i18n/texts';
import { Minor, parseAmount } from './money';
import { ParsedQuantity, Steps, parseQuantity, stepMilli } from './quantity';

/** An item's name in the languages the coordinator gave; `default` is whatever they typed first. */
export type { LocalizedText } from './i18n/texts';

export interface CatalogItem {
  id: string;
  name: LocalizedText;
  /** The unit a price and quantities are in: "kg", "шт", "袋". */
  unit: string;
  /**
   * The unit in each language where the coordinator named it (the Catalog's optional unit columns): a
   * unit the add-on does not know ("банка") reads "罐" to a Chinese reader. Absent in rounds frozen before.
   */
  units?: Partial<Record<Lang, string>>;
  /** Price of one unit, in minor units of the round's currency. */
  priceMinor: Minor;
  /** Thousandths of a unit per step: 1000 for pieces, 500 for half-kilos. */
  stepMilli: number;
  /** Box (pack) size in steps; 1 when the item is sold loose. */
  boxSteps: Steps;
  /** Minimum total for the round in steps; 0 = none. */
  minimumSteps: Steps;
  /** Per-person limit in steps, or null. */
  limitSteps: Steps | null;
  /** What the supplier can deliver in steps, or null. */
  stockSteps: Steps | null;
  retailMinor: Minor | null;
  supplier: string;
  supplierCode: string;
}

export function itemName(item: Pick<CatalogItem, 'name'>, lang: Lang): string {
  return textIn(item.name, lang);
}

/** A catalog row as typed in the sheet (any cell may be anything). */
export interface RawCatalogItem {
  id?: unknown;
  name?: unknown;
  nameRu?: unknown;
  nameZh?: unknown;
  nameEn?: unknown;
  unit?: unknown;
  unitRu?: unknown;
  unitZh?: unknown;
  unitEn?: unknown;
  price?: unknown;
  step?: unknown;
  box?: unknown;
  minimum?: unknown;
  limit?: unknown;
  stock?: unknown;
  retail?: unknown;
  supplier?: unknown;
  supplierCode?: unknown;
}

export type CatalogField = keyof RawCatalogItem;

export type CatalogProblemKey =
  | 'catalog.idMissing'
  | 'catalog.nameMissing'
  | 'catalog.priceInvalid'
  | 'catalog.priceMissing'
  | 'catalog.unitMissing'
  | 'catalog.stepInvalid'
  | 'catalog.boxInvalid'
  | 'catalog.quantityInvalid';

export interface CatalogProblem {
  field: CatalogField;
  key: CatalogProblemKey;
  value: string;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

function quantityField(raw: unknown, milli: number): ParsedQuantity | null {
  return text(raw) === '' ? null : parseQuantity(raw, milli);
}

/**
 * Checks one catalog row and turns it into an item, or lists every problem with the field it is in,
 * so the sheet adapter can point the coordinator at the exact cell.
 */
export function parseCatalogItem(
  raw: RawCatalogItem,
  currencyExponent: number,
): { item?: CatalogItem; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const bad = (field: CatalogField, key: CatalogProblemKey) => problems.push({ field, key, value: text(raw[field]) });

  const id = text(raw.id);
  if (!id) bad('id', 'catalog.idMissing');
  const name: LocalizedText = { default: text(raw.name) || text(raw.nameRu) || text(raw.nameZh) || text(raw.nameEn) };
  if (text(raw.nameRu)) name.ru = text(raw.nameRu);
  if (text(raw.nameZh)) name['zh-CN'] = text(raw.nameZh);
  if (text(raw.nameEn)) name.en = text(raw.nameEn);
  if (!name.default) bad('name', 'catalog.nameMissing');

  // A row without a price or a unit would show "0,00 ₽/" and a dangling "за" in the form: named instead.
  const unit = text(raw.unit) || text(raw.unitRu) || text(raw.unitZh) || text(raw.unitEn);
  if (!unit) bad('unit', 'catalog.unitMissing');
  const units: Partial<Record<Lang, string>> = {};
  if (text(raw.unitRu)) units.ru = text(raw.unitRu);
  if (text(raw.unitZh)) units['zh-CN'] = text(raw.unitZh);
  if (text(raw.unitEn)) units.en = text(raw.unitEn);
  const priceMinor = parseAmount(raw.price, currencyExponent);
  if (!text(raw.price)) bad('price', 'catalog.priceMissing');
  else if (priceMinor === undefined || priceMinor < 0) bad('price', 'catalog.priceInvalid');
  const retail = text(raw.retail) === '' ? null : parseAmount(raw.retail, currencyExponent);
  if (retail === undefined || (retail !== null && retail < 0)) bad('retail', 'catalog.priceInvalid');

  const milli = text(raw.step) === '' ? 1000 : stepMilli(Number(String(raw.step).replace(',', '.')));
  if (milli === undefined) {
    bad('step', 'catalog.stepInvalid');
    return { problems };
  }
  const steps = (field: CatalogField): Steps | null => {
    const q = quantityField(raw[field], milli);
    if (q && !q.ok) {
      bad(field, field === 'box' ? 'catalog.boxInvalid' : 'catalog.quantityInvalid');
      return null;
    }
    return q ? q.steps : null;
  };
  const box = steps('box') ?? 1;
  if (box < 1 && !problems.some((p) => p.field === 'box')) bad('box', 'catalog.boxInvalid');
  const minimum = steps('minimum') ?? 0;
  const limit = steps('limit');
  const stock = steps('stock');

  if (problems.length) return { problems };
  return {
    problems,
    item: {
      id,
      name,
      unit,
      ...(Object.keys(units).length ? { units } : {}),
      priceMinor: priceMinor as Minor,
      stepMilli: milli,
      boxSteps: Math.max(1, box),
      minimumSteps: minimum,
      limitSteps: limit && limit > 0 ? limit : null,
      stockSteps: stock,
      retailMinor: retail ?? null,
      supplier: text(raw.supplier),
      supplierCode: text(raw.supplierCode),
    },
  };
}
