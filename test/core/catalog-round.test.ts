import { parseCatalogItem } from '../../src/core/catalog';
import { acceptsOrdersAt, canTransition, legalNextStates, transition, Round } from '../../src/core/round';
import { T0 } from './fixtures';

describe('a catalog row typed by the coordinator', () => {
  test('becomes an item with quantities in steps and money in minor units', () => {
    const { item, problems } = parseCatalogItem(
      {
        id: 'SUG',
        name: 'Сахар',
        nameZh: '白糖',
        unit: 'кг',
        price: '79,90',
        step: '0,5',
        box: 25,
        minimum: '50',
        limit: 10,
        retail: 95,
        supplier: 'Опт',
      },
      2,
    );
    expect(problems).toEqual([]);
    expect(item).toMatchObject({
      priceMinor: 7990,
      stepMilli: 500,
      boxSteps: 50,
      minimumSteps: 100,
      limitSteps: 20,
      retailMinor: 9500,
      stockSteps: null,
    });
    expect(item?.name).toEqual({ default: 'Сахар', 'zh-CN': '白糖' });
  });

  test('every bad cell is named, so the add-on can point at it', () => {
    const { item, problems } = parseCatalogItem({ id: '', name: '', price: 'дёшево', box: '2.5', minimum: -1 }, 2);
    expect(item).toBeUndefined();
    expect(problems.map((p) => [p.field, p.key])).toEqual([
      ['id', 'catalog.idMissing'],
      ['name', 'catalog.nameMissing'],
      ['unit', 'catalog.unitMissing'],
      ['price', 'catalog.priceInvalid'],
      ['box', 'catalog.boxInvalid'],
      ['minimum', 'catalog.quantityInvalid'],
    ]);
  });

  test('a step that is not a positive decimal is refused', () => {
    expect(parseCatalogItem({ id: 'x', name: 'x', unit: 'kg', price: 1, step: 0 }, 2).problems[0].key).toBe(
      'catalog.stepInvalid',
    );
  });
});

describe('round lifecycle', () => {
  const round: Round = {
    id: 'R1',
    title: 'Ноябрь',
    deadline: T0,
    pickupTime: '',
    pickupPoints: [],
    itemIds: [],
    deliveryMinor: 0,
    deliverySplit: 'equal',
    feeBasisPoints: 0,
    rounding: 'halfUp',
    currency: 'RUB',
    state: 'draft',
  };

  test('draft → open → closed → ordered → arrived → distributed → settled', () => {
    let r = round;
    for (const next of ['open', 'closed', 'ordered', 'arrived', 'distributed', 'settled'] as const) {
      const result = transition(r, next);
      if (!result.ok) throw new Error(`${r.state} → ${next}`);
      r = result.round;
    }
    expect(r.state).toBe('settled');
    expect(legalNextStates('settled')).toEqual([]);
  });

  test('illegal moves are refused with a reason; extending the deadline may reopen a closed round', () => {
    expect(transition(round, 'arrived')).toEqual({ ok: false, key: 'round.illegalTransition', from: 'draft', to: 'arrived' });
    expect(canTransition('closed', 'open')).toBe(true);
    expect(canTransition('cancelled', 'open')).toBe(false);
    expect(canTransition('distributed', 'cancelled')).toBe(false);
  });

  test('orders count only while open and before the stop', () => {
    const open = { ...round, state: 'open' as const };
    expect([acceptsOrdersAt(open, T0), acceptsOrdersAt(open, T0 + 1), acceptsOrdersAt(round, T0 - 1)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
