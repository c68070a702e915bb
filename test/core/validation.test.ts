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
    ['6', 'problem.overLimit'],
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
    expect(describeProblem(p, 'ru', items)).toBe('Рис: не больше 5\u00a0кг в одни руки (заказано «6»).');
    expect(describeProblem(p, 'zh-CN', items)).toBe('大米：每人限购5кг（填写了“6”）。');
    expect(describeProblem(p, 'en', items)).toBe('Rice: at most 5\u00a0кг per person ("6" ordered).');
  });
});
