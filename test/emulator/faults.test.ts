import { EXECUTION_TIME_ERROR, SERVER_ERROR, loadScript } from '../../local/emulator';

// Fault injection: an execution killed at its Nth service call, as the 6-minute limit
// (https://developers.google.com/apps-script/guides/services/quotas#current_limitations) or a failing
// service would stop it. The service texts follow Apps Script's ("Service Documents failed while accessing
// document with id …", alexwforsythe/code-blocks#168; "We're sorry, a server error occurred…").

const SCRIPT = `
  function twoWrites() {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange(1, 1).setValue('first');
    sheet.getRange(1, 2).setValue('second');
  }
  function stubborn() {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange(1, 1).setValue('first');
    try { sheet.getRange(1, 2).setValue('second'); } catch (e) { sheet.getRange(1, 3).setValue('recovered: ' + e.message); }
    return 'carried on';
  }
  function propsThenLock() { PropertiesService.getScriptProperties().setProperty('a', '1'); LockService.getScriptLock().tryLock(1); }
  function other() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
`;

function load() {
  const { workspace: ws } = loadScript(SCRIPT);
  const cell = (c: number) => ws.spreadsheet.sheets[0].read(1, c);
  return { ws, cell };
}

/** The number of the call that performs the second write: counted by a dry run, as a sweep would. */
function secondWriteCall(): number {
  const { ws } = load();
  ws.run('twoWrites');
  // getActiveSpreadsheet, getSheets, getRange, setValue, getRange, setValue
  expect(ws.executions[0].serviceCalls).toBe(6);
  return 6;
}

test('a timeout between two writes leaves the first written and not the second', () => {
  const n = secondWriteCall();
  const { ws, cell } = load();
  ws.faults.killAt(n, 'timeout');
  expect(() => ws.run('twoWrites')).toThrow(EXECUTION_TIME_ERROR);
  expect([cell(1), cell(2)]).toEqual(['first', '']);
  expect(ws.executions[0]).toMatchObject({ error: EXECUTION_TIME_ERROR, faultAt: 'Range.setValue', serviceCalls: n });
});

test('the timeout cannot be caught: a script that catches it is stopped all the same', () => {
  const { ws, cell } = load();
  ws.faults.killAt(6, 'timeout');
  expect(() => ws.run('stubborn')).toThrow(EXECUTION_TIME_ERROR);
  expect([cell(1), cell(2), cell(3)]).toEqual(['first', '', '']);
});

test("a service error reads like Apps Script's and can be caught", () => {
  const { ws, cell } = load();
  ws.faults.killAt(6, 'serviceError');
  expect(ws.run('stubborn')).toBe('carried on');
  expect(cell(3)).toBe(`recovered: Service Spreadsheets failed while accessing document with id ${ws.documentId}.`);
  const other = load().ws;
  other.faults.killAt(1, 'serviceError');
  expect(() => other.run('propsThenLock')).toThrow(SERVER_ERROR);
});

test('a sweep kills every call in turn: each run leaves a prefix of the writes, never the second without the first', () => {
  const total = secondWriteCall();
  for (let n = 1; n <= total; n++) {
    const { ws, cell } = load();
    ws.faults.killAt(n, 'timeout');
    expect(() => ws.run('twoWrites')).toThrow(EXECUTION_TIME_ERROR);
    expect([cell(1), cell(2)]).toEqual([n > 4 ? 'first' : '', '']);
  }
});

test('a fault armed for a named function waits for it; other executions run untouched', () => {
  const { ws, cell } = load();
  ws.faults.killAt(1, 'timeout', { fn: 'twoWrites' });
  expect(ws.run('other')).toBe('Community');
  expect(ws.faults.isArmed).toBe(true);
  expect(() => ws.run('twoWrites')).toThrow(EXECUTION_TIME_ERROR);
  expect(cell(1)).toBe('');
  expect(ws.faults.isArmed).toBe(false);
  expect(() => ws.run('twoWrites')).not.toThrow();
});

test('a fault past the end of an execution is spent when it ends (the sweep is done)', () => {
  const { ws } = load();
  ws.faults.killAt(99, 'timeout');
  expect(() => ws.run('twoWrites')).not.toThrow();
  expect(ws.faults.isArmed).toBe(false);
});
