import { TOO_MANY_TRIGGERS_ERROR } from '../../local/emulator';
import { KEYS } from '../../src/workspace/properties/keys';
import { readStored } from '../../src/workspace/properties/store';
import { loadAddOn } from '../harness/bundle';
import { DEPLOYMENTS, HOUR, NOW, openCommunity, orderRows, submit, typeRows } from '../harness/community';

// Issue 12, item 5: installable triggers as Google plays them (local/emulator/FIDELITY.md, "Triggers and
// quotas"), in both deployments.

const handlers = (ws: ReturnType<typeof loadAddOn>['workspace']) => ws.triggers.triggers.map((t) => t.handler).sort();

describe.each(DEPLOYMENTS)('the community keeps exactly its three triggers (%s)', (deployment) => {
  test('set-up finds its clock trigger by the id it recorded: getUserTriggers(spreadsheet) does not list clock triggers', () => {
    const { workspace: ws } = loadAddOn({ now: NOW, deployment });
    for (let i = 0; i < 3; i++) expect(() => ws.run('setUpCommunity')).not.toThrow();
    expect(handlers(ws)).toEqual(['onFormSubmit_', 'onSheetEdit_', 'onTick_']);
    const ids = [...ws.properties.document.data].filter(([k]) => k.startsWith('trigger:'));
    expect(ids.map(([, id]) => id).sort()).toEqual(ws.triggers.triggers.map((t) => t.id).sort());
  });

  test('a trigger Google refuses to create (20 per user per script) is reported, and set-up goes on', () => {
    const { workspace: ws } = loadAddOn({ now: NOW, deployment });
    // The coordinator's other scripts already hold their 20 triggers in this project.
    for (let i = 0; i < 20; i++)
      ws.triggers.triggers.push({
        id: `old-${i}`,
        handler: 'old',
        type: 'ON_OPEN',
        source: 'SPREADSHEETS',
        sourceId: `x${i}`,
        user: ws.owner,
      });
    expect(() => ws.run('setUpCommunity')).not.toThrow();
    expect(ws.spreadsheet.sheets.length).toBeGreaterThan(5);
    const problem = readStored(Object.fromEntries(ws.properties.document.data), KEYS.triggerProblem);
    expect(problem?.error).toBe(TOO_MANY_TRIGGERS_ERROR);
  });

  test("a handler fired by a trigger that is not the community's does nothing, and removes itself", () => {
    const c = openCommunity({ deployment });
    const ours = c.ws.triggers.triggers.find((t) => t.type === 'ON_FORM_SUBMIT')!;
    // A stray trigger of a second coordinator (made by hand, or left from before a takeover) fires first.
    c.ws.triggers.triggers.unshift({ ...ours, id: 'stray', user: 'second@example.org' });
    const result = submit(c, { name: 'Анна', items: { RICE: '2' } });
    expect(result.ok && result.runs?.map((r) => [r.user, r.error])).toEqual([
      ['second@example.org', undefined],
      [c.ws.owner, undefined],
    ]);
    expect(orderRows(c.ws)).toHaveLength(1);
    expect(c.ws.mail.sent.filter((m) => m.subject.includes('записан'))).toHaveLength(1);
    expect(c.ws.triggers.triggers.map((t) => t.id)).not.toContain('stray');
  });
});

describe('a published add-on: the hourly tick runs with no spreadsheet (Fidelity.clockActiveDocument: none)', () => {
  test('it still closes the form at the stop and sends reminders; the first visit closes the round', () => {
    const c = openCommunity({
      deadlineInHours: 5,
      deployment: 'addon',
      before: (ws) => typeRows(ws, 'Участники', [['anna@example.org', 'Анна', '', 'Дом 1', '1', 'ru', false]]),
    });
    c.ws.advance(6 * HOUR);
    expect(c.ws.mail.sent.filter((m) => m.subject.includes('скоро стоп')).map((m) => m.to)).toEqual(['anna@example.org']);
    const ticks = c.ws.executions.filter((e) => e.functionName === 'onTick_');
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.map((e) => [e.document, e.error])).toEqual(ticks.map(() => [null, undefined]));
    expect(c.ws.forms.byId(c.formId)!.isAcceptingResponses()).toBe(false);
    expect(c.ws.run<{ state: string }[]>('listRounds')[0].state).toBe('closed');
  });

  test('under the other reading (the tick gets its file) it does the whole of it itself', () => {
    const c = openCommunity({ deadlineInHours: 5, deployment: 'addon', fidelity: { clockActiveDocument: 'container' } });
    submit(c, { name: 'Анна', email: 'anna@example.org', items: { EGGS: '1' } });
    c.ws.advance(6 * HOUR);
    expect(c.ws.mail.sent.filter((m) => m.subject.includes('счёт')).map((m) => m.to)).toEqual(['anna@example.org']);
  });

  test('the deadline holds when no tick ever runs: the first submission after it closes the round', () => {
    const c = openCommunity({ deadlineInHours: 1, deployment: 'addon' });
    c.ws.triggers.triggers = c.ws.triggers.triggers.filter((t) => t.handler !== 'onTick_');
    submit(c, { name: 'Анна', email: 'anna@example.org', items: { EGGS: '1' } });
    c.ws.clock.advance(2 * HOUR);
    const late = submit(c, { name: 'Поздний', items: { EGGS: '1' } });
    expect(late.ok).toBe(true); // the form was still open: nobody closed it
    expect(orderRows(c.ws).map((o) => o.name)).toEqual(['Анна']);
    expect(c.ws.forms.byId(c.formId)!.isAcceptingResponses()).toBe(false);
    expect(c.ws.mail.sent.filter((m) => m.subject.includes('счёт')).map((m) => m.to)).toEqual(['anna@example.org']);
  });
});
