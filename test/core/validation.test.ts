import { describeProblem } from '../../src/core/describe';
import { RawOrderInput, validateOrder } from '../../src/core/validation';
import { MIN, T0, catalogOf, item } from './fixtures';

const items = catalogOf(
  item('rice', {
    name: { default: 'Рис', en: 'Rice', 'zh-CN': '大米' },
    unit: 'кг',
    stepMilli: 500,
    limitSteps: 10,
    boxSteps: 50,
  }),
  item('eggs', { name: { default: 'Яйца' }, unit: 'шт', stockSteps: 30 }),
);
const ctx = { items, deadline: T0 + 60 * MIN, defaultLang: 'ru' as const, buildings: ['1', '2'], pickupPoints: ['Двор'] };
const base: RawOrderInput = {
  name: 'Анна',
  email: 'anna@example.org',
  phone: '+7 (900) 123-45-67',
  building: '1',
  quantities: { rice: '2,5' },
  submittedAt: T0,
};

function keys(raw: Partial<RawOrderInput>) {
  return validateOrder({ ...base, ...raw }, ctx).problems.map((p) => p.key);
}

describe('order validation', () => {
  test('a clean order: quantities in steps, comma decimals, language from the answer', () => {
    const v = validateOrder({ ...base, lang: '中文' }, ctx);
    expect(v.accepted).toBe(true);
    expect(v.problems).toEqual([]);
    expect(v.lines).toEqual([{ itemId: 'rice', steps: 5, extraSteps: 0 }]);
    expect(v.participant.lang).toBe('zh-CN');
  });

  test.each([
    ['-3', 'problem.negative'],
    ['two', 'problem.notANumber'],
    ['1e9', 'problem.tooLarge'],
    [1e9, 'problem.tooLarge'],
    [NaN, 'problem.notANumber'],
    ['0.3', 'problem.notStep'],
  ])('quantity %p is refused as %s and only that line is dropped', (typed, key) => {
    const v = validateOrder({ ...base, quantities: { rice: typed, eggs: 2 } }, ctx);
    expect(v.problems.map((p) => p.key)).toEqual([key]);
    expect(v.accepted).toBe(true);
    expect(v.lines).toEqual([{ itemId: 'eggs', steps: 2, extraSteps: 0 }]);
  });

  test('a missing name and a late submission reject the order', () => {
    expect(validateOrder({ ...base, name: '  ' }, ctx).accepted).toBe(false);
    const late = validateOrder({ ...base, submittedAt: T0 + 61 * MIN }, ctx);
    expect([late.accepted, late.problems.map((p) => p.key)]).toEqual([false, ['problem.late']]);
  });

  test('a bad email or phone is flagged but the order stands, without the bad email', () => {
    const v = validateOrder({ ...base, email: 'anna@', phone: 'call me' }, ctx);
    expect(v.accepted).toBe(true);
    expect(v.participant.email).toBeNull();
    expect(v.problems.map((p) => p.key)).toEqual(['problem.emailInvalid', 'problem.phoneInvalid']);
  });

  test('an offline order needs no email', () => {
    const v = validateOrder({ ...base, email: '', enteredBy: 'volunteer@example.org' }, ctx);
    expect(v.problems).toEqual([]);
    expect(v.participant.enteredBy).toBe('volunteer@example.org');
  });

  test('unknown item, unknown building, over stock: all reported at once', () => {
    expect(keys({ building: '9', quantities: { caviar: 1, eggs: 31 } })).toEqual([
      'problem.buildingUnknown',
      'problem.unknownItem',
      'problem.overStock',
    ]);
  });

  test('every problem at once, not just the first', () => {
    expect(keys({ name: '', email: 'x', quantities: { rice: 'two', eggs: '-1' } })).toHaveLength(4);
  });

  test("messages are in the volunteer's language and name the item", () => {
    const [p] = validateOrder({ ...base, quantities: { rice: '6' } }, ctx).problems;
    expect(describeProblem(p, 'ru', items)).toBe('Рис: заказано «6», оставлено 5\u00a0кг — больше в одни руки нельзя.');
    expect(describeProblem(p, 'zh-CN', items)).toBe('大米：填写了“6”，每人限购5公斤，已按限购数量记录。');
    expect(describeProblem(p, 'en', items)).toBe('Rice: "6" asked; 5\u00a0kg kept, the most one person may take.');
  });
});

