import { ROUND_STATE_WORDS, codeOf } from '../../src/core/i18n/words';
import { HOUR, openCommunity, orderRows, submit, typeRows } from '../harness/community';
import { PEOPLE, typeVolunteers } from '../harness/volunteers';

/**
 * What cannot be undone asks first, saying the consequence in figures; the server does it only when the
 * same call comes back with the question's token. A second click with the same data a few minutes later
 * asks "record it again?" instead of doubling.
 */
interface Asked {
  confirm: { question: string; token: string };
}

function community() {
  const c = openCommunity();
  typeVolunteers(c.ws);
  c.ws.session.locales.set(PEOPLE.olga, 'ru_RU');
  submit(c, { name: 'Анна', building: 'Дом 1', items: { EGGS: '2' } });
  submit(c, { name: 'Борис', building: 'Дом 2', items: { EGGS: '1', FLOUR: '1' } });
  return c;
}

// The Rounds sheet shows the state in words; the test compares the state it stands for.
const stateOf = (c: ReturnType<typeof openCommunity>) => codeOf(ROUND_STATE_WORDS, c.ws.spreadsheet.sheet('Закупки')!.read(2, 3));

describe('what cannot be undone asks first', () => {
  test('"close now": the question counts the bills, the call without its token changes nothing', () => {
    const c = community();
    const asked = c.ws.run<Asked>('closeRound', [c.roundId]);
    expect(asked.confirm.question).toBe(
      'Закрыть закупку «Ноябрь» сейчас и разослать 2 итоговых счёта? Приём заказов остановится.',
    );
    expect(stateOf(c)).toBe('open');
    expect(c.ws.forms.byId(c.formId)!.accepting).toBe(true);
    // A guessed or stale token does nothing either.
    expect(c.ws.run<Asked>('closeRound', [c.roundId, 'close|R1|99']).confirm.token).toBe(asked.confirm.token);
    const closed = c.ws.run<{ participants: number; queuedEmails: number }>('closeRound', [c.roundId, asked.confirm.token]);
    expect(closed.participants).toBe(2);
    expect(stateOf(c)).toBe('closed');
  });

  test('when the figures change between the question and the answer, the question is asked again', () => {
    const c = community();
    const asked = c.ws.run<Asked>('closeRound', [c.roundId]);
    submit(c, { name: 'Вера', building: 'Дом 3', items: { EGGS: '1' } });
    const again = c.ws.run<Asked>('closeRound', [c.roundId, asked.confirm.token]);
    expect(again.confirm.question).toContain('разослать 3 итоговых счёта');
    expect(stateOf(c)).toBe('open');
  });

  test('cancelling needs a reason, then says how many people will be told', () => {
    const c = community();
    expect(() => c.ws.run('cancelRound', [c.roundId, '  '])).toThrow('Напишите причину отмены: её прочитают все, кто заказывал.');
    const asked = c.ws.run<Asked>('cancelRound', [c.roundId, 'поставщик закрылся']);
    expect(asked.confirm.question).toBe(
      'Отменить закупку «Ноябрь»? 2 участника, которые заказывали, получат письмо с вашей причиной. Это нельзя отменить.',
    );
    expect(stateOf(c)).toBe('open');
    c.ws.run('cancelRound', [c.roundId, 'поставщик закрылся', asked.confirm.token]);
    expect(stateOf(c)).toBe('cancelled');
  });

  test('moving the stop of an open round asks nothing; reopening a closed one warns that bills will be revised', () => {
    const c = community();
    const later = new Date(c.ws.clock.now() + 60 * HOUR).toISOString();
    expect(c.ws.run<{ state: string }>('extendDeadline', [c.roundId, later]).state).toBe('open');
    const close = c.ws.run<Asked>('closeRound', [c.roundId]);
    c.ws.run('closeRound', [c.roundId, close.confirm.token]);
    const asked = c.ws.run<Asked>('extendDeadline', [c.roundId, later]);
    expect(asked.confirm.question).toMatch(
      /^Снова открыть закупку «Ноябрь» до .+\? 2 участника уже получили итоговые счета — после нового стопа они получат исправленные\.$/,
    );
    expect(stateOf(c)).toBe('closed');
    c.ws.run('extendDeadline', [c.roundId, later, asked.confirm.token]);
    expect(stateOf(c)).toBe('open');
  });

  test('"goods arrived" says how many people will be emailed, and how many get a correction', () => {
    const c = community();
    c.ws.run('closeRound', [c.roundId, c.ws.run<Asked>('closeRound', [c.roundId]).confirm.token]);
    c.ws.run('supplierOrder', [c.roundId]);
    const full = c.ws.run<Asked>('recordReceipt', [c.roundId, {}]);
    expect(full.confirm.question).toBe('Отправить 2 участникам письмо «Товар приехал»?');
    const short = c.ws.run<Asked>('recordReceipt', [c.roundId, { received: { EGGS: '2' } }]);
    // Борис, who ordered last, loses his egg (and gets nothing, so no "arrived" either): a correction; Анна's
    // share of the delivery grows, so hers is corrected too.
    expect(short.confirm.question).toBe(
      'Отправить 1 участнику письмо «Товар приехал»? 2 участника также получат исправленные счета: поставщик привёз меньше.',
    );
    // The answer to one question does not do another: the full delivery's token cannot record the shortfall.
    expect(c.ws.run<Asked>('recordReceipt', [c.roundId, { received: { EGGS: '2' } }, full.confirm.token]).confirm).toBeDefined();
    expect(stateOf(c)).toBe('ordered');
    c.ws.run('recordReceipt', [c.roundId, { received: { EGGS: '2' } }, short.confirm.token]);
    expect(stateOf(c)).toBe('arrived');
  });
});

