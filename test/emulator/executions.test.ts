import { EXECUTION_TIME_ERROR, loadScript } from '../../local/emulator';

const HOUR = 3600_000;

const SCRIPT = `
  var ticks = [];
  function tick_(e) { ticks.push(new Date().getTime ? e.triggerUid : ''); PropertiesService.getScriptProperties().setProperty('last', String(ticks.length)); }
  function onSubmit_(e) { PropertiesService.getScriptProperties().setProperty('submitted', e.values[1]); }
  function installTick() { return ScriptApp.newTrigger('tick_').timeBased().everyHours(1).create().getUniqueId(); }
  function installEveryMinute() { ScriptApp.newTrigger('tick_').timeBased().everyMinutes(5).create(); }
  function installSubmit() { ScriptApp.newTrigger('onSubmit_').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create(); }
  function countTriggers() { return ScriptApp.getProjectTriggers().length; }
  function busyLoop() { var s = SpreadsheetApp.getActive().getSheets()[0]; while (true) { s.getRange(1, 1).getValue(); } }
  function sleeper() { Utilities.sleep(7 * 60 * 1000); }
  function isDate() { return SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1).getValues()[0][0] instanceof Date; }
  function writeDate() { SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1).setValues([[new Date(0)]]); }
  function menuInNoneMode() { SpreadsheetApp.getUi().createAddonMenu().addItem('Help', 'x').addToUi(); return SpreadsheetApp.getActive(); }
  function lockTwice() { LockService.getScriptLock().waitLock(1000); }
`;

describe('triggers on the virtual clock', () => {
  test('an hourly trigger fires once per hour at a random minute that it keeps', () => {
    const { workspace: ws, context } = loadScript(SCRIPT, { now: Date.UTC(2026, 10, 2, 9, 0) });
    ws.run('installTick');
    const fired = ws.advance(5 * HOUR);
    expect(fired).toHaveLength(4);
    const minutes = fired.map((f) => new Date(f.startedAt).getUTCMinutes());
    expect(new Set(minutes).size).toBe(1);
    expect(fired.every((f) => f.error === undefined)).toBe(true);
    expect(context.ticks).toHaveLength(4);
  });

  test('an add-on cannot create a second trigger of the same type for the same user and document', () => {
    const { workspace: ws } = loadScript(SCRIPT);
    ws.run('installTick');
    expect(() => ws.run('installTick')).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account',
    );
    expect(ws.run('countTriggers')).toBe(1);
  });

  test('another coordinator can install their own, and each sees only their own triggers', () => {
    const { workspace: ws } = loadScript(SCRIPT);
    ws.run('installSubmit', [], { user: 'a@example.org' });
    ws.run('installSubmit', [], { user: 'b@example.org' });
    expect(ws.run('countTriggers', [], { user: 'a@example.org' })).toBe(1);
    // Both fire for one submission: the doubling the add-on must defend against.
    const runs = ws.fireSpreadsheetEvent('ON_FORM_SUBMIT', { values: ['t', 'Anna'] });
    expect(runs.map((r) => r.user)).toEqual(['a@example.org', 'b@example.org']);
  });

  test('an add-on time trigger may not run more often than hourly', () => {
    const { workspace: ws } = loadScript(SCRIPT);
    expect(() => ws.run('installEveryMinute')).toThrow('at most once per hour');
  });

  test('20 triggers per user per script', () => {
    const { workspace: ws } = loadScript(SCRIPT, { addOn: false });
    for (let i = 0; i < 20; i++) ws.run('installTick');
    expect(() => ws.run('installTick')).toThrow('This script has too many triggers.');
  });

  test('a failing trigger is recorded, not thrown at anyone', () => {
    const { workspace: ws } = loadScript(
      `function boom_() { throw new Error('bad'); } function install() { ScriptApp.newTrigger('boom_').timeBased().everyHours(1).create(); }`,
    );
    ws.run('install');
    const [run] = ws.advance(2 * HOUR);
    expect(run.error).toBe('bad');
  });
});

describe('executions', () => {
  test("an execution past 6 minutes is killed with Apps Script's error", () => {
    const { workspace: ws } = loadScript(SCRIPT);
    expect(() => ws.run('busyLoop')).toThrow(EXECUTION_TIME_ERROR);
    expect(ws.executions.at(-1)?.error).toBe(EXECUTION_TIME_ERROR);
  });

  test('sleeping past 6 minutes is killed too', () => {
    const { workspace: ws } = loadScript(SCRIPT);
    expect(() => ws.run('sleeper')).toThrow(EXECUTION_TIME_ERROR);
  });

  test("Dates read from the sheet are Dates in the script's own realm", () => {
    const { workspace: ws } = loadScript(SCRIPT);
    ws.run('writeDate');
    expect(ws.run('isDate')).toBe(true);
  });

  test('AuthMode.NONE allows the menu but not the spreadsheet', () => {
    const { workspace: ws } = loadScript(SCRIPT);
    expect(() => ws.run('menuInNoneMode', [], { authMode: 'NONE' })).toThrow(
      'You do not have permission to call SpreadsheetApp.getActive',
    );
    expect(ws.ui.menus[0].items[0].caption).toBe('Help');
  });

  test('locks are released when an execution ends', () => {
    const { workspace: ws } = loadScript(SCRIPT);
    ws.run('lockTwice');
    expect(() => ws.run('lockTwice')).not.toThrow();
  });
});

test("the script's clock is the virtual clock: new Date() and Date.now() follow it", () => {
  const { workspace: ws } = loadScript(
    `function now() { return [new Date().getTime(), Date.now(), new Date(0) instanceof Date]; }`,
    { now: Date.UTC(2030, 0, 1) },
  );
  const [a, b, isDate] = ws.run<[number, number, boolean]>('now');
  expect(Math.abs(a - Date.UTC(2030, 0, 1))).toBeLessThan(1000);
  expect(Math.abs(b - a)).toBeLessThan(1000);
  expect(isDate).toBe(true);
  ws.advance(24 * 3600_000);
  expect(ws.run<number[]>('now')[0] - a).toBeGreaterThanOrEqual(24 * 3600_000);
});

test('a script that catches the time-limit error is still stopped', () => {
  const { workspace: ws } = loadScript(
    `function stubborn() { var s = SpreadsheetApp.getActive().getSheets()[0]; try { while (true) s.getRange(1, 1).getValue(); } catch (e) {} return 'carried on'; }`,
  );
  expect(() => ws.run('stubborn')).toThrow('Exceeded maximum execution time');
});
