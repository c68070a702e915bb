import { formatMoney } from '../../src/core/i18n/format';
import { Lang } from '../../src/core/i18n/lang';
import { Community, HOUR, NOW, openCommunity, submit, typeRows, yes } from '../harness/community';
import { readQrGif } from '../harness/qr';
import { cell, rowWhere, sheetValues } from '../harness/sheets';

/**
 * Money to the last step, through the built bundle on the emulator, asserting what people see: sheet
 * cells, email texts, the QR code a phone would scan.
 */
interface Person {
  orderKey: string;
  name: string;
  flat: string;
  reference: string;
  dueMinor: number;
  paidMinor: number;
  balanceMinor: number;
}
const people = (c: Community, roundId = c.roundId) =>
  c.ws.run<{ participants: Person[] }>('participantsScreen', [roundId]).participants;
const person = (c: Community, name: string, roundId = c.roundId) => people(c, roundId).find((p) => p.name === name)!;
const pay = (c: Community, p: Person, amount: string, requestId: string, roundId = c.roundId) =>
  c.ws.run('recordPayment', [{ roundId, orderKey: p.orderKey, amount, method: 'перевод', requestId }]);

const PAYEE = {
  payeeName: 'Иванова Анна Петровна',
  payeeAccount: '40702810000000011692',
  payeeBankName: 'БАНК ГПБ (АО)',
  payeeBic: '044525823',
  payeeCorrespAccount: '30101810200000000823',
};

