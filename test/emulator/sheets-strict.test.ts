import { Workspace, loadScript, saveState, loadState } from '../../local/emulator';
import type { WorkspaceOptions } from '../../local/emulator';

/** Sheets behaviours the add-on leans on, played strictly; FIDELITY-FORMS-SHEETS.md has the sources. */
function book(options: WorkspaceOptions = {}) {
  const ws = new Workspace(options);
  const ss = ws.spreadsheetApp.getActive();
  return { ws, ss, sheet: ss.insertSheet('Data') };
}

describe('sheet names are unique whatever their case (Sheet.setName, Spreadsheet.insertSheet)', () => {
  // Sheets answers a taken name with: A sheet with the name "X" already exists. Please enter another name.
  // (the Sheets API's wording); case is ignored: github.com/socialpoint-labs/sheetfu/pull/26 "trying to
  // create 2 sheets with the same name but different cases fails, whether you do it from the spreadsheet
  // UI or the API".
  test('setName refuses a name another sheet has, in any case, and leaves the name as it was', () => {
    const { ss } = book();
    const other = ss.insertSheet('Orders');
    expect(() => other.setName('Data')).toThrow('A sheet with the name "Data" already exists. Please enter another name.');
    expect(() => other.setName('DATA')).toThrow('A sheet with the name "DATA" already exists. Please enter another name.');
    expect(other.getName()).toBe('Orders');
    other.setName('ORDERS');
    expect(other.getName()).toBe('ORDERS');
  });

  test('insertSheet refuses a name that differs only in case', () => {
    const { ss } = book();
    expect(() => ss.insertSheet('data')).toThrow('A sheet with the name "data" already exists');
  });
});

describe('the 10 million cell limit (support.google.com/drive/answer/37603)', () => {
  test('insertSheet is refused when a new 1000 × 26 sheet would pass the limit', () => {
    const { ss, sheet } = book();
    // Fill the workbook to within one sheet's worth of the limit: 10,000,000 - 26,000 + 1 cells.
    const already = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    const rows = Math.ceil((10_000_000 - 26_000 + 1 - already) / 26);
    sheet.insertRowsAfter(sheet.getMaxRows(), rows);
    expect(() => ss.insertSheet('One more')).toThrow('above the limit of 10000000 cells');
    expect(ss.getSheetByName('One more')).toBeNull();
  });
});

describe("an apostrophe written into a plain-text ('@') cell (not documented: Fidelity.apostropheInPlainText)", () => {
  test('strict: the apostrophe stays part of the text in a plain-text cell, and is hidden in a General cell', () => {
    const { sheet } = book();
    sheet.getRange('A1').setNumberFormat('@');
    sheet.getRange(1, 1, 1, 2).setValues([["'anna@example.org", "'anna@example.org"]]);
    expect(sheet.getRange(1, 1, 1, 2).getValues()[0]).toEqual(["'anna@example.org", 'anna@example.org']);
    expect(sheet.getRange(1, 1, 1, 2).getDisplayValues()[0]).toEqual(["'anna@example.org", 'anna@example.org']);
    // The other reading hides it in both.
    const other = book({ fidelity: { apostropheInPlainText: 'stripped' } }).sheet;
    other.getRange('A1').setNumberFormat('@');
    other.getRange('A1').setValue("'+79001234567");
    expect(other.getRange('A1').getValue()).toBe('+79001234567');
  });
});

