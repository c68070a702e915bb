import { HOUR, openCommunity, yes } from '../harness/community';

/**
 * A needs poll (issue 18) through the built bundle: the coordinator asks "what would you buy, and how
 * much?", residents answer the poll form, the interest is tallied per item (people, quantity, boxes),
 * and the poll becomes a round in one step.
 */

interface PollView {
  id: string;
  formUrl: string;
  chatText: string;
  answers: number;
  interest: { itemId: string; people: number; quantity: number; boxes: number; toNextBox: number }[];
  lines: string[];
  notInCatalog: string;
  roundId: string;
  created: string;
  roundTitle: string;
}

test('a poll turned into a round: answers tallied per item, then a draft round of what people asked for', () => {
  const c = openCommunity();
  const poll = c.ws.run<PollView>('createPoll', [
    { title: 'Что берём в декабре?', itemIds: ['RICE', 'OIL', 'FLOUR'], newLines: 'Мёд гречишный, кг', requestId: 'p-1' },
  ]);
  // A double click makes one poll.
  expect(c.ws.run<PollView>('createPoll', [{ title: 'Что берём в декабре?', itemIds: ['RICE'], requestId: 'p-1' }]).id).toBe(
    poll.id,
  );
  expect(poll.chatText).toBe(
    `Опрос «Что берём в декабре?»: что и сколько вы бы взяли в следующей закупке? Это ещё не заказ. ${poll.formUrl}`,
  );
  // The poll's form is not linked to the spreadsheet: its answers never reach the order intake.
  const formId = c.ws.forms.forms.find((f) => f.getPublishedUrl() === poll.formUrl)!.getId();
  const answer = (name: string, answers: Record<string, string>) => {
    const result = c.ws.submitForm(formId, {
      answers: { 'Ваше имя и квартира': name, ...answers },
      email: `${name.length}@example.org`,
    });
    expect(result.ok).toBe(true);
  };
  answer('Анна, кв. 5', { '«Рис», кг': '10', '«Масло подсолнечное», бут.': '2', '«Мёд гречишный», кг': '1' });
  answer('Борис, кв. 7', { '«Рис», кг': '12,5', '«Масло подсолнечное», бут.': '' });
  answer('Вера, кв. 9', { '«Рис», кг': '5', '«Мёд гречишный», кг': '2' });
  // Вера changes her mind: her last answer counts, once.
  answer('Вера, кв. 9', { '«Рис», кг': '6', '«Мёд гречишный», кг': '2' });
  expect(c.ws.spreadsheet.sheets.map((s) => s.name).filter((n) => n.includes('декабре'))).toEqual([]);
  const [seen] = c.ws.run<PollView[]>('pollsScreen');
  expect(seen.answers).toBe(3);
  expect(seen.interest.map((i) => [i.itemId, i.people, i.quantity, i.boxes, i.toNextBox])).toEqual([
    ['RICE', 3, 28.5, 1, 21.5],
    ['new:1', 2, 3, 0, 0],
    ['OIL', 1, 2, 0, 4],
    ['FLOUR', 0, 0, 0, 0],
  ]);
  expect(seen.lines[0]).toBe('Рис: всего 28,5\u00a0кг; хотят купить: 3. Полных коробок: 1, до следующей не хватает 21,5\u00a0кг');
  expect(seen.notInCatalog).toBe('Этих товаров ещё нет в каталоге (добавьте их, чтобы включить в закупку): Мёд гречишный');

  // One step: a draft round of the Catalog items somebody asked for.
  const deadline = new Date(c.ws.clock.now() + 72 * HOUR).toISOString();
  const round = c.ws.run<{ id: string; title: string; state: string; itemIds: string[] }>('roundFromPoll', [
    seen.id,
    deadline,
    'r-1',
  ]);
  expect(round).toMatchObject({ title: 'Что берём в декабре?', state: 'draft', itemIds: ['RICE', 'OIL'] });
  expect(c.ws.run<{ id: string }>('roundFromPoll', [seen.id, deadline, 'r-1']).id).toBe(round.id);
  expect(c.ws.run<PollView[]>('pollsScreen')[0].roundId).toBe(round.id);
  // The card names the poll by its title and date and the round by its title: no internal id (P1, R2).
  const card = c.ws.run<PollView[]>('pollsScreen')[0];
  expect(card.roundTitle).toBe('Что берём в декабре?');
  expect(card.created).toMatch(/ноября 2026/);
  const opened = c.ws.run<{ state: string }>('openRound', [round.id]);
  expect(opened.state).toBe('open');
  yes(c.ws, 'cancelRound', [round.id, 'проверка']);
});

test('a poll with nothing asked of the Catalog makes no round, and says why in the coordinator’s language', () => {
  const c = openCommunity();
  expect(() => c.ws.run('createPoll', [{ title: '', itemIds: [] }])).toThrow(
    'Назовите опрос.\nВыберите хотя бы один товар или впишите новый.',
  );
  const poll = c.ws.run<PollView>('createPoll', [{ title: 'Мёд?', newLines: 'Мёд, кг' }]);
  expect(() => c.ws.run('roundFromPoll', [poll.id, new Date(c.ws.clock.now() + 72 * HOUR).toISOString()])).toThrow(
    'В этом опросе пока никто не выбрал товаров из каталога: закупку составить не из чего.',
  );
});