describe('no silent doubles', () => {
  test('the same payment again within minutes asks "record another?", a different one does not', () => {
    const c = community();
    c.ws.run('closeRound', [c.roundId, c.ws.run<Asked>('closeRound', [c.roundId]).confirm.token]);
    const anna = orderRows(c.ws).find((r) => r.name === 'Анна')!.orderKey;
    const pay = (requestId: string, amount: string, again?: string) =>
      c.ws.run<Asked | { balanceMinor: number }>(
        'recordPayment',
        [{ roundId: c.roundId, orderKey: anna, amount, requestId, again }],
        { user: PEOPLE.olga },
      );
    pay('a', '100');
    c.ws.clock.advance(2 * 60_000);
    const asked = pay('b', '100') as Asked;
    expect(asked.confirm.question).toBe('Анна: оплата 100,00\u00a0₽ уже записана 2 минуты назад. Записать ещё одну?');
    pay('c', '50');
    pay('b', '100', asked.confirm.token);
    const journal = c.ws.spreadsheet.sheet('Касса')!;
    expect(journal.dataExtent().rows - 1).toBe(3);
    // Minutes later it is a new payment.
    c.ws.clock.advance(30 * 60_000);
    expect(pay('d', '100')).toHaveProperty('balanceMinor');
  });

  test('the same offline order again asks "record it again?"; a double click is still one order', () => {
    const c = community();
    const order = (requestId: string, again?: string) =>
      c.ws.run<Asked | { orderKey: string }>(
        'saveOfflineOrder',
        [{ roundId: c.roundId, name: 'Клавдия', building: 'Дом 1', flat: '4', quantities: { EGGS: '1' }, requestId, again }],
        { user: PEOPLE.olga },
      );
    order('1');
    order('1');
    expect(orderRows(c.ws).filter((r) => r.name === 'Клавдия')).toHaveLength(1);
    c.ws.clock.advance(60_000);
    const asked = order('2') as Asked;
    expect(asked.confirm.question).toBe('Клавдия: такой же заказ уже сохранён 1 минуту назад. Записать его ещё раз?');
    expect(orderRows(c.ws).filter((r) => r.name === 'Клавдия')).toHaveLength(1);
    order('2', asked.confirm.token);
    expect(
      new Set(
        orderRows(c.ws)
          .filter((r) => r.name === 'Клавдия')
          .map((r) => r.orderKey),
      ).size,
    ).toBe(2);
  });
});

describe('sheets only coordinators may edit', () => {
  test('a volunteer cannot type into Settings, the Catalog or the Volunteers sheet; the add-on still writes for them', () => {
    const c = community();
    for (const sheet of ['Настройки', 'Каталог', 'Волонтёры'])
      expect([sheet, c.ws.edit(PEOPLE.olga, sheet, 'B2', 'x').error]).toEqual([sheet, expect.stringMatching(/protected cell/)]);
    expect(c.ws.edit(PEOPLE.stranger, 'Заказы', 'H2', 'x').error).toMatch(/protected cell/);
    expect(c.ws.edit(c.ws.owner, 'Настройки', 'C2', 'заметка').error).toBeUndefined();
    // Her own action writes the Orders, the Outbox and the Log as her: those sheets list the team.
    c.ws.run('saveOfflineOrder', [{ roundId: c.roundId, name: 'Нина', building: 'Дом 1', quantities: { EGGS: '1' } }], {
      user: PEOPLE.olga,
    });
    expect(orderRows(c.ws).some((r) => r.name === 'Нина')).toBe(true);
  });

  test('adding a volunteer by hand gives them their tab and the team sheets; removing them takes it back', () => {
    const c = community();
    c.ws.run('refreshBuildingTabs');
    const tab = c.ws.spreadsheet.sheet('🏠 Дом 3')!;
    expect(tab.protection!.allows('new@example.org')).toBe(false);
    typeRows(c.ws, 'Волонтёры', [['new@example.org', 'Новенькая', 'волонтёр', 'Дом 3']], 6);
    expect(tab.protection!.allows('new@example.org')).toBe(true);
    expect(c.ws.spreadsheet.sheet('Заказы')!.protection!.allows('new@example.org')).toBe(true);
    expect(c.ws.spreadsheet.sheet('Настройки')!.protection!.allows('new@example.org')).toBe(false);
    typeRows(c.ws, 'Волонтёры', [['', '', '', '']], 6);
    expect(tab.protection!.allows('new@example.org')).toBe(false);
  });

  test("a volunteer's visit never sets the community up: a deleted sheet waits for a coordinator", () => {
    const c = community();
    const ss = c.ws.spreadsheet;
    ss.sheets = ss.sheets.filter((s) => s.name !== 'Участники');
    c.ws.run('listRounds', [], { user: PEOPLE.olga });
    c.ws.run('participantsScreen', [c.roundId], { user: PEOPLE.olga });
    expect(ss.sheet('Участники')).toBeUndefined();
    c.ws.run('roundsScreen');
    expect(ss.sheet('Участники')).toBeDefined();
  });
});
