import { EmailData, RoundFacts, renderEmail } from '../../src/core/emails';
import { LANGS } from '../../src/core/i18n/lang';

const round: RoundFacts = {
  title: 'Ноябрь <b>',
  currency: 'RUB',
  timeZone: 'Europe/Moscow',
  deadline: Date.UTC(2026, 10, 25, 15),
  pickupTime: 'сб 10:00',
  pickupPlace: 'Двор',
  paymentInstructions: 'перевод на карту',
};
const evil = '<img src=x onerror=alert(1)>';
const line = { item: 'Рис', unit: 'кг', ordered: 2.5, extra: 1, allocated: 2, lineMinor: 23875, reason: 'queue' as const };

const samples: EmailData[] = [
  {
    kind: 'receipt',
    name: evil,
    lines: [line],
    provisionalMinor: 23875,
    editUrl: 'https://docs.google.com/forms/d/e/x/viewform?edit2=1',
    boxesNotFull: true,
  },
  {
    kind: 'reminder',
    name: evil,
    hasOrdered: false,
    formUrl: 'https://docs.google.com/forms/d/e/x/viewform',
    almostFull: [{ item: 'Масло', missing: 2, unit: 'бут.' }],
  },
  {
    kind: 'finalBill',
    name: evil,
    lines: [line],
    goodsMinor: 19100,
    deliveryMinor: 1500,
    feeMinor: 955,
    creditMinor: 500,
    dueMinor: 21055,
  },
  { kind: 'cancelled', name: evil, reason: 'поставщик отказал', items: ['Рис'] },
  { kind: 'arrived', name: evil, lines: [line], dueMinor: 21055 },
  {
    kind: 'correction',
    name: evil,
    lines: [{ item: 'Рис', unit: 'кг', before: 2.5, after: 2, why: 'меньше привезли' }],
    reasons: [],
    before: { goodsMinor: 23875, deliveryMinor: 1500, feeMinor: 955, totalMinor: 26330 },
    after: { goodsMinor: 19100, deliveryMinor: 1500, feeMinor: 955, totalMinor: 21555 },
    dueMinor: 21555,
  },
  { kind: 'withdrawn', name: evil, editUrl: 'https://docs.google.com/forms/d/e/x/viewform?edit2=y' },
  {
    kind: 'thankYou',
    name: evil,
    figures: { participants: 12, parcels: 11, savingMinor: 4_300_00, pickups: [{ who: evil, parcels: 7 }] },
    feedbackUrl: 'https://forms.gle/abc',
  },
  {
    kind: 'volunteerList',
    name: 'Ольга',
    place: 'Дом 1',
    residents: [{ name: evil, flat: '5', phone: '+7 900', items: ['Рис 2 кг'], dueMinor: 21055, paid: false, hasEmail: false }],
  },
];

describe.each(LANGS)('emails in %s', (lang) => {
  test.each(samples.map((s) => [s.kind, s] as const))(
    '%s: subject names the round, no placeholder left, every value escaped',
    (_kind, data) => {
      const email = renderEmail(data, round, lang);
      expect(email.subject).toContain('Ноябрь <b>');
      for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(/\{\w+\}/);
      expect(email.html).not.toContain('<img');
      expect(email.html).not.toContain('Ноябрь <b>');
      expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(email.text).toContain(evil);
      expect(email.html).toMatch(new RegExp(`<html lang="${lang}">`));
    },
  );
});

test('a final bill shows the breakdown, the credit, how to pay, pickup, and why less was given', () => {
  const bill = renderEmail(samples[2], round, 'ru');
  expect(bill.subject).toBe('Ноябрь <b>: ваш счёт, 210,55\u00a0₽');
  expect(bill.text).toContain('Рис (коробку заполнили более ранние заказы)');
  expect(bill.text).toContain('Переплата с прошлых закупок — −5,00\u00a0₽');
  expect(bill.text).toContain('К оплате 210,55\u00a0₽');
  expect(bill.text).toContain('Как оплатить: перевод на карту');
  expect(bill.text).toContain('Выдача: сб 10:00, Двор.');
});

test('only https links become links', () => {
  const r = renderEmail({ ...samples[0], editUrl: 'javascript:alert(1)' } as EmailData, round, 'en');
  expect(r.html).not.toContain('href="javascript');
});

describe('a receipt says what happened to the order', () => {
  const receipt = samples[0] as Extract<EmailData, { kind: 'receipt' }>;

  test('every line refused: "not accepted", the reasons, the link — no table of nothing at 0.00', () => {
    const r = renderEmail({ ...receipt, lines: [], provisionalMinor: 0, notes: ['Рис: «-3» — не количество.'] }, round, 'ru');
    expect(r.subject).toBe('Ноябрь <b>: заказ не принят');
    expect(r.text).toContain('Ни одну строку вашего заказа не удалось принять');
    expect(r.text).toContain('Рис: «-3» — не количество.');
    expect(r.text).not.toContain('0,00');
    const zh = renderEmail({ ...receipt, lines: [], provisionalMinor: 0, notes: [] }, round, 'zh-CN');
    expect(zh.subject).toBe('Ноябрь <b>：订单未被接受');
  });

  test('an edited order’s receipt says it changed, not "recorded" again', () => {
    expect(renderEmail({ ...receipt, edited: true }, round, 'ru').subject).toBe('Ноябрь <b>: изменения в заказе записаны');
    expect(renderEmail(receipt, round, 'ru').subject).toBe('Ноябрь <b>: ваш заказ записан');
  });
});
