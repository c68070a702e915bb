import fc from 'fast-check';
import { namesMatch } from '../../src/core/payment/names';
import { BillToMatch, matchStatement, readStatement, statementRequestId } from '../../src/core/payment/statement';

const pick = (e: { date: string | null; amountMinor: number | null; payer: string }) => [e.date, e.amountMinor, e.payer];

describe('reading pasted statements', () => {
  test('SBP and bank notifications: amount (not the balance, card or time), payer with initial, message', () => {
    const [sbp, sms, topUp] = readStatement(
      [
        'Перевод по СБП от Анна Петровна И. +1 500 ₽. Сообщение: R12-3-502',
        'СЧЁТ1234 15:04 Перевод 1500р от Борис С. Баланс: 25 000р',
        '20.11.2026 Пополнение по СБП 662,57 ₽ от ИВАНОВ ИВАН ИВАНОВИЧ',
      ],
      'RUB',
    );
    expect([...pick(sbp), sbp.purpose]).toEqual([null, 1500_00, 'Анна Петровна И.', 'R12-3-502']);
    expect(pick(sms)).toEqual([null, 1500_00, 'Борис С.']);
    expect(pick(topUp)).toEqual(['2026-11-20', 662_57, 'ИВАНОВ ИВАН ИВАНОВИЧ']);
  });

  test('WeChat and Alipay 收款 lines', () => {
    const [wechat, named, alipay] = readStatement(
      ['微信支付收款2,862.17元(朋友到店)', '收款 ¥100.00 来自 张三 备注：R12-3-502', '2026年11月20日 支付宝到账100元'],
      'CNY',
    );
    expect(pick(wechat)).toEqual([null, 2862_17, '']);
    expect([...pick(named), named.purpose]).toEqual([null, 100_00, '张三', 'R12-3-502']);
    expect(pick(alipay)).toEqual(['2026-11-20', 100_00, '']);
  });

  test('a Russian bank CSV (split at the edge) with a decimal comma: money in and money out', () => {
    const rows = readStatement(
      [
        ['Дата операции', 'Дата платежа', 'Номер карты', 'Статус', 'Сумма операции', 'Валюта операции', 'Описание'],
        ['20.11.2026 15:04:00', '20.11.2026', '*1234', 'OK', '1 500,00', 'RUB', 'Анна И.'],
        ['21.11.2026 10:00:00', '21.11.2026', '*1234', 'OK', '-300,00', 'RUB', 'Пятёрочка'],
      ],
      'RUB',
    );
    expect(rows.map(pick)).toEqual([
      ['2026-11-20', 1500_00, 'Анна И.'],
      ['2026-11-21', -300_00, 'Пятёрочка'],
    ]);
  });

  test('a business export with debit and credit columns; a WeChat bill with 收/支', () => {
    const [credit, debit] = readStatement(
      [
        ['Дата проводки', 'Сумма по дебету', 'Сумма по кредиту', 'Плательщик', 'Назначение платежа'],
        ['20.11.2026', '', '2862,17', 'Иванова Анна Петровна', 'Оплата R12-3-502'],
        ['21.11.2026', '10000,00', '', 'ООО Поставщик', 'Оплата по счёту 17'],
      ],
      'RUB',
    );
    expect([...pick(credit), credit.purpose]).toEqual(['2026-11-20', 2862_17, 'Иванова Анна Петровна', 'Оплата R12-3-502']);
    expect(debit.amountMinor).toBe(-10000_00);
    const [wx] = readStatement(
      [
        ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态', '备注'],
        ['2026-11-20 10:01:02', '二维码收款', '张三', '二维码收款', '收入', '¥100.00', '/', '已收钱', 'R12-3-502'],
      ],
      'CNY',
    );
    expect(pick(wx)).toEqual(['2026-11-20', 100_00, '张三']);
  });

  test('nothing pasted is dropped: an unreadable line is an entry without an amount; blank lines are skipped', () => {
    const rows = readStatement(['', 'какой-то текст', '   '], 'RUB');
    expect(rows.map((r) => [r.amountMinor, r.raw])).toEqual([[null, 'какой-то текст']]);
  });

  test('fingerprints: the same line pasted again keeps its fingerprint; two identical lines in one paste differ', () => {
    const line = 'Перевод по СБП от Анна Петровна И. +1 500 ₽';
    const first = readStatement([line, line, 'другая строка'], 'RUB').map((e) => e.fingerprint);
    const again = readStatement(['новая строка сверху', line, '  ' + line + ' ', 'другая строка'], 'RUB').map(
      (e) => e.fingerprint,
    );
    expect(new Set(first).size).toBe(3);
    expect(again.slice(1)).toEqual(first);
    expect(statementRequestId({ fingerprint: first[0] })).toBe(`stmt:${first[0]}`);
  });
});

