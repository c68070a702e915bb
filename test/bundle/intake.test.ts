import { DEPLOYMENTS, HOUR, NOW, answers, logRows, openCommunity, orderRows, submit, typeRows, yes } from '../harness/community';
import { loadAddOn } from '../harness/bundle';

describe('setting up a community', () => {
  test('creates every sheet with localized frozen headers, protections by who writes them, and three triggers', () => {
    const { workspace: ws } = loadAddOn({ now: NOW });
    ws.session.locales.set(ws.owner, 'zh_CN');
    ws.run('setUpCommunity');
    const names = ws.spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['商品目录', '团购期数', '订单', '居民名单', '楼组与自提点', '志愿者', '设置', '日志']),
    );
    const orders = ws.spreadsheet.sheet('订单')!;
    expect(orders.frozenRows).toBe(1);
    expect(orders.read(1, 8)).toBe('姓名');
    // Strict, not warning-only: only the community's team may edit what its actions write, and only
    // coordinators the catalog (see workspace/sheets/setup.ts protectSheets).
    expect(orders.protection?.warningOnly).toBe(false);
    expect(orders.protection?.allows('stranger@example.org')).toBe(false);
    expect(ws.spreadsheet.sheet('商品目录')?.protection?.warningOnly).toBe(false);
    expect(ws.spreadsheet.sheet('商品目录')?.protection?.allows(ws.owner)).toBe(true);
    expect(ws.triggers.triggers.map((t) => t.handler).sort()).toEqual(['onFormSubmit_', 'onSheetEdit_', 'onTick_']);
    expect(ws.spreadsheet.toasts.at(-1)?.message).toBe('社区表格已就绪。');
  });

  test('running setup again, or a second coordinator opening it, changes nothing and adds no trigger', () => {
    const { workspace: ws } = loadAddOn({ now: NOW });
    ws.run('setUpCommunity');
    typeRows(ws, 'Volunteers', [['second@example.org', 'Second', 'coordinator', '']]);
    const before = ws.spreadsheet.sheets.length;
    ws.run('setUpCommunity');
    ws.run('setUpCommunity', [], { user: 'second@example.org' });
    expect(ws.spreadsheet.sheets.length).toBe(before);
    expect(ws.triggers.triggers).toHaveLength(3);
  });

  test("a removed trigger is re-created on the owner's next setup", () => {
    const { workspace: ws } = loadAddOn({ now: NOW });
    ws.run('setUpCommunity');
    ws.triggers.triggers = ws.triggers.triggers.filter((t) => t.handler !== 'onFormSubmit_');
    ws.run('setUpCommunity');
    expect(ws.triggers.triggers.map((t) => t.handler).sort()).toEqual(['onFormSubmit_', 'onSheetEdit_', 'onTick_']);
  });
});

