import { CatalogItem } from '../../src/core/catalog';
import { Order, Participant, reviseOrder } from '../../src/core/orders';

export const T0 = Date.UTC(2026, 10, 20, 9, 0);
export const MIN = 60_000;

export function item(id: string, overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id,
    name: { default: id },
    unit: 'pcs',
    priceMinor: 100_00,
    stepMilli: 1000,
    boxSteps: 1,
    minimumSteps: 0,
    limitSteps: null,
    stockSteps: null,
    retailMinor: null,
    supplier: 'Supplier',
    supplierCode: '',
    ...overrides,
  };
}

export function participant(name: string, overrides: Partial<Participant> = {}): Participant {
  return {
    name,
    email: `${name.toLowerCase()}@example.org`,
    phone: '',
    building: '1',
    flat: '',
    pickupPoint: '',
    lang: 'ru',
    enteredBy: null,
    ...overrides,
  };
}

/** An order placed at T0 + `minute` minutes; lines are [itemId, quantity steps, extra steps]. */
export function order(key: string, minute: number, lines: [string, number, number?][], who: Partial<Participant> = {}): Order {
  return reviseOrder(undefined, {
    key,
    source: 'form',
    participant: participant(key, who),
    lines: lines.map(([itemId, steps, extraSteps = 0]) => ({ itemId, steps, extraSteps })),
    submittedAt: T0 + minute * MIN,
    revision: 1,
    comment: '',
  });
}

export function catalogOf(...items: CatalogItem[]): Map<string, CatalogItem> {
  return new Map(items.map((i) => [i.id, i]));
}
