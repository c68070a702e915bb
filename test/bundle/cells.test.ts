import { HOUR, NOW, openCommunity, orderRows, submit, typeRows } from '../harness/community';
import { loadAddOn } from '../harness/bundle';

// Issue 12, items 6 and 8: residents' text stays text, and numbers are read as people type them, under
// both readings of what Google leaves open (local/emulator/FIDELITY-FORMS-SHEETS.md rows 6 and 8).

describe.each(['kept', 'stripped'] as const)("residents' text in the sheets (apostropheInPlainText: %s)", (apostrophe) => {
  const community = () => openCommunity({ fidelity: { apostropheInPlainText: apostrophe } });

  test('a name like a formula, a phone like a number, a flat with zeros: stored and read exactly as typed', () => {
    const c = community();
    submit(c, { name: '=IMPORTDATA("http://x")', phone: '+79001234567', flat: '007', comment: '=1+1', items: { RICE: '1' } });
    const orders = c.ws.spreadsheet.sheet('Заказы')!;
    expect(orders.cells.flat().filter((cell) => cell?.formula)).toEqual([]);
    const [row] = orderRows(c.ws);
    expect([row.name, row.phone, row.flat, row.comment, row.email]).toEqual([
      '=IMPORTDATA("http://x")',
      '+79001234567',
      '007',
      '=1+1',
      'importdatahttpx@example.org',
    ]);
  });

  test('text the add-on writes into a column people type into (Volunteers, from the sidebar) has no stray apostrophe', () => {
    const c = community();
    c.ws.run('saveSettings', [
      {
        places: [{ kind: 'building', name: '=Дом 1', notes: '007' }],
        volunteers: [{ email: 'olga@example.org', name: 'Ольга', role: 'volunteer', building: '=Дом 1' }],
      },
    ]);
    const volunteers = c.ws.spreadsheet.sheet('Волонтёры')!;
    expect(volunteers.cells.flat().filter((cell) => cell?.formula)).toEqual([]);
    expect([volunteers.read(2, 1), volunteers.read(2, 2)]).toEqual(['olga@example.org', 'Ольга']);
    const places = c.ws.spreadsheet.sheet('Дома и пункты выдачи')!;
    expect(places.read(2, 3)).toBe('007');
    // "=…" is the one value written with a guard; the add-on reads it back as typed either way.
    const screen = c.ws.run<{ places: { name: string }[] }>('settingsScreen');
    expect(screen.places.map((p) => p.name)).toEqual(['=Дом 1']);
  });

  test('what a coordinator types into Members stays text: "+7 900 …" and "007" are not numbers', () => {
    const c = community();
    typeRows(c.ws, 'Участники', [['anna@example.org', 'Анна', '+79001234567', 'Дом 1', '007', 'ru']]);
    const members = c.ws.spreadsheet.sheet('Участники')!;
    expect([members.read(2, 3), members.read(2, 5)]).toEqual(['+79001234567', '007']);
  });
});

describe('numbers in the Catalog, typed in a Russian spreadsheet (typed input read by the spreadsheet locale)', () => {
  function russianCommunity() {
    const { workspace: ws } = loadAddOn({ now: NOW, locale: 'ru_RU' });
    ws.session.locales.set(ws.owner, 'ru_RU');
    ws.run('setUpCommunity');
    return ws;
  }
  const newRound = (itemIds: string[]) => [{ title: 'Чай', deadline: new Date(NOW + 5 * HOUR).toISOString(), itemIds }];

  test('95,50 and 0,5 and 1.5 are read as the coordinator meant them: the columns are plain text', () => {
    const ws = russianCommunity();
    typeRows(ws, 'Каталог', [
      ['TEA', 'Чай', '', '', '', 'пач.', '95,50', '', '2'],
      ['NUTS', 'Орехи', '', '', '', 'кг', '1 234,50', '0,5', '1.5'],
    ]);
    const catalog = ws.spreadsheet.sheet('Каталог')!;
    expect([catalog.read(2, 7), catalog.read(3, 9)]).toEqual(['95,50', '1.5']);
    const round = ws.run<{ id: string }>('createRound', newRound(['TEA', 'NUTS']));
    ws.run('openRound', [round.id]);
    const form = ws.forms.forms.at(-1)!; // the round's form: the complaint form is made just before it
    expect(form.items.map((i) => i.title)).toEqual(
      expect.arrayContaining(['Чай — 95,50\u00a0₽ за пач.', 'Орехи — 1\u00a0234,50\u00a0₽ за кг']),
    );
  });

  test('a number Sheets already turned into a date is named with its cell and what to type instead', () => {
    const ws = russianCommunity();
    // A catalog column someone re-formatted by hand (or one set up by an earlier version): Sheets reads "1.5" as 1 May.
    ws.spreadsheet.sheet('Каталог')!.proxy.getRange('H2:I3').setNumberFormat('General');
    typeRows(ws, 'Каталог', [['RICE', 'Рис', '', '', '', 'кг', '95,50', '0,5', '1.5']]);
    expect(() => ws.run('createRound', newRound(['RICE']))).toThrow('Рис — таблица прочла это число как дату. Введите 1,5 (I2)');
  });
});