describe('opening a round creates its Google Form', () => {
  test('questions match the catalog: one per item with validation, extras for boxed items, lists from the sheet', () => {
    const c = openCommunity();
    const form = c.ws.forms.byId(c.formId)!;
    const titles = form.items.map((i) => i.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Ваше имя',
        'Телефон',
        'Дом / подъезд',
        'Квартира',
        'Пункт выдачи',
        'Язык писем',
        'Комментарий организатору',
      ]),
    );
    expect(titles).toContain('Рис — 95,50\u00a0₽ за кг');
    expect(titles.filter((t) => t.includes('добрать коробку'))).toHaveLength(2); // rice (sack) and oil (box of 6)
    const building = form.items.find((i) => i.title === 'Дом / подъезд')!;
    expect(building.choices).toEqual(['Дом 1', 'Дом 2', 'Дом 3']);
    const rice = form.items.find((i) => i.title.startsWith('Рис'))!;
    expect([rice.reject('2,5'), rice.reject('10'), rice.reject('')]).toEqual([null, null, null]);
    expect(rice.reject('10,5')).toMatch(/от 0 до 10\u00a0кг/);
    expect(rice.reject('0,3')).not.toBeNull();
    expect(rice.reject('два')).not.toBeNull();
    expect(form.collectEmail && form.allowEdits).toBe(true);
    expect(form.description).toContain('Стоп заказа:');
    const row = c.ws.spreadsheet.sheet('Закупки')!;
    expect(String(row.read(2, 13))).toBe(form.getPublishedUrl());
  });

  test("a catalog with a bad cell is refused with the cell named, in the coordinator's language", () => {
    const { workspace: ws } = loadAddOn({ now: NOW });
    ws.session.locales.set(ws.owner, 'en');
    ws.run('setUpCommunity');
    typeRows(ws, 'Catalog', [['TEA', 'Tea', '', '', '', 'pack', 'cheap']]);
    expect(() =>
      ws.run('createRound', [{ title: 'Tea', deadline: new Date(NOW + 5 * HOUR).toISOString(), itemIds: ['TEA'] }]),
    ).toThrow('Tea: "cheap" is not a price (G2)');
    typeRows(ws, 'Catalog', [['TEA', 'Tea', '', '', '', 'pack', '3.5', '', '2.5']]);
    expect(() =>
      ws.run('createRound', [{ title: 'Tea', deadline: new Date(NOW + 5 * HOUR).toISOString(), itemIds: ['TEA'] }]),
    ).toThrow('Tea: "2.5" is not a box size: it must be a whole number of steps, at least 1 (I2)');
    expect(() =>
      ws.run('createRound', [{ title: 'Tea', deadline: new Date(NOW + 5 * HOUR).toISOString(), itemIds: ['COFFEE'] }]),
    ).toThrow('Item COFFEE is not in the catalog.');
  });

  test('every problem with a new round is reported at once, and a double click creates one round', () => {
    const c = openCommunity();
    expect(() => c.ws.run('createRound', [{ title: '', deadline: 'tomorrow', itemIds: ['NOPE'], delivery: '-5' }])).toThrow(
      ['Дайте закупке название.', 'Укажите дату и время стопа.', 'Товара NOPE нет в каталоге.', '«-5» — не сумма доставки.'].join(
        '\n',
      ),
    );
    const input = { title: 'Декабрь', deadline: new Date(NOW + 72 * HOUR).toISOString(), itemIds: ['OIL'], requestId: 'click-1' };
    const a = c.ws.run<{ id: string }>('createRound', [input]);
    const b = c.ws.run<{ id: string }>('createRound', [input]);
    expect(a.id).toBe(b.id);
    expect(c.ws.run<unknown[]>('listRounds')).toHaveLength(2);
  });
});

