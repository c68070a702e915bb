import { CatalogItem } from '../src/core/catalog';
import { Order, reviseOrder } from '../src/core/orders';

/** A deterministic generator so every bench run measures the same community. */
export function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BUILDINGS = ['1', '2', '3', '4', '5', '6', '7', '8'];

/** 60 items: a third loose, a third in boxes of 6–24, a third by weight in 0.5 kg steps; some minimums. */
export function benchCatalog(count = 60): CatalogItem[] {
  const r = rng(7);
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 3;
    return {
      id: `I${String(i).padStart(2, '0')}`,
      name: { default: `Item ${i}` },
      unit: kind === 2 ? 'kg' : 'pcs',
      priceMinor: 30_00 + Math.floor(r() * 500_00),
      stepMilli: kind === 2 ? 500 : 1000,
      boxSteps: kind === 1 ? [6, 10, 12, 24][i % 4] : kind === 2 ? 50 : 1,
      minimumSteps: i % 5 === 0 ? 20 : 0,
      limitSteps: null,
      stockSteps: i % 7 === 0 ? 2000 : null,
      retailMinor: i % 2 ? 40_00 + Math.floor(r() * 600_00) : null,
      supplier: i % 2 ? 'Wholesale' : 'Farm',
      supplierCode: `S-${i}`,
    };
  });
}

/** `n` orders of 3–12 lines each, spread over buildings and two days of submissions. */
export function benchOrders(n: number, items: CatalogItem[], seed = 11): Order[] {
  const r = rng(seed);
  const t0 = Date.UTC(2026, 10, 20, 9, 0);
  return Array.from({ length: n }, (_, k) => {
    const lineCount = 3 + Math.floor(r() * 10);
    const picked = new Set<number>();
    while (picked.size < lineCount) picked.add(Math.floor(r() * items.length));
    return reviseOrder(undefined, {
      key: `form:${k}`,
      source: 'form',
      participant: {
        name: `Resident ${k}`,
        email: `r${k}@example.org`,
        phone: '',
        building: BUILDINGS[k % BUILDINGS.length],
        flat: String(1 + (k % 120)),
        pickupPoint: k % 2 ? 'Yard' : 'School',
        lang: (['ru', 'zh-CN', 'en'] as const)[k % 3],
        enteredBy: null,
      },
      lines: [...picked].map((i) => ({
        itemId: items[i].id,
        steps: 1 + Math.floor(r() * (items[i].stepMilli === 500 ? 10 : 4)),
        extraSteps: r() < 0.3 ? 1 + Math.floor(r() * 3) : 0,
      })),
      submittedAt: t0 + Math.floor(r() * 48 * 3600_000),
      revision: 1,
      comment: '',
    });
  });
}