describe('names across alphabets', () => {
  test.each([
    ['Анна Петровна И.', 'Иванова Анна', true],
    ['ANNA IVANOVA', 'Анна Иванова', true],
    ['Yuliya Kh.', 'Юлия Харитонова', true],
    ['Julia', 'Юлия', true],
    ['Анна Петровна С.', 'Иванова Анна', false],
    ['Борис С.', 'Иванова Анна', false],
    ['张三', '张三', true],
    ['*三', '张三', true],
    ['李*', '张三', false],
  ])('%s is %s: %s', (payer, name, same) => {
    expect(namesMatch(payer, name)).toBe(same);
  });
});

describe('matching lines to bills', () => {
  const bills: BillToMatch[] = [
    { orderKey: 'a', reference: 'R12-3-502', name: 'Иванова Анна', dueMinor: 1500_00, totalMinor: 1500_00 },
    { orderKey: 'b', reference: 'R12-3-502B', name: 'Борис Смирнов', dueMinor: 1500_00, totalMinor: 1500_00 },
    { orderKey: 'c', reference: 'R12-5-7', name: 'Вера Кузнецова', dueMinor: 300_00, totalMinor: 800_00 },
  ];
  const match = (lines: string[], recorded?: Set<string>) => matchStatement(readStatement(lines, 'RUB'), bills, recorded);

  test('by reference first; when the amount differs it is offered with that bill, not recorded in one click', () => {
    const [m] = match(['Перевод по СБП от Петр П. +1 000 ₽. Сообщение: r12 3 502b']);
    // The reference names the bill, but 1 000 ₽ is not what it owes: shown with it, for a person to choose.
    expect([m.status, m.why, m.candidates, m.amountDiffers]).toEqual(['ambiguous', 'reference', ['b'], true]);
  });

  test('then by amount and name; the same amount from two people is told apart by the name', () => {
    const [anna, boris] = match(['Перевод по СБП от Анна Петровна И. +1 500 ₽', 'Перевод от БОРИС СМИРНОВ +1 500,00 ₽']);
    expect([anna.status, anna.why, anna.orderKey]).toEqual(['matched', 'amountAndName', 'a']);
    expect([boris.status, boris.orderKey]).toEqual(['matched', 'b']);
  });

  test('the whole bill or what is left both count as the amount', () => {
    expect(match(['Перевод от Вера К. +800 ₽'])[0].orderKey).toBe('c');
    expect(match(['Перевод от Вера К. +300 ₽'])[0].orderKey).toBe('c');
  });

  test('ambiguous: the amount fits two and there is no name; two references; the name fits but not the amount', () => {
    const [noName, twoRefs, nameOnly] = match([
      'Поступление 1 500 ₽',
      'Оплата R12-3-502 и R12-5-7 2 300 ₽',
      'Перевод от Вера К. +555 ₽',
    ]);
    expect([noName.status, noName.why, noName.candidates]).toEqual(['ambiguous', 'amountOnly', ['a', 'b']]);
    expect([twoRefs.status, twoRefs.why, twoRefs.candidates]).toEqual(['ambiguous', 'severalReferences', ['a', 'c']]);
    expect([nameOnly.status, nameOnly.why, nameOnly.candidates]).toEqual(['ambiguous', 'nameOnly', ['c']]);
  });

  test('unknown: nothing fits, money going out, no amount at all', () => {
    expect(match(['Перевод от Глеб Г. +42 ₽', 'Списание -1 500 ₽', 'просто текст']).map((m) => [m.status, m.why])).toEqual([
      ['unknown', 'noMatch'],
      ['unknown', 'outgoing'],
      ['unknown', 'noAmount'],
    ]);
  });

  test('idempotent: dated lines already recorded are recognised when the same statement is pasted again', () => {
    const lines = ['20.11.2026 Перевод по СБП от Анна Петровна И. +1 500 ₽', '20.11.2026 Перевод от БОРИС СМИРНОВ +1 500,00 ₽'];
    const first = match(lines);
    const recorded = new Set(first.filter((m) => m.status === 'matched').map((m) => m.entry.fingerprint));
    expect(match(lines, recorded).map((m) => m.status)).toEqual(['alreadyRecorded', 'alreadyRecorded']);
  });

  test('an undated notification like one recorded before is asked about, and a second payment gets its own request id', () => {
    // Анна pays 1 500 ₽ twice, a week apart; each SBP notification copied from her phone reads the same.
    const line = 'Перевод по СБП от Анна Петровна И. +1 500 ₽';
    const [first] = match([line]);
    expect([first.status, first.requestId]).toEqual(['matched', `stmt:${first.entry.fingerprint}`]);
    const [again] = match([line], new Set([first.entry.fingerprint]));
    expect([again.status, again.why, again.orderKey, again.candidates]).toEqual(['ambiguous', 'looksRecorded', undefined, ['a']]);
    expect(again.requestId).toBe(`stmt:${first.entry.fingerprint}#2`);
    const [third] = match([line], new Set([first.entry.fingerprint, `${first.entry.fingerprint}#2`]));
    expect(third.requestId).toBe(`stmt:${first.entry.fingerprint}#3`);
  });

  test('money out is never a payment in: "Outgoing", "Исходящий", and a direction nobody can read', () => {
    const rows = [
      ['Дата', 'Сумма', 'Тип операции', 'Назначение'],
      ['20.11.2026', '1500', 'Outgoing', 'R12-3-502'],
      ['20.11.2026', '1500', 'Исходящий', 'R12-3-502'],
      ['20.11.2026', '1500', 'Входящий', 'R12-3-502'],
      ['20.11.2026', '1500', '???', 'R12-3-502'],
    ];
    const entries = readStatement(rows, 'RUB');
    expect(entries.map((e) => e.amountMinor)).toEqual([-1500_00, -1500_00, 1500_00, null]);
    // The unreadable one still names its bill, but with no amount it is never a sure match (nor a payment).
    expect(matchStatement(entries, bills).map((m) => m.status)).toEqual(['unknown', 'unknown', 'matched', 'ambiguous']);
  });

  test('property: matching is deterministic and a recorded line never matches again', () => {
    const lineArb = fc.tuple(
      fc.constantFrom('Перевод от Анна И.', 'Поступление', 'Оплата R12-5-7', 'Перевод от Борис С.'),
      fc.constantFrom('+1 500 ₽', '+300 ₽', '+800,00 ₽', '+42 ₽'),
    );
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (raw, confirm) => {
        const lines = raw.map(([a, b]) => `${a} ${b}`);
        const first = match(lines);
        expect(match(lines)).toEqual(first);
        const recorded = new Set(first.filter((_, i) => confirm[i]).map((m) => m.entry.fingerprint));
        // Undated lines: one recorded is never matched (or recorded) again without a person choosing it.
        match(lines, recorded).forEach((m, i) => {
          if (!confirm[i]) return expect(m).toEqual(first[i]);
          expect(m.status).not.toBe('matched');
          expect(m.requestId).not.toBe(first[i].requestId);
        });
      }),
    );
  });
});
