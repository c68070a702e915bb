import { FORM_NO_ACCESS_ERROR } from '../../local/emulator';
import { submitAsResident } from '../../local/scenario/resident';
import { HOUR, NOW, logRows, openCommunity, orderRows, submit, typeRows, yes } from '../harness/community';

// Issue 12, item 4: the round's Google Form as Google plays it (local/emulator/FIDELITY-FORMS-SHEETS.md rows
// 1–5), under both readings of what the pages leave open.

const SECOND = 'second@example.org';

describe('a new form is published (forms made after 30 June 2026 start unpublished)', () => {
  test('residents can order from the first minute: the add-on publishes the form and checks it', () => {
    const c = openCommunity();
    expect(NOW).toBeGreaterThan(Date.UTC(2026, 6, 1));
    const form = c.ws.forms.byId(c.formId)!;
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([true, true]);
    expect(submit(c, { name: 'Анна', items: { RICE: '2' } }).ok).toBe(true);
  });

  test('extending the stop of a closed round publishes its form again', () => {
    const c = openCommunity({ deadlineInHours: 1 });
    c.ws.run('closeRound', [c.roundId]);
    c.ws.forms.byId(c.formId)!.published = false;
    c.ws.run('extendDeadline', [c.roundId, new Date(c.ws.clock.now() + 5 * HOUR).toISOString()]);
    expect(submit(c, { name: 'Анна', items: { RICE: '2' } }).ok).toBe(true);
  });
});

describe('a form belongs to the coordinator who created it (FormApp.openById throws for anyone else)', () => {
  /** A round opened by a second coordinator: the triggers still run as the first. */
  function openedBySecond() {
    const c = openCommunity();
    typeRows(c.ws, 'Волонтёры', [[SECOND, 'Вторая', 'организатор', '']]);
    const round = c.ws.run<{ id: string }>(
      'createRound',
      [{ title: 'Декабрь', deadline: new Date(NOW + 24 * HOUR).toISOString(), itemIds: ['RICE', 'OIL'] }],
      { user: SECOND },
    );
    c.ws.run('openRound', [round.id], { user: SECOND });
    const formId = c.ws.forms.forms.at(-1)!.id;
    return { c, roundId: round.id, form: c.ws.forms.byId(formId)! };
  }

  test("it is shared with the community's coordinators and the account the triggers run as", () => {
    const { c, form } = openedBySecond();
    expect(form.owner).toBe(SECOND);
    expect(form.canOpen(c.ws.owner)).toBe(true);
  });

  test('closing a round whose form cannot be opened closes it anyway and says so (Log, close summary)', () => {
    const { c, roundId, form } = openedBySecond();
    form.editors = []; // e.g. a coordinator added to Volunteers after the round opened
    expect(() => c.ws.run('extendDeadline', [roundId, new Date(NOW + 48 * HOUR).toISOString()])).not.toThrow();
    const summary = yes<{ state: string; warning?: string }>(c.ws, 'closeRound', [roundId]);
    expect(summary.state).toBe('closed');
    expect(summary.warning).toContain('«Декабрь»');
    expect(summary.warning).toContain(FORM_NO_ACCESS_ERROR);
    expect(
      logRows(c.ws)
        .map((r) => r[5])
        .join('\n'),
    ).toContain('закрыта, но её форму остановить не удалось');
    expect(c.ws.spreadsheet.sheet('R2 · Счета')).toBeDefined();
  });

  test("a response to a form the triggers' account cannot open is read from its row", () => {
    const { c, roundId, form } = openedBySecond();
    form.editors = [];
    expect(form.canOpen(c.ws.owner)).toBe(false);
    const r = submitAsResident(c.ws, roundId, { name: 'Анна', email: 'anna@example.org', items: { RICE: '3' } });
    expect(r.ok).toBe(true);
    const rows = orderRows(c.ws).filter((o) => o.round === roundId);
    expect(rows.map((o) => [o.item, o.quantity, o.email])).toEqual([['RICE', 3, 'anna@example.org']]);
  });
});

describe.each(['VERIFIED', 'RESPONDER_INPUT'] as const)('email addresses (setCollectEmail(true) read as %s)', (means) => {
  test('a resident without a Google account types their address and orders', () => {
    const c = openCommunity({ fidelity: { collectEmailMeans: means } });
    const result = submit(c, { name: 'Нина', email: 'nina@mail.example', googleAccount: false, items: { EGGS: '1' } });
    expect(result.ok).toBe(true);
    expect(orderRows(c.ws).map((o) => o.email)).toEqual(['nina@mail.example']);
  });
});

test('two rounds with the same title get two response sheets (sheet names are unique)', () => {
  const c = openCommunity();
  const again = c.ws.run<{ id: string }>('createRound', [
    { title: 'Ноябрь', deadline: new Date(NOW + 24 * HOUR).toISOString(), itemIds: ['OIL'] },
  ]);
  c.ws.run('openRound', [again.id]);
  const names = c.ws.spreadsheet.sheets
    .map((s) => s.name)
    .filter((n) => n.startsWith('Ответы: Ноябрь'))
    .sort();
  expect(names).toEqual(['Ответы: Ноябрь', 'Ответы: Ноябрь (R2)']);
});

describe.each(['append', 'reuse'] as const)('a rebuilt form (rebuiltItemColumns: %s)', (columns) => {
  test('a response after rebuilding is read by its new questions, not the old blank columns', () => {
    const c = openCommunity({ fidelity: { rebuiltItemColumns: columns } });
    submit(c, { name: 'Анна', items: { RICE: '2' } });
    c.ws.run('openRound', [c.roundId]); // rebuild: every question is new, with a new id
    submit(c, { name: 'Борис', items: { OIL: '3', EGGS: '1' } });
    const boris = orderRows(c.ws).filter((o) => o.name === 'Борис');
    expect(boris.map((o) => [o.item, o.quantity])).toEqual([
      ['EGGS', 1],
      ['OIL', 3],
    ]);
  });
});

describe.each(['blanks', 'full'] as const)('an edited response (editedResponseEvent: %s)', (event) => {
  test('changing one answer keeps every other item of the order', () => {
    const c = openCommunity({ fidelity: { editedResponseEvent: event } });
    const first = submit(c, { name: 'Анна', items: { RICE: '3', OIL: '2', EGGS: '1' } });
    if (!first.ok) throw new Error('submit failed');
    c.ws.advance(HOUR);
    submit(c, { name: 'Анна', items: { RICE: '4', OIL: '2', EGGS: '1' } }, { edit: first.responseId });
    const anna = orderRows(c.ws).filter((o) => o.name === 'Анна');
    expect(anna.map((o) => [o.item, o.quantity, o.revision])).toEqual([
      ['EGGS', 1, 2],
      ['OIL', 2, 2],
      ['RICE', 4, 2],
    ]);
  });
});
