import { Workspace } from '../../local/emulator';
import { HOUR, NOW, Community, openCommunity, orderRows, submit } from '../harness/community';

// Issue 12, item 7. "Up to 10 million cells" per spreadsheet (https://support.google.com/drive/answer/37603):
// insertSheet and every growth past it are refused. The coordinator gets a sentence, never a stack trace.

const CELLS = 10_000_000;

/** Old rounds' tabs fill the spreadsheet up to `free` cells below the limit. */
function fillUp(ws: Workspace, free: number): () => void {
  const archive = ws.spreadsheet.addSheet('Старые закупки');
  archive.maxColumns = 10;
  archive.maxRows = Math.floor((CELLS - ws.spreadsheet.totalCells() + archive.maxRows * 10 - free) / 10);
  return () => {
    ws.spreadsheet.sheets = ws.spreadsheet.sheets.filter((s) => s !== archive);
  };
}

function secondRound(c: Community): string {
  const round = c.ws.run<{ id: string }>('createRound', [
    { title: 'Декабрь', deadline: new Date(NOW + 24 * HOUR).toISOString(), itemIds: ['RICE'] },
  ]);
  return round.id;
}

test("opening a round in a full spreadsheet says what to do, in the coordinator's language, and loses nothing", () => {
  const c = openCommunity();
  const roundId = secondRound(c);
  const archive = fillUp(c.ws, 1000);
  const forms = c.ws.forms.forms.length;
  expect(() => c.ws.run('openRound', [roundId])).toThrow(
    'Таблица достигла предела Google в 10 миллионов ячеек, и дополнение не может добавить лист или строки. Ничего не потеряно.',
  );
  expect(c.ws.forms.forms).toHaveLength(forms);
  expect(c.ws.run<{ id: string; state: string }[]>('listRounds').find((r) => r.id === roundId)?.state).toBe('draft');
  archive(); // the coordinator archives old rounds' tabs
  c.ws.run('openRound', [roundId]);
  expect(c.ws.run<{ id: string; state: string }[]>('listRounds').find((r) => r.id === roundId)?.state).toBe('open');
});

test('a form whose response sheet the limit refused is kept, and linked when the round is opened again', () => {
  const c = openCommunity();
  const roundId = secondRound(c);
  // Room for the round's own tabs (3 × 26,000 cells), not for the form's response sheet.
  const archive = fillUp(c.ws, 3 * 26_000 + 1000);
  expect(() => c.ws.run('openRound', [roundId])).toThrow('10 миллионов ячеек');
  const forms = c.ws.forms.forms.length;
  archive();
  c.ws.run('openRound', [roundId]);
  expect(c.ws.forms.forms).toHaveLength(forms);
  expect(c.ws.forms.forms.at(-1)!.destination()).toBeDefined();
});

test('a submission that finds the spreadsheet full is parked, and recorded once there is room', () => {
  const c = openCommunity();
  const orders = c.ws.spreadsheet.sheet('Заказы')!;
  c.ws.properties.document.data.set('ordersNextRow', String(orders.maxRows + 1));
  c.ws.properties.document.data.set('ordersNextRowCapacity', String(orders.maxRows));
  const archive = fillUp(c.ws, 1000);
  const result = submit(c, { name: 'Анна', items: { RICE: '2' } });
  expect(result.ok && result.runs?.[0].error).toBeUndefined();
  expect(orderRows(c.ws)).toEqual([]);
  archive();
  c.ws.run('roundsScreen');
  expect(orderRows(c.ws).map((o) => o.name)).toEqual(['Анна']);
});