describe('form submissions', () => {
  test("200 residents' submissions land as the right rows", () => {
    const c = openCommunity();
    for (let i = 0; i < 200; i++) {
      const r = submit(c, {
        name: `Житель ${i}`,
        building: `Дом ${1 + (i % 3)}`,
        flat: String(i + 1),
        items: { RICE: String((i % 4) + 1), OIL: i % 2 ? '1' : '' },
      });
      expect(r.ok).toBe(true);
    }
    const rows = orderRows(c.ws);
    expect(rows).toHaveLength(200 + 100);
    expect(new Set(rows.map((r) => r.orderKey)).size).toBe(200);
    const someone = rows.filter((r) => r.name === 'Житель 7');
    expect(someone.map((r) => [r.item, r.quantity, r.building, r.flat])).toEqual([
      ['OIL', 1, 'Дом 2', '8'],
      ['RICE', 4, 'Дом 2', '8'],
    ]);
    expect(logRows(c.ws)).toEqual([]);
  });

  test('an edited response replaces its rows and keeps its place in the queue', () => {
    const c = openCommunity();
    const first = submit(c, { name: 'Анна', items: { RICE: '3', OIL: '2', EGGS: '1' } });
    if (!first.ok) throw new Error('submit failed');
    submit(c, { name: 'Борис', items: { RICE: '1' } });
    c.ws.advance(HOUR);
    submit(c, { name: 'Анна', items: { RICE: '4' } }, { edit: first.responseId });
    const anna = orderRows(c.ws).filter((r) => r.name === 'Анна');
    expect(anna.map((r) => [r.item, r.quantity, r.revision])).toEqual([['RICE', 4, 2]]);
    // 3 kg at first, the extra 1 kg queued an hour later
    expect(String(anna[0].queue)).toMatch(/^q=6@\d+,2@\d+;e=$/);
    expect(orderRows(c.ws).filter((r) => r.name === 'Борис')).toHaveLength(1);
  });

  test('an edit that adds items moves the order to new rows, leaving no stale rows behind', () => {
    const c = openCommunity();
    const first = submit(c, { name: 'Анна', items: { RICE: '1' } });
    if (!first.ok) throw new Error('submit failed');
    submit(c, { name: 'Борис', items: { OIL: '1' } });
    submit(c, { name: 'Анна', items: { RICE: '1', OIL: '2', EGGS: '3' } }, { edit: first.responseId });
    expect(
      orderRows(c.ws)
        .filter((r) => r.name === 'Анна')
        .map((r) => r.item),
    ).toEqual(['EGGS', 'OIL', 'RICE']);
    expect(orderRows(c.ws)).toHaveLength(4);
  });

  test('the same event delivered twice yields one order', () => {
    const c = openCommunity();
    submit(c, { name: 'Анна', items: { RICE: '2' } }, { deliver: 2 });
    expect(orderRows(c.ws)).toHaveLength(1);
  });

  test("a second coordinator's trigger firing for the same response does not double it", () => {
    const c = openCommunity();
    // A stray second trigger (e.g. installed by hand by another account) fires too.
    c.ws.triggers.triggers.push({
      ...c.ws.triggers.triggers.find((t) => t.type === 'ON_FORM_SUBMIT')!,
      id: 'other',
      user: 'second@example.org',
    });
    const result = submit(c, { name: 'Анна', items: { RICE: '2' } });
    expect(result.ok && result.runs?.length).toBe(2);
    expect(orderRows(c.ws)).toHaveLength(1);
  });

  test('a blank event is a no-op', () => {
    const c = openCommunity();
    const responseSheet = c.ws.spreadsheet.sheets.find((s) => s.name.startsWith('Ответы'))!;
    const [run] = c.ws.fireBlankFormSubmit(responseSheet.name);
    expect(run.error).toBeUndefined();
    expect(orderRows(c.ws)).toHaveLength(0);
  });

  test.each(DEPLOYMENTS)(
    'a lock timeout parks the event; the next execution with the file records it exactly once (%s)',
    (deployment) => {
      const c = openCommunity({ deployment });
      c.ws.locks.holdElsewhere('document', 10 * 60_000);
      submit(c, { name: 'Анна', items: { RICE: '2' } });
      expect(orderRows(c.ws)).toHaveLength(0);
      expect([...c.ws.properties.document.data.keys()].some((k) => k.startsWith('pending:'))).toBe(true);
      c.ws.advance(2 * HOUR);
      // A bound script's tick records it; a published add-on's tick may have no file, so the next visit does.
      if (deployment === 'addon') c.ws.run('roundsScreen');
      expect(orderRows(c.ws).map((r) => r.name)).toEqual(['Анна']);
      c.ws.advance(2 * HOUR);
      c.ws.run('roundsScreen');
      expect(orderRows(c.ws)).toHaveLength(1);
    },
  );

  test('names that look like formulas or HTML stay inert text', () => {
    const c = openCommunity();
    submit(c, { name: '=IMPORTDATA("http://x")', comment: '+SUM(1)', items: { RICE: '1' } });
    submit(c, { name: '<img src=x onerror=alert(1)>', phone: '+79001234567', items: { RICE: '1' } });
    const sheet = c.ws.spreadsheet.sheet('Заказы')!;
    const formulas = sheet.cells.flat().filter((cell) => cell?.formula);
    expect(formulas).toEqual([]);
    const rows = orderRows(c.ws);
    expect(rows.map((r) => r.name)).toEqual(['=IMPORTDATA("http://x")', '<img src=x onerror=alert(1)>']);
    expect(rows[0].comment).toBe('+SUM(1)');
    expect(rows[1].phone).toBe('+79001234567');
  });

  test('bad input that gets past the form ends in the Log with a readable reason; other orders are untouched', () => {
    const c = openCommunity();
    submit(c, { name: 'Анна', items: { RICE: '2' } });
    submit(c, { name: 'Борис', items: { RICE: 'два', OIL: '-3', EGGS: '1e9', FLOUR: '2' } }, { bypassValidation: true });
    submit(c, { name: 'Вера', items: { EGGS: '5', OIL: '0.5' } }, { bypassValidation: true });
    const log = logRows(c.ws);
    expect(log[0][3]).toContain('Борис');
    expect(log[0][5].split('\n')).toEqual([
      'Рис: «два» — не число.',
      'Масло подсолнечное: количество не может быть отрицательным («-3»).',
      'Яйца: «1e9» — слишком много.',
    ]);
    expect(log[1][5].split('\n')).toEqual([
      'Масло подсолнечное: количество должно быть кратно 1\u00a0бут., а указано «0.5».',
      'Яйца: заказано «5», оставлено 3\u00a0дес. — больше в одни руки нельзя.',
    ]);
    const rows = orderRows(c.ws);
    expect(rows.map((r) => [r.name, r.item, r.quantity])).toEqual([
      ['Анна', 'RICE', 2],
      ['Борис', 'FLOUR', 2],
      ['Вера', 'EGGS', 3],
    ]);
  });

  test('a submission after the deadline is kept in the Log as late and not counted', () => {
    const c = openCommunity({ deadlineInHours: 1 });
    c.ws.clock.advance(HOUR + 60_000); // past the stop, before the tick has closed the form
    submit(c, { name: 'Поздний', items: { RICE: '2' } });
    expect(orderRows(c.ws)).toHaveLength(0);
    expect(logRows(c.ws)[0][5]).toBe('Заказ пришёл после стопа и не учтён.');
  });
});