describe('limits keep what fits (issue 14: the line used to vanish from the receipt)', () => {
  test('6 kg asked where 5 kg is the limit: 5 kg kept, with a warning the receipt can show', () => {
    const v = validateOrder({ ...base, quantities: { rice: '6', eggs: 2 } }, ctx);
    expect(v.accepted).toBe(true);
    expect(v.lines).toEqual([
      { itemId: 'eggs', steps: 2, extraSteps: 0 },
      { itemId: 'rice', steps: 10, extraSteps: 0 },
    ]);
    expect(v.problems.map((p) => [p.key, p.severity, p.bound])).toEqual([['problem.limitKept', 'warning', 5]]);
  });

  test('the limit ordered and "I\'d take more" ticked: the order stands, the extra is cut to the limit', () => {
    const v = validateOrder({ ...base, quantities: { rice: '4' }, extras: { rice: '2' } }, ctx);
    expect(v.lines).toEqual([{ itemId: 'rice', steps: 8, extraSteps: 2 }]);
    expect(v.problems.map((p) => [p.key, p.field])).toEqual([['problem.extraLimitKept', 'extra']]);
    const atLimit = validateOrder({ ...base, quantities: { rice: '5' }, extras: { rice: '1' } }, ctx);
    expect(atLimit.lines).toEqual([{ itemId: 'rice', steps: 10, extraSteps: 0 }]);
  });

  test('within the limit nothing is said', () => {
    expect(keys({ quantities: { rice: '4' }, extras: { rice: '1' } })).toEqual([]);
  });
});

describe('a blank response is not an order', () => {
  test('every quantity blank or zero: outcome notAnOrder, with its own problem', () => {
    const v = validateOrder({ ...base, quantities: { rice: '', eggs: '0' }, extras: { rice: '' } }, ctx);
    expect([v.accepted, v.outcome, v.lines]).toEqual([true, 'notAnOrder', []]);
    expect(v.problems.map((p) => p.key)).toEqual(['problem.emptyOrder']);
  });

  test('a quantity typed wrong is an order with a problem, not a blank one', () => {
    const v = validateOrder({ ...base, quantities: { rice: 'two' } }, ctx);
    expect(v.outcome).toBe('order');
  });

  test('a late blank response is rejected, not "not an order"', () => {
    expect(validateOrder({ ...base, quantities: {}, submittedAt: T0 + 61 * MIN }, ctx).outcome).toBe('rejected');
  });
});

describe('extras on loose items', () => {
  const loose = catalogOf(item('flour', { unit: 'кг', minimumSteps: 20 }), item('salt', { unit: 'кг' }));
  const looseCtx = { ...ctx, items: loose };

  test('with a minimum total, "extra to reach the minimum" counts as it does for boxes', () => {
    const v = validateOrder({ ...base, quantities: { flour: 5 }, extras: { flour: 3 } }, looseCtx);
    expect(v.lines).toEqual([{ itemId: 'flour', steps: 5, extraSteps: 3 }]);
    expect(v.problems).toEqual([]);
  });

  test('without a minimum an extra means nothing and is ignored, with a note', () => {
    const v = validateOrder({ ...base, quantities: { salt: 1 }, extras: { salt: 2 } }, looseCtx);
    expect(v.lines).toEqual([{ itemId: 'salt', steps: 1, extraSteps: 0 }]);
    expect(v.problems.map((p) => p.key)).toEqual(['problem.extraWithoutBox']);
  });
});
