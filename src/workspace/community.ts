import { CatalogItem, CatalogProblem, parseCatalogItem } from '../core/catalog';
import { describeCatalogProblem } from '../core/describe';
import { Lang } from '../core/i18n/lang';
import { PlaceKind, parsePlaceKind } from '../core/i18n/labels';
import { currency } from '../core/money';
import { CommunitySettings, parseSettings } from '../core/settings';
import { Book } from './sheets/book';
import { cellAddress, get } from './sheets/schema';
import { cellText } from './sheets/cells';
import type { ColumnOf } from './sheets/schema';

export interface CatalogReading {
  items: Map<string, CatalogItem>;
  /** Each bad cell with its A1 address and a sentence in the coordinator's language. */
  problems: { itemId: string; cell: string; message: string }[];
}

const FIELD_COLUMN: Record<CatalogProblem['field'], ColumnOf<'catalog'>> = {
  id: 'id',
  name: 'name',
  nameRu: 'nameRu',
  nameZh: 'nameZh',
  nameEn: 'nameEn',
  unit: 'unit',
  price: 'price',
  step: 'step',
  box: 'box',
  minimum: 'minimum',
  limit: 'limit',
  stock: 'stock',
  retail: 'retail',
  supplier: 'supplier',
  supplierCode: 'supplierCode',
};

/** The Catalog sheet as the coordinator typed it, checked row by row. */
export function readCatalog(book: Book, settings: CommunitySettings, lang: Lang): CatalogReading {
  const exponent = currency(settings.currency)?.exponent ?? 2;
  const items = new Map<string, CatalogItem>();
  const problems: CatalogReading['problems'] = [];
  book.rows('catalog').forEach((r, i) => {
    const raw = Object.fromEntries(
      (Object.keys(FIELD_COLUMN) as CatalogProblem['field'][]).map((f) => [f, get('catalog', r, f)]),
    );
    const { item, problems: found } = parseCatalogItem(raw, exponent);
    const id = cellText(raw.id);
    for (const p of found) {
      problems.push({
        itemId: id,
        cell: cellAddress('catalog', FIELD_COLUMN[p.field], i + 2),
        message: describeCatalogProblem(p, lang),
      });
    }
    if (item) items.set(item.id, item);
  });
  return { items, problems };
}

export function readSettings(book: Book): CommunitySettings {
  return parseSettings(book.rows('settings'));
}

export function readPlaces(book: Book): Record<PlaceKind, string[]> {
  const out: Record<PlaceKind, string[]> = { building: [], pickup: [] };
  for (const r of book.rows('places')) {
    const kind = parsePlaceKind(cellText(get('places', r, 'kind')));
    const name = cellText(get('places', r, 'name'));
    if (kind && name && !out[kind].includes(name)) out[kind].push(name);
  }
  return out;
}