describe('the deadline', () => {
  test('the hourly tick closes the form after the stop; extending the deadline reopens it', () => {
    const c = openCommunity({ deadlineInHours: 3 });
    const form = c.ws.forms.byId(c.formId)!;
    c.ws.advance(2 * HOUR);
    expect(form.accepting).toBe(true);
    c.ws.advance(3 * HOUR);
    expect(form.accepting).toBe(false);
    expect(form.closedMessage).toMatch(/закрыт/);
    expect(submit(c, { name: 'Поздний', items: { RICE: '1' } }).ok).toBe(false);
    expect(c.ws.run<{ state: string }[]>('listRounds')[0].state).toBe('closed');
    yes(c.ws, 'extendDeadline', [c.roundId, new Date(c.ws.clock.now() + 5 * HOUR).toISOString()]);
    expect(form.accepting).toBe(true);
    expect(submit(c, { name: 'Успел', items: { RICE: '1' } }).ok).toBe(true);
    expect(orderRows(c.ws).map((r) => r.name)).toEqual(['Успел']);
  });

  test('triggers stay at two whatever the number of rounds', () => {
    const c = openCommunity();
    for (let i = 0; i < 3; i++) {
      const r = c.ws.run<{ id: string }>('createRound', [
        { title: `R${i}`, deadline: new Date(NOW + 24 * HOUR).toISOString(), itemIds: ['OIL'] },
      ]);
      c.ws.run('openRound', [r.id]);
    }
    expect(c.ws.triggers.triggers).toHaveLength(3);
  });
});

describe('cancelling a round', () => {
  test('closes the form and tells everyone who ordered, in their language, why', () => {
    const c = openCommunity();
    submit(c, { name: 'Li', email: 'li@example.org', lang: '中文', items: { RICE: '1' } });
    c.ws.run('saveOfflineOrder', [{ roundId: c.roundId, name: 'Нина', quantities: { EGGS: '1' } }]);
    yes(c.ws, 'cancelRound', [c.roundId, 'поставщик отказал']);
    expect(c.ws.forms.byId(c.formId)!.accepting).toBe(false);
    c.ws.run('sendQueuedEmails');
    const cancelled = c.ws.mail.sent.filter((m) => /取消|отменён/.test(m.subject));
    expect(cancelled.map((m) => [m.to, m.subject])).toEqual([['li@example.org', 'Ноябрь：您的订单已取消']]);
    expect(cancelled[0].body).toContain('原因：поставщик отказал');
    const log = logRows(c.ws);
    expect(log.at(-1)?.[5]).toBe('Закупка отменена: поставщик отказал');
  });
});