describe('typed input is read by the spreadsheet locale (support.google.com/docs/answer/58515)', () => {
  const write = (locale: string, text: string, zone = 'Europe/Moscow') => {
    const { sheet } = book({ locale, timeZone: zone, now: Date.UTC(2026, 10, 2, 9) });
    sheet.getRange('A1').setValue(text);
    return { value: sheet.getRange('A1').getValue(), shown: sheet.getRange('A1').getDisplayValues()[0][0] };
  };

  test('ru_RU: a comma is the decimal mark, a space groups digits, and "1.5" is the 1st of May', () => {
    expect(write('ru_RU', '95,50').value).toBe(95.5);
    expect(write('ru_RU', '1 234,50').value).toBe(1234.5);
    expect(write('ru_RU', '2,5%').value).toBeCloseTo(0.025);
    const may = write('ru_RU', '1.5');
    expect(may.value).toBeInstanceOf(Date);
    expect((may.value as Date).toISOString()).toBe('2026-04-30T21:00:00.000Z');
    expect(may.shown).toBe('01.05.2026');
    expect(write('ru_RU', '25.11.2026 18:00').shown).toBe('25.11.2026 18:00:00');
  });

  test('en_US: "1.5" is a number, "1,5" stays text, "1/5" is the 5th of January', () => {
    expect(write('en_US', '1.5').value).toBe(1.5);
    expect(write('en_US', '1,5').value).toBe('1,5');
    expect(write('en_US', '1,234.5').value).toBe(1234.5);
    const jan = write('en_US', '1/5', 'America/New_York');
    expect((jan.value as Date).toISOString()).toBe('2026-01-05T05:00:00.000Z');
    expect(jan.shown).toBe('1/5/2026');
  });

  test('en_GB reads day first; zh_CN reads year first and a dot as decimal mark', () => {
    // Midnight of 1 May in London is 23:00 UTC (summer time).
    expect((write('en_GB', '1/5/2026', 'Europe/London').value as Date).toISOString()).toBe('2026-04-30T23:00:00.000Z');
    expect(write('zh_CN', '1.5').value).toBe(1.5);
    const d = write('zh_CN', '2026/11/25', 'Asia/Shanghai');
    expect((d.value as Date).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(d.shown).toBe('2026-11-25');
  });

  test('a time of day is a date-time on 30 December 1899, shown as a time', () => {
    const t = write('ru_RU', '18:30');
    expect((t.value as Date).getFullYear()).toBe(1899);
    expect(t.shown).toBe('18:30:00');
  });

  test('JS numbers stay numbers and plain-text cells keep the text; the locale-free reading is a switch', () => {
    const { sheet } = book({ locale: 'ru_RU' });
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange(1, 1, 1, 4).setValues([[1.5, '1.5', 95.5, '95,50']]);
    expect(sheet.getRange(1, 1, 1, 4).getValues()[0]).toEqual([1.5, '1.5', 95.5, 95.5]);
    expect(sheet.getRange(1, 1, 1, 4).getDisplayValues()[0]).toEqual(['1,5', '1.5', '95,5', '95,5']);
    const invariant = book({ locale: 'ru_RU', fidelity: { typedInputLocale: 'invariant' } }).sheet;
    invariant.getRange(1, 1, 1, 2).setValues([['95,50', '1.5']]);
    expect(invariant.getRange(1, 1, 1, 2).getValues()[0]).toEqual(['95,50', 1.5]);
  });
});

describe('save and load keep what this emulator adds', () => {
  test('forms (owner, publishing, columns), range protections and typed dates survive a restart', () => {
    const SCRIPT = `
      function build() {
        var f = FormApp.create('R');
        f.addTextItem().setTitle('Name');
        f.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
        f.deleteItem(0);
        f.addTextItem().setTitle('Name');
        f.addEditor('v@example.org');
        var s = SpreadsheetApp.getActive().insertSheet('Handout');
        s.getRange('A1').setValue('1.5');
        s.getRange('B2:B9').protect().setDescription('ticks').removeEditors(['x@example.org']);
        return f.getId();
      }
      function addItem(id) { return FormApp.openById(id).addTextItem().getId(); }`;
    const { workspace: a } = loadScript(SCRIPT, { user: 'c@example.org' });
    const id = a.run<string>('build');
    const state = JSON.parse(JSON.stringify(saveState(a)));
    const { workspace: b } = loadScript(SCRIPT, { user: 'c@example.org' });
    loadState(b, state);
    const form = b.forms.byId(id)!;
    expect([form.owner, form.editors, form.published, form.columnKeys.length]).toEqual([
      'c@example.org',
      ['v@example.org'],
      false,
      3,
    ]);
    const handout = b.spreadsheet.sheet('Handout')!;
    expect(handout.proxy.getRange('A1').getDisplayValues()[0][0]).toBe('01.05.2026');
    const [p] = handout.proxy.getProtections(b.spreadsheetApp.proxy.ProtectionType.RANGE);
    expect([p.getDescription(), p.getRange().getA1Notation()]).toEqual(['ticks', 'B2:B9']);
    // Item ids are not reused after a restart, not even a deleted question's.
    const used = a.forms.byId(id)!.columnKeys.map((k) => Number(k.split(':')[1]));
    expect(used).not.toContain(b.run<number>('addItem', [id], { user: 'c@example.org' }));
  });
});
