import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DECLARED_SCOPES } from '../../src/workspace/session';
import type { SetupCheck } from '../../src/addon/checkSetup';
import { DIST } from '../harness/bundle';
import { Community, DEPLOYMENTS, HOUR, openCommunity, submit, typeRows } from '../harness/community';

// Issue 12, item 10: "Check set-up" verifies on the real account what the emulator can only assume, and
// says in plain words what to fix.

const check = (c: Community, user?: string) => c.ws.run<SetupCheck>('checkSetup', [], { user });
const statusOf = (result: SetupCheck) => Object.fromEntries(result.lines.map((l) => [l.id, l.status]));
const textOf = (result: SetupCheck, id: string) =>
  result.lines
    .filter((l) => l.id === id)
    .map((l) => l.text)
    .join('\n');

test('the scopes it checks are the ones appsscript.json declares', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
  expect([...DECLARED_SCOPES].sort()).toEqual([...manifest.oauthScopes].sort());
});

describe.each(DEPLOYMENTS)('a healthy community (%s)', (deployment) => {
  test("every line is all right, in the coordinator's language", () => {
    const c = openCommunity({ deployment });
    submit(c, { name: 'Анна', items: { RICE: '1' } });
    c.ws.advance(2 * HOUR); // the hourly check has run (at a random minute of the hour after set-up)
    const result = check(c);
    expect(statusOf(result)).toEqual({
      scopes: 'ok',
      triggers: 'ok',
      tick: 'ok',
      form: 'ok',
      mail: 'ok',
      store: 'ok',
      cells: 'ok',
    });
    expect(result.lines.find((l) => l.id === 'form')?.title).toBe('Форма закупки «Ноябрь»');
    expect(textOf(result, 'mail')).toMatch(/^Сегодня можно отправить ещё \d+ (письмо|письма|писем); 0 писем ждут отправки$/);
    expect(result.tickLate).toBe(false);
  });

  test('set-up runs the check and says all is well', () => {
    const c = openCommunity({ deployment });
    expect(c.ws.run<{ problems: boolean }>('setUpCommunity').problems).toBe(false);
    expect(c.ws.spreadsheet.toasts.at(-1)?.message).toBe('Листы сообщества готовы.');
  });
});

describe('a broken community', () => {
  test('a missing trigger, an unpublished form and a spent quota are each named with what to do', () => {
    const c = openCommunity();
    c.ws.triggers.triggers = c.ws.triggers.triggers.filter((t) => t.handler !== 'onTick_');
    c.ws.forms.byId(c.formId)!.published = false;
    c.ws.mail.dailyQuota = 0;
    c.ws.run('saveOfflineOrder', [{ roundId: c.roundId, name: 'Нина', email: 'nina@example.org', quantities: { EGGS: '1' } }]);
    c.ws.run('closeRound', [c.roundId]);
    c.ws.run('extendDeadline', [c.roundId, new Date(c.ws.clock.now() + 5 * HOUR).toISOString()]);
    c.ws.forms.byId(c.formId)!.published = false;
    c.ws.triggers.triggers = c.ws.triggers.triggers.filter((t) => t.handler !== 'onTick_');
    const result = check(c);
    expect(statusOf(result)).toMatchObject({ triggers: 'fail', form: 'fail', mail: 'warn' });
    expect(textOf(result, 'triggers')).toContain('Не хватает: ежечасная проверка.');
    expect(textOf(result, 'form')).toContain('Не опубликована: участники не могут её открыть.');
    expect(textOf(result, 'mail')).toContain('Дневной лимит писем исчерпан');
  });

  test('set-up with something to fix says so and opens the panel on the check', () => {
    const c = openCommunity();
    c.ws.forms.byId(c.formId)!.published = false;
    expect(c.ws.run<{ problems: boolean }>('setUpCommunity').problems).toBe(true);
    expect(c.ws.spreadsheet.toasts.at(-1)?.message).toContain('«Проверить настройку»');
    expect(c.ws.ui.pages.at(-1)?.kind).toBe('sidebar');
  });

  test('a form another coordinator never shared cannot be checked, and says whom to ask', () => {
    const c = openCommunity({
      before: (ws) => typeRows(ws, 'Волонтёры', [['second@example.org', 'Вторая', 'организатор', '']]),
    });
    c.ws.session.locales.set('second@example.org', 'ru_RU');
    const result = check(c, 'second@example.org');
    expect(statusOf(result).form).toBe('ok'); // shared at opening: the Volunteers' coordinators are editors
    c.ws.forms.byId(c.formId)!.editors = [];
    expect(textOf(check(c, 'second@example.org'), 'form')).toContain('Попросите добавить вас в редакторы');
  });

  test('the hourly check late: the sidebar warns, and another coordinator can take the triggers over', () => {
    const c = openCommunity({ deployment: 'bound' });
    const second = 'second@example.org';
    typeRows(c.ws, 'Волонтёры', [[second, 'Вторая', 'организатор', '']]);
    c.ws.session.locales.set(second, 'ru_RU');
    c.ws.advance(2 * HOUR);
    // The owner's account can no longer run them (left the community, revoked access).
    c.ws.project.authorization.unauthorized.add(c.ws.owner);
    c.ws.advance(4 * HOUR);
    const warnings = c.ws.run<{ tickLate: boolean; hours: number }>('setupWarnings', [], { user: second });
    expect(warnings.tickLate).toBe(true);
    expect(warnings.hours).toBeGreaterThanOrEqual(3);
    const before = check(c, second);
    expect([before.tickLate, before.canTakeOver, statusOf(before).tick]).toEqual([true, true, 'warn']);
    expect(textOf(before, 'tick')).toContain('Попросите coordinator@example.org открыть эту таблицу');
    const after = c.ws.run<SetupCheck>('takeOverTriggers', [], { user: second });
    expect(statusOf(after).triggers).toBe('ok');
    c.ws.advance(2 * HOUR);
    expect(c.ws.executions.filter((e) => e.functionName === 'onTick_' && e.user === second && !e.error).length).toBeGreaterThan(
      0,
    );
    expect(check(c, second).tickLate).toBe(false);
  });
});