describe('offline orders entered by a volunteer', () => {
  test('add, edit and cancel, marked with who entered them', () => {
    const c = openCommunity();
    const volunteer = 'volunteer@example.org';
    typeRows(c.ws, 'Волонтёры', [[volunteer, 'Оля', 'волонтёр', 'Дом 2']]);
    const saved = c.ws.run<{ orderKey: string; notes: string[] }>(
      'saveOfflineOrder',
      [
        {
          roundId: c.roundId,
          name: 'Бабушка Нина',
          building: 'Дом 2',
          flat: '14',
          phone: '8 (900) 111-22-33',
          quantities: { EGGS: '2', FLOUR: 3 },
        },
      ],
      { user: volunteer },
    );
    expect(saved.notes).toEqual([]);
    let rows = orderRows(c.ws);
    expect(rows.map((r) => [r.name, r.item, r.quantity, r.enteredBy, r.source])).toEqual([
      ['Бабушка Нина', 'EGGS', 2, volunteer, 'внёс волонтёр'],
      ['Бабушка Нина', 'FLOUR', 3, volunteer, 'внёс волонтёр'],
    ]);
    c.ws.run(
      'saveOfflineOrder',
      [{ roundId: c.roundId, orderKey: saved.orderKey, name: 'Бабушка Нина', building: 'Дом 2', quantities: { EGGS: '3' } }],
      { user: volunteer },
    );
    rows = orderRows(c.ws);
    expect(rows.map((r) => [r.item, r.quantity, r.revision])).toEqual([['EGGS', 3, 2]]);
    c.ws.run('cancelOfflineOrder', [c.roundId, saved.orderKey], { user: volunteer });
    expect(orderRows(c.ws).map((r) => [r.item, r.quantity])).toEqual([['', 0]]);
  });

  test("the same validation messages as the form, in the volunteer's language, and nothing saved when refused", () => {
    const c = openCommunity();
    typeRows(c.ws, 'Волонтёры', [['v@example.org', '魏', 'волонтёр', 'Дом 1']]);
    c.ws.session.locales.set('v@example.org', 'zh_CN');
    expect(() =>
      c.ws.run('saveOfflineOrder', [{ roundId: c.roundId, name: '', building: 'Дом 1', quantities: { EGGS: 'two' } }], {
        user: 'v@example.org',
      }),
    ).toThrow('没有填写姓名。\n鸡蛋：“two”不是数字。');
    expect(orderRows(c.ws)).toHaveLength(0);
    // Over the per-person limit, what fits is kept and the volunteer is told (issue 14).
    const kept = c.ws.run<{ notes: string[] }>(
      'saveOfflineOrder',
      [{ roundId: c.roundId, name: 'Li', building: 'Дом 1', quantities: { EGGS: '9', OIL: '1' } }],
      { user: 'v@example.org' },
    );
    expect(kept.notes).toEqual(['鸡蛋：填写了“9”，每人限购3盒（10个），已按限购数量记录。']);
    expect(orderRows(c.ws).map((r) => [r.item, r.quantity])).toEqual([
      ['EGGS', 3],
      ['OIL', 1],
    ]);
    const noted = c.ws.run<{ notes: string[] }>(
      'saveOfflineOrder',
      [{ roundId: c.roundId, name: 'Li', building: 'Дом 1', email: 'li@', quantities: { OIL: '1' } }],
      { user: 'v@example.org' },
    );
    expect(noted.notes).toEqual(['“li@”不是有效的邮箱地址。订单已保存，但不会发送邮件。']);
  });

  test('a double click saves one order', () => {
    const c = openCommunity();
    const input = { roundId: c.roundId, name: 'Нина', quantities: { EGGS: '1' }, requestId: 'r-1' };
    c.ws.run('saveOfflineOrder', [input]);
    c.ws.run('saveOfflineOrder', [input]);
    expect(orderRows(c.ws)).toHaveLength(1);
  });
});

describe("the submit handler's cost", () => {
  function callsFor(c: ReturnType<typeof openCommunity>, fn: () => void): number {
    c.ws.calls.reset();
    fn();
    return c.ws.calls.roundTrips('spreadsheet');
  }

  // One of them reads the response's own row: an edited response's event may carry blanks, so the row
  // (always whole) gives the time that finds its FormResponse, or the answers when the form cannot be read.
  test('a constant number of spreadsheet round trips (≤ 7) with 10 or 10,000 order rows', () => {
    const results: number[][] = [];
    for (const existing of [10, 10_000]) {
      const c = openCommunity();
      const orders = c.ws.spreadsheet.sheet('Заказы')!;
      orders.maxRows = existing + 3000;
      for (let r = 0; r < existing; r++) {
        [c.roundId, `form:${c.roundId}:${9000 + r}`, 'form', 1, 'x', new Date(NOW), new Date(NOW), `Житель ${r}`].forEach(
          (v, i) => orders.put(r + 2, i + 1, v),
        );
        orders.put(r + 2, 16, 'RICE');
        orders.put(r + 2, 18, 1);
      }
      c.ws.properties.document.data.set('ordersNextRow', String(existing + 2));
      c.ws.properties.document.data.set('ordersNextRowCapacity', String(orders.maxRows));
      const fresh = callsFor(c, () => submit(c, { name: 'Анна', items: { RICE: '2' } }));
      const first = c.ws.forms.byId(c.formId)!.responses[0];
      const edit = callsFor(c, () => submit(c, { name: 'Анна', items: { RICE: '1' } }, { edit: first.id }));
      const grow = callsFor(c, () => submit(c, { name: 'Анна', items: { RICE: '1', OIL: '1', EGGS: '1' } }, { edit: first.id }));
      const withProblems = callsFor(c, () =>
        submit(c, { name: 'Борис', items: { RICE: 'два', OIL: '1' } }, { bypassValidation: true }),
      );
      results.push([fresh, edit, grow, withProblems]);
    }
    expect(results[0]).toEqual(results[1]);
    for (const n of results[0]) expect(n).toBeLessThanOrEqual(7);
  });
});

test('answers helper covers every question', () => {
  const c = openCommunity();
  expect(Object.keys(answers(c, { name: 'x' })).length).toBe(c.ws.forms.byId(c.formId)!.items.length);
});