describe('amounts as people type them (the payment box, refunds, money paid out, a round’s delivery)', () => {
  test('an amount copied from a bill in Russian, Chinese or English is read to the kopeck', () => {
    const c = openCommunity();
    submit(c, { name: 'Анна', items: { EGGS: '2' } });
    submit(c, { name: 'Борис', items: { EGGS: '1' } });
    submit(c, { name: 'Вера', items: { EGGS: '3' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    const langs: [string, Lang][] = [
      ['Анна', 'ru'],
      ['Борис', 'zh-CN'],
      ['Вера', 'en'],
    ];
    for (const [name, lang] of langs) {
      const p = person(c, name);
      // "1 120,00 ₽" (NBSP), "₽1,120.00", as each reader's bill shows it.
      pay(c, p, formatMoney(p.dueMinor, 'RUB', lang), `pay-${name}`);
      expect([name, person(c, name).balanceMinor]).toEqual([name, 0]);
    }
  });

  test("another currency's sign is refused in the reader's words, and nothing is recorded", () => {
    const c = openCommunity();
    submit(c, { name: 'Анна', items: { EGGS: '2' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    const anna = person(c, 'Анна');
    expect(() => pay(c, anna, '$5', 'x')).toThrow('«$5» — валюта: доллары США ($). Валюта закупки: рубли (₽).');
    expect(() => pay(c, anna, '0', 'y')).toThrow('«0» — не сумма денег.');
    expect(person(c, 'Анна').paidMinor).toBe(0);
  });

  test('a yuan community: "2,862.17" and "¥100" are payments, as its bills print them', () => {
    const c = openCommunity({ settings: { currency: 'CNY' } });
    submit(c, { name: 'Li Wei', lang: '中文', items: { EGGS: '2' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    const li = person(c, 'Li Wei');
    pay(c, li, '¥100', 'a');
    pay(c, li, '2,862.17', 'b');
    expect(person(c, 'Li Wei').paidMinor).toBe(100_00 + 2862_17);
  });

  test('the delivery cost of a new round as typed: "1 500,50 ₽"', () => {
    const c = openCommunity();
    const r = c.ws.run<{ id: string }>('createRound', [
      { title: 'Декабрь', deadline: new Date(NOW + 50 * HOUR).toISOString(), itemIds: ['EGGS'], delivery: '1 500,50 ₽' },
    ]);
    expect(cell('rounds', rowWhere(c.ws, 'Закупки', 'rounds', 'id', r.id), 'delivery')).toBe(1500.5);
    expect(() =>
      c.ws.run('createRound', [
        { title: 'Х', deadline: new Date(NOW + 50 * HOUR).toISOString(), itemIds: ['EGGS'], delivery: '€12' },
      ]),
    ).toThrow('«€12» — валюта: евро (€). Валюта закупки: рубли (₽).');
  });
});

describe('payment references', () => {
  const c = openCommunity();
  typeRows(c.ws, 'Волонтёры', [['v1@example.org', 'Ольга', 'волонтёр', 'Дом 1']]);
  const anna = submit(c, { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', flat: '5', items: { EGGS: '2' } });
  c.ws.clock.advance(60_000);
  submit(c, { name: 'Борис', email: 'boris@example.org', building: 'Дом 1', flat: '5', items: { EGGS: '1' } });
  submit(c, { name: 'Вера', email: 'vera@example.org', building: 'Дом 2', items: { EGGS: '1' } });
  yes(c.ws, 'closeRound', [c.roundId]);

  test('one per participant, told apart within a flat, on the participants screen and the Bills sheet', () => {
    const refs = Object.fromEntries(people(c).map((p) => [p.name, p.reference]));
    expect(refs).toEqual({ Анна: 'R1-1-5', Борис: 'R1-1-5B', Вера: 'R1-2-0' });
    const bills = sheetValues(c.ws, 'R1 · Счета').slice(1);
    expect(Object.fromEntries(bills.map((r) => [cell('bills', r, 'name'), cell('bills', r, 'reference')]))).toEqual(refs);
  });

  test('in the bill email, the distribution list and the volunteer’s email', () => {
    c.ws.run('sendQueuedEmails');
    const bill = c.ws.mail.sent.find((m) => m.to === 'anna@example.org' && m.subject.includes('ваш счёт'))!;
    expect(bill.body).toContain('Назначение платежа: R1-1-5');
    c.ws.run('distributionLists', [c.roundId]);
    expect(sheetValues(c.ws, 'R1 · Выдача').flat()).toContain('R1-1-5B');
    c.ws.run('sendVolunteerLists', [c.roundId]);
    c.ws.run('sendQueuedEmails');
    const list = c.ws.mail.sent.find((m) => m.to === 'v1@example.org')!;
    // One card per resident: Борис's card ends with his reference.
    expect(list.body).toMatch(/• Борис[^•]*Назначение: R1-1-5B/);
  });

  test('stable once printed: a reopened round keeps it although the flat was corrected', () => {
    yes(c.ws, 'extendDeadline', [c.roundId, new Date(NOW + 72 * HOUR).toISOString()]);
    if (!anna.ok) throw new Error('no response');
    submit(
      c,
      { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', flat: '7', items: { EGGS: '2' } },
      { edit: anna.responseId },
    );
    yes(c.ws, 'closeRound', [c.roundId]);
    expect(person(c, 'Анна')).toMatchObject({ flat: '7', reference: 'R1-1-5' });
  });
});

describe('the payment QR code in the bill, as an inline image', () => {
  test('roubles: the ГОСТ Р 56042-2014 payload a phone reads back is exactly the bill: payee, sum, reference', () => {
    const c = openCommunity({ settings: PAYEE });
    submit(c, { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', flat: '5', items: { EGGS: '2' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    const due = person(c, 'Анна').dueMinor;
    const payload =
      'ST00012|Name=Иванова Анна Петровна|PersonalAcc=40702810000000011692|BankName=БАНК ГПБ (АО)|BIC=044525823' +
      `|CorrespAcc=30101810200000000823|Sum=${due}|Purpose=R1-1-5 Ноябрь`;
    // The outbox keeps what to draw, not the image.
    const row = sheetValues(c.ws, 'Письма').find((r) => cell('outbox', r, 'kind') === 'итоговый счёт')!;
    expect(cell('outbox', row, 'qr')).toBe(payload);
    c.ws.run('sendQueuedEmails');
    c.ws.run('sendQueuedEmails');
    const bills = c.ws.mail.sent.filter((m) => m.subject.includes('ваш счёт'));
    expect(bills).toHaveLength(1);
    const [bill] = bills;
    expect(bill.htmlBody).toContain('<img src="cid:payqr"');
    expect(bill.htmlBody).not.toMatch(/data:image|https?:\/\/[^"]*\.(gif|png)/);
    const image = bill.inlineImages!.payqr;
    expect([image.name, image.contentType]).toEqual(['payment-qr.gif', 'image/gif']);
    expect(readQrGif(image.bytes)).toBe(payload);
    expect(bill.body).toContain(
      `Отсканируйте код в приложении банка, чтобы оплатить ${formatMoney(due, 'RUB', 'ru')}: реквизиты и назначение заполнятся сами.`,
    );
  });

  test('yuan: the coordinator’s own receive code, with the amount and reference written beside it', () => {
    const c = openCommunity({ settings: { currency: 'CNY', receiveCode: 'wxp://f2f0abc' } });
    submit(c, { name: 'Li Wei', email: 'li@example.org', lang: '中文', building: 'Дом 3', flat: '1201', items: { EGGS: '2' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    c.ws.run('sendQueuedEmails');
    const bill = c.ws.mail.sent.find((m) => m.subject.includes('账单'))!;
    expect(readQrGif(bill.inlineImages!.payqr.bytes)).toBe('wxp://f2f0abc');
    const due = formatMoney(person(c, 'Li Wei').dueMinor, 'CNY', 'zh-CN');
    expect(bill.body).toContain(`扫码支付${due}，并在备注中填写R1-3-1201。`);
  });

  test('bank details with a typo are refused in Settings, the field named; no bill ever carries a bad code', () => {
    const c = openCommunity();
    expect(() => c.ws.run('saveSettings', [{ settings: { ...PAYEE, payeeBic: '0445' } }])).toThrow(
      'БИК банка: БИК должен состоять из 9 цифр («0445»).',
    );
    expect(() => c.ws.run('saveSettings', [{ settings: { ...PAYEE, payeeAccount: '40702810000000011693' } }])).toThrow(
      /^Расчётный счёт: /,
    );
    // A receive code pasted as a whole page cannot be drawn: refused here, not at every bill's sending.
    expect(() => c.ws.run('saveSettings', [{ settings: { receiveCode: `wxp://${'f'.repeat(3000)}` } }])).toThrow(
      'слишком длинный для QR-кода',
    );
    // Saved right, each new setting has its row and its note in the Settings sheet, the account exact.
    c.ws.run('saveSettings', [{ settings: PAYEE }]);
    const bic = rowWhere(c.ws, 'Настройки', 'settings', 'key', 'БИК банка');
    expect([cell('settings', bic, 'value'), cell('settings', bic, 'note')]).toEqual(['044525823', 'БИК банка (9 цифр)']);
    expect(cell('settings', rowWhere(c.ws, 'Настройки', 'settings', 'key', 'Расчётный счёт'), 'value')).toBe(
      '40702810000000011692',
    );
  });
});

describe('statement matching', () => {
  const c = openCommunity();
  submit(c, { name: 'Анна Иванова', building: 'Дом 1', flat: '5', items: { EGGS: '2' } });
  submit(c, { name: 'Борис Петров', building: 'Дом 2', flat: '8', items: { EGGS: '1' } });
  submit(c, { name: 'Вера Смирнова', building: 'Дом 3', flat: '1', items: { EGGS: '1' } });
  submit(c, { name: 'Галина', building: 'Дом 3', flat: '2', items: { EGGS: '3' } });
  yes(c.ws, 'closeRound', [c.roundId]);
  const due = (name: string) => formatMoney(person(c, name).dueMinor, 'RUB', 'ru').replace('\u00a0₽', '');
  const csv = [
    'Дата операции;Сумма;Плательщик;Назначение платежа',
    `20.11.2026;${due('Анна Иванова')};ИВАНОВА АННА;Оплата R1-1-5 закупка`,
    `20.11.2026;${due('Борис Петров')};;Перевод`,
    '21.11.2026;-5 000,00;;Списание',
  ].join('\r\n');
  interface Review {
    lines: {
      fingerprint: string;
      status: string;
      why: string;
      orderKey: string;
      candidates: { name: string; orderKey: string }[];
    }[];
  }
  const read = (text: string) => c.ws.run<Review>('matchStatementLines', [{ text }], { user: c.ws.owner });

  test('a pasted CSV Apps Script cannot parse (a stray quote) is still read, line by line, not an error', () => {
    const r = read('Дата;Сумма;Назначение\n20.11.2026;1 500,00;"R1-1-5 за ноябрь');
    expect(r.lines.length).toBeGreaterThan(0);
    expect(r.lines.some((l) => l.why.includes('R1-1-5'))).toBe(true);
  });

  test('a bank CSV: by reference, ambiguous by amount with the candidates, money going out', () => {
    const r = read(csv);
    expect(r.lines.map((l) => l.status)).toEqual(['matched', 'ambiguous', 'unknown']);
    expect(r.lines[0].why).toBe('В назначении платежа есть код R1-1-5.');
    expect(r.lines[1].candidates.map((x) => x.name)).toEqual(['Борис Петров', 'Вера Смирнова']);
  });

  test('a line confirmed once is a payment once, however often the statement is pasted', () => {
    const r = read(csv);
    const vera = r.lines[1].candidates.find((x) => x.name === 'Вера Смирнова')!;
    const confirmed = [
      { fingerprint: r.lines[0].fingerprint, orderKey: r.lines[0].orderKey },
      { fingerprint: r.lines[1].fingerprint, orderKey: vera.orderKey },
    ];
    expect(c.ws.run('recordStatementPayments', [{ text: csv, confirmed }])).toEqual({ recorded: 2, skipped: 0 });
    expect(person(c, 'Анна Иванова').balanceMinor).toBe(0);
    expect(person(c, 'Вера Смирнова').balanceMinor).toBe(0);
    expect(read(csv).lines.map((l) => l.status)).toEqual(['alreadyRecorded', 'alreadyRecorded', 'unknown']);
    expect(c.ws.run('recordStatementPayments', [{ text: csv, confirmed }])).toEqual({ recorded: 0, skipped: 2 });
    const journal = sheetValues(c.ws, 'Касса').filter((row) => String(cell('journal', row, 'requestId')).startsWith('stmt:'));
    expect(journal).toHaveLength(2);
  });

  test('the same line twice in one paste is two payments (two transfers), each recorded once', () => {
    const twice = `${csv.split('\r\n')[0]}\r\n20.11.2026;100,00;;R1-3-2\r\n20.11.2026;100,00;;R1-3-2`;
    const r = read(twice);
    // 100 ₽ is not what Галина owes: each line is offered with her bill (by its reference) for a person to choose.
    expect(r.lines.map((l) => [l.status, l.candidates.map((x) => x.name)])).toEqual([
      ['ambiguous', ['Галина']],
      ['ambiguous', ['Галина']],
    ]);
    expect(r.lines[0].fingerprint).not.toBe(r.lines[1].fingerprint);
    const confirmed = r.lines.map((l) => ({ fingerprint: l.fingerprint, orderKey: l.candidates[0].orderKey }));
    c.ws.run('recordStatementPayments', [{ text: twice, confirmed }]);
    c.ws.run('recordStatementPayments', [{ text: twice, confirmed }]);
    expect(person(c, 'Галина').paidMinor).toBe(200_00);
  });

  test('SBP notifications pasted as text: amount and name', () => {
    const g = person(c, 'Галина');
    const text = `Перевод по СБП от Галина +${formatMoney(g.balanceMinor, 'RUB', 'ru')}. Сообщение: за яйца`;
    const [line] = read(text).lines;
    expect([line.status, line.orderKey]).toEqual(['matched', g.orderKey]);
  });

  test('only the finance volunteer and coordinators may match statements', () => {
    typeRows(c.ws, 'Волонтёры', [['v1@example.org', 'Ольга', 'волонтёр', 'Дом 1']]);
    c.ws.session.locales.set('v1@example.org', 'ru_RU');
    expect(() => c.ws.run('matchStatementLines', [{ text: csv }], { user: 'v1@example.org' })).toThrow(
      'Это может сделать только организатор или казначей.',
    );
  });
});

describe('money out, settling and purging: destructive steps confirm on the server', () => {
  const c = openCommunity({ settings: { feePercent: '5' } });
  typeRows(c.ws, 'Волонтёры', [
    ['v1@example.org', 'Ольга', 'волонтёр', 'Дом 1'],
    ['fin@example.org', 'Ирина', 'казначей', ''],
  ]);
  c.ws.session.locales.set('v1@example.org', 'ru_RU');
  submit(c, { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', items: { EGGS: '2' } });
  submit(c, { name: 'Борис', email: 'boris@example.org', building: 'Дом 1', items: { EGGS: '1' } });
  yes(c.ws, 'closeRound', [c.roundId]);
  c.ws.run('supplierOrder', [c.roundId]);
  yes(c.ws, 'recordReceipt', [c.roundId, {}]);
  const fin = { user: 'fin@example.org' };
  const money = () => c.ws.run<{ ledger: Record<string, number>; state: string }>('moneyScreen', [c.roundId], fin);

  test('supplier, delivery and fee paid out, typed as the treasurer types them, in the Journal and the Ledger', () => {
    const l = money().ledger;
    const typed = (m: number) => formatMoney(m, 'RUB', 'ru');
    c.ws.run('recordSupplierPayment', [{ roundId: c.roundId, amount: typed(l.goodsMinor), requestId: 's' }], fin);
    c.ws.run('recordDeliveryPayment', [{ roundId: c.roundId, amount: typed(l.deliveryMinor), requestId: 'd' }], fin);
    c.ws.run('recordFeePayout', [{ roundId: c.roundId, amount: typed(l.feeMinor), note: 'оргсбор Ирине', requestId: 'f' }], fin);
    c.ws.run('recordFeePayout', [{ roundId: c.roundId, amount: typed(l.feeMinor), requestId: 'f' }], fin); // double click
    const kinds = sheetValues(c.ws, 'Касса')
      .slice(1)
      .map((r) => cell('journal', r, 'kind'));
    // In the Journal's own words (its dropdown), never the add-on's codes.
    expect(kinds).toEqual(['оплата поставщику', 'оплата доставки', 'оргсбор выплачен']);
    const line = rowWhere(c.ws, 'Ведомость', 'ledger', 'round', 'R1');
    expect([cell('ledger', line, 'deliveryPaid'), cell('ledger', line, 'feePaid')]).toEqual([
      l.deliveryMinor / 100,
      l.feeMinor / 100,
    ]);
    expect(() =>
      c.ws.run('recordDeliveryPayment', [{ roundId: c.roundId, amount: '1', requestId: 'v' }], { user: 'v1@example.org' }),
    ).toThrow('Это может сделать только организатор или казначей.');
  });

  test('settling: first what becomes credit, nothing changed; then it is done', () => {
    const anna = person(c, 'Анна');
    pay(c, anna, formatMoney(anna.dueMinor + 50_00, 'RUB', 'ru'), 'a');
    pay(c, person(c, 'Борис'), formatMoney(person(c, 'Борис').dueMinor, 'RUB', 'ru'), 'b');
    const plan = c.ws.run<{ done: boolean; creditPeople: number; creditMinor: number }>('settleRound', [c.roundId], fin);
    expect(plan).toMatchObject({ done: false, creditPeople: 1, creditMinor: 50_00 });
    expect(money().state).toBe('arrived');
    const done = c.ws.run<{ done: boolean; ledger: Record<string, number> }>(
      'settleRound',
      [c.roundId, (plan as unknown as { confirm: { token: string } }).confirm.token],
      fin,
    );
    expect(done.done).toBe(true);
    expect(done.ledger.creditOutMinor).toBe(50_00);
    expect(done.ledger.balanceMinor).toBe(0);
    expect(money().state).toBe('settled');
    // Final: a late payment or refund would leave its carried credit wrong, so it is refused, with what to do.
    expect(() => pay(c, person(c, 'Борис'), '10', 'late')).toThrow(
      'Закупка «Ноябрь» уже рассчитана: в неё больше ничего не записывается.',
    );
  });

  test('purging: first what will be erased and for how many people, nothing changed; then it is erased', () => {
    const plan = c.ws.run<{ done: boolean; people: number; withEmail: number }>('purgePersonalData', [c.roundId]);
    expect(plan).toMatchObject({ done: false, people: 2, withEmail: 2 });
    expect(sheetValues(c.ws, 'Заказы').flat()).toContain('Анна');
    yes(c.ws, 'purgePersonalData', [c.roundId]);
    expect(sheetValues(c.ws, 'Заказы').flat()).not.toContain('Анна');
    expect(people(c).map((p) => p.reference)).toEqual(['', '']);
  });

  test("after the purge Анна's credit still reaches her next bill, without her address in the Journal; spent, it stays spent", () => {
    expect(sheetValues(c.ws, 'Касса').flat().join(' ')).not.toContain('anna@example.org');
    const next = (title: string) => {
      const r = c.ws.run<{ id: string }>('createRound', [
        { title, deadline: new Date(c.ws.clock.now() + 24 * HOUR).toISOString(), itemIds: ['EGGS'], delivery: '300' },
      ]);
      c.ws.run('openRound', [r.id]);
      c.ws.run('saveOfflineOrder', [{ roundId: r.id, name: 'Анна', email: 'anna@example.org', quantities: { EGGS: '1' } }]);
      yes(c.ws, 'closeRound', [r.id]);
      return r.id;
    };
    const creditUsed = (roundId: string) =>
      sheetValues(c.ws, 'Касса')
        .slice(1)
        .filter((r) => cell('journal', r, 'round') === roundId && cell('journal', r, 'kind') === 'зачёт переплаты')
        .reduce((sum, r) => sum + Number(cell('journal', r, 'amount')), 0);
    const r2 = next('Декабрь');
    expect(creditUsed(r2)).toBe(50);
    // The December round is paid, handed out, settled and purged too; in January the credit is gone.
    c.ws.run('supplierOrder', [r2]);
    yes(c.ws, 'recordReceipt', [r2, {}]);
    yes(c.ws, 'settleRound', [r2]);
    yes(c.ws, 'purgePersonalData', [r2]);
    const r3 = next('Январь');
    expect(creditUsed(r3)).toBe(0);
  });
});

describe('the Ledger sheet over three rounds settles', () => {
  test('credit carried out of one round and into the next is counted once; cash on hand = the rounds’ balances', () => {
    const c = openCommunity({ settings: { feePercent: '5' } });
    const settleAll = (roundId: string) => {
      const l = c.ws.run<{ ledger: Record<string, number> }>('moneyScreen', [roundId]).ledger;
      const out = (fn: string, m: number, id: string) =>
        m > 0 && c.ws.run(fn, [{ roundId, amount: formatMoney(m, 'RUB', 'ru'), requestId: `${id}-${roundId}` }]);
      out('recordSupplierPayment', l.goodsMinor, 's');
      out('recordDeliveryPayment', l.deliveryMinor, 'd');
      out('recordFeePayout', l.feeMinor, 'f');
      c.ws.run('supplierOrder', [roundId]);
      yes(c.ws, 'recordReceipt', [roundId, {}]);
      yes(c.ws, 'settleRound', [roundId]);
    };
    const newRound = (title: string) => {
      const r = c.ws.run<{ id: string }>('createRound', [
        { title, deadline: new Date(c.ws.clock.now() + 24 * HOUR).toISOString(), itemIds: ['EGGS'], delivery: '300' },
      ]);
      c.ws.run('openRound', [r.id]);
      return r.id;
    };
    const order = (roundId: string, name: string, eggs: string) =>
      c.ws.run('saveOfflineOrder', [
        { roundId, name, email: `${name === 'Анна' ? 'anna' : 'boris'}@example.org`, quantities: { EGGS: eggs } },
      ]);

    // Round 1: Anna overpays 100 ₽; everything is paid out; settled.
    order('R1', 'Анна', '1');
    order('R1', 'Борис', '2');
    yes(c.ws, 'closeRound', ['R1']);
    pay(c, person(c, 'Анна'), formatMoney(person(c, 'Анна').dueMinor + 100_00, 'RUB', 'ru'), 'a1');
    pay(c, person(c, 'Борис'), formatMoney(person(c, 'Борис').dueMinor, 'RUB', 'ru'), 'b1');
    settleAll('R1');
    // Round 2: Anna's bill takes the 100 ₽ credit; she pays the rest; settled.
    const r2 = newRound('Декабрь');
    order(r2, 'Анна', '3');
    yes(c.ws, 'closeRound', [r2]);
    const anna2 = person(c, 'Анна', r2);
    expect(anna2.paidMinor).toBe(100_00);
    pay(c, anna2, formatMoney(anna2.balanceMinor, 'RUB', 'ru'), 'a2', r2);
    settleAll(r2);
    // Round 3: open bills, half paid, nothing paid out yet.
    const r3 = newRound('Январь');
    order(r3, 'Борис', '2');
    yes(c.ws, 'closeRound', [r3]);
    const boris3 = person(c, 'Борис', r3);
    pay(c, boris3, formatMoney(Math.floor(boris3.dueMinor / 2), 'RUB', 'ru'), 'b3', r3);

    const sheet = sheetValues(c.ws, 'Ведомость');
    const line = (id: string) => sheet.find((r) => cell('ledger', r, 'round') === id)!;
    const kop = (v: unknown) => Math.round(Number(v || 0) * 100);
    const [one, two, three] = ['R1', r2, r3].map(line);
    expect([kop(cell('ledger', one, 'creditOut')), kop(cell('ledger', one, 'balance'))]).toEqual([100_00, 0]);
    expect([kop(cell('ledger', two, 'credit')), kop(cell('ledger', two, 'balance'))]).toEqual([100_00, 0]);
    expect(kop(cell('ledger', three, 'balance'))).toBe(Math.floor(boris3.dueMinor / 2));
    const community = sheet.find((r) => cell('ledger', r, 'title') === 'Сообщество, все закупки вместе')!;
    const rows = [one, two, three];
    const sum = (col: 'collected' | 'supplier' | 'deliveryPaid' | 'feePaid' | 'balance') =>
      rows.reduce((s, r) => s + kop(cell('ledger', r, col)), 0);
    const cash = kop(cell('ledger', community, 'cash'));
    expect(cash).toBe(sum('collected') - sum('supplier') - sum('deliveryPaid') - sum('feePaid'));
    // Credit carried out (100) came back in (100): nothing is held for anyone, so cash = Σ balances.
    expect(cash).toBe(sum('balance'));
    expect(kop(cell('ledger', community, 'balance'))).toBe(sum('balance'));
    // Money is shown as money in the community's currency.
    const ledger = c.ws.spreadsheet.sheet('Ведомость')!;
    const balanceColumn = sheet[0].indexOf('Остаток') + 1;
    expect(ledger.formats.get(ledger.key(2, balanceColumn))).toBe('#,##0.00 "₽"');
  });
});

describe('after settlement: thank everyone', () => {
  test('the chat text and the emails carry the round’s figures and the feedback link; emails go once', () => {
    const c = openCommunity({ settings: { feedbackUrl: 'https://forms.gle/abc' } });
    typeRows(c.ws, 'Волонтёры', [['v1@example.org', 'Ольга', 'волонтёр', 'Дом 1']]);
    submit(c, { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', items: { EGGS: '2', OIL: '6' } });
    submit(c, { name: 'Li Wei', email: 'li@example.org', lang: '中文', building: 'Дом 1', items: { EGGS: '1' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    c.ws.run('supplierOrder', [c.roundId]);
    yes(c.ws, 'recordReceipt', [c.roundId, {}]);
    for (const p of people(c)) {
      c.ws.run('setPickedUp', [{ roundId: c.roundId, orderKey: p.orderKey, pickedUp: true, requestId: p.orderKey }], {
        user: 'v1@example.org',
      });
      pay(c, p, formatMoney(p.dueMinor, 'RUB', 'ru'), `pay-${p.name}`);
    }
    expect(() => c.ws.run('thankYouScreen', [c.roundId])).toThrow('Поблагодарить участников можно после расчёта');
    yes(c.ws, 'settleRound', [c.roundId]);
    const plan = c.ws.run<{ chatText: string; recipients: number; done: boolean }>('thankYouScreen', [c.roundId]);
    expect(plan.chatText.split('\n')).toEqual([
      'Ноябрь: спасибо, соседи!',
      '• 2 соседа участвовали',
      '• 2 заказа собраны',
      `• Вместе сэкономили ${formatMoney(6 * (210_00 - 180_00), 'RUB', 'ru')} по сравнению с магазином`,
      '• Ольга — выдано 2 заказа',
      'Один вопрос об этой закупке: https://forms.gle/abc',
      'До встречи в следующей закупке!',
    ]);
    const sent = () => c.ws.mail.sent.filter((m) => /спасибо|谢谢/.test(m.subject));
    c.ws.run('sendThankYou', [c.roundId]);
    c.ws.run('sendQueuedEmails');
    expect(sent()).toHaveLength(0);
    yes(c.ws, 'sendThankYou', [c.roundId]);
    yes(c.ws, 'sendThankYou', [c.roundId]);
    c.ws.run('sendQueuedEmails');
    expect(
      sent()
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['Ноябрь: спасибо!', 'Ноябрь：谢谢大家！']);
    const li = sent().find((m) => m.to === 'li@example.org')!;
    expect(li.body).toContain('2位邻居参团');
    expect(li.htmlBody).toContain('href="https://forms.gle/abc"');
  });

  test('whoever handed out without a name in the Volunteers sheet is called by their role, never by their address', () => {
    const c = openCommunity();
    submit(c, { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', items: { EGGS: '2' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    c.ws.run('supplierOrder', [c.roundId]);
    yes(c.ws, 'recordReceipt', [c.roundId, {}]);
    const [anna] = people(c);
    // The spreadsheet's owner hands the parcel out and takes the money, from the sidebar.
    c.ws.run('setPickedUp', [{ roundId: c.roundId, orderKey: anna.orderKey, pickedUp: true, requestId: 'p' }]);
    pay(c, anna, formatMoney(anna.dueMinor, 'RUB', 'ru'), 'pay');
    yes(c.ws, 'settleRound', [c.roundId]);
    const { chatText } = c.ws.run<{ chatText: string }>('thankYouScreen', [c.roundId]);
    expect(chatText).toContain('• организатор — выдан 1 заказ');
    expect(chatText).not.toContain('@');
  });
});

describe('files in the coordinator’s conventions', () => {
  test('an English-speaking coordinator gets "," and a decimal point, English headers', () => {
    const c = openCommunity();
    c.ws.session.locales.set(c.ws.owner, 'en_GB');
    submit(c, { name: 'Anna', items: { OIL: '6' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    const order = c.ws.run<{ csv: string; fileName: string }>('supplierOrder', [c.roundId]);
    const [head, first] = order.csv.split('\r\n');
    expect(head).toBe('\ufeffSupplier,Code,Item,Unit,Boxes,Quantity,Price,Total');
    expect(first).toBe('Опт,O-1,Sunflower oil,бут.,1,6,180.00,1080.00');
    expect(order.fileName).toBe('R1-supplier-order.csv');
  });
});
