import { FORMULA_NOT_EVALUATED, Workspace } from '../../local/emulator';

function sheet(options = {}) {
  const ws = new Workspace(options);
  const ss = ws.spreadsheetApp.getActive();
  return { ws, ss, sheet: ss.insertSheet('Data') };
}

describe('values as Sheets stores them', () => {
  test('getValues returns numbers, booleans, Dates and "" for blanks', () => {
    const { sheet: s } = sheet();
    const when = new Date(Date.UTC(2026, 10, 20, 9, 30));
    s.getRange(1, 1, 1, 4).setValues([[42, true, when, 'rice']]);
    const [row] = s.getRange(1, 1, 1, 5).getValues();
    expect(row).toEqual([42, true, when, 'rice', '']);
    expect(row[2]).toBeInstanceOf(Date);
    expect(typeof row[0]).toBe('number');
  });

  test('text that looks like a number becomes a number, unless the cell is plain text or starts with an apostrophe', () => {
    const { sheet: s } = sheet();
    s.getRange('B1').setNumberFormat('@');
    s.getRange(1, 1, 1, 3).setValues([['+79001234567', '+79001234567', "'007"]]);
    expect(s.getRange(1, 1, 1, 3).getValues()[0]).toEqual([79001234567, '+79001234567', '007']);
  });

  test('a string starting with "=" becomes a formula; an apostrophe keeps it as text', () => {
    const { sheet: s } = sheet();
    s.getRange(1, 1, 1, 2).setValues([['=IMPORTDATA("http://x")', '\'=IMPORTDATA("http://x")']]);
    expect(s.getRange(1, 1, 1, 2).getFormulas()[0]).toEqual(['=IMPORTDATA("http://x")', '']);
    expect(s.getRange(1, 1, 1, 2).getValues()[0]).toEqual([FORMULA_NOT_EVALUATED, '=IMPORTDATA("http://x")']);
  });

  test('TRUE/FALSE text becomes booleans and ISO dates become Dates in the sheet time zone', () => {
    const { sheet: s } = sheet({ timeZone: 'Asia/Shanghai' });
    s.getRange(1, 1, 1, 2).setValues([['true', '2026-11-25 18:00']]);
    const [flag, date] = s.getRange(1, 1, 1, 2).getValues()[0];
    expect(flag).toBe(true);
    expect((date as Date).toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  test('getValues hands out copies: changing them does not change the sheet', () => {
    const { sheet: s } = sheet();
    s.getRange('A1').setValues([[1]]);
    const values = s.getRange('A1').getValues();
    values[0][0] = 99;
    expect(s.getRange('A1').getValues()[0][0]).toBe(1);
  });
});

describe('setValues dimension errors use Apps Script wording', () => {
  test('too few rows', () => {
    const { sheet: s } = sheet();
    expect(() => s.getRange(1, 1, 3, 1).setValues([[1], [2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test('ragged columns', () => {
    const { sheet: s } = sheet();
    expect(() => s.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('nothing is written when the shape is wrong', () => {
    const { sheet: s } = sheet();
    expect(() => s.getRange(1, 1, 2, 1).setValues([[1]])).toThrow();
    expect(s.getLastRow()).toBe(0);
  });
});

describe('display values follow number formats, locale and time zone', () => {
  test('money and plain numbers in a Russian sheet', () => {
    const { sheet: s } = sheet({ locale: 'ru_RU' });
    const r = s.getRange(1, 1, 1, 3);
    r.setValues([[1234.5, 0.25, 3.5]]);
    r.setNumberFormats([['#,##0.00 "₽"', '0%', 'General']]);
    expect(r.getDisplayValues()[0]).toEqual(['1\u00a0234,50 ₽', '25%', '3,5']);
  });

  test('dates show in the sheet time zone', () => {
    const { sheet: s } = sheet({ locale: 'en_US', timeZone: 'Asia/Shanghai' });
    const r = s.getRange(1, 1, 1, 2);
    r.setValues([[new Date(Date.UTC(2026, 10, 25, 10, 0)), new Date(Date.UTC(2026, 10, 25, 10, 0))]]);
    r.setNumberFormats([['General', 'yyyy-mm-dd hh:mm']]);
    expect(r.getDisplayValues()[0]).toEqual(['11/25/2026 18:00:00', '2026-11-25 18:00']);
  });

  test('number formats are stored and read back', () => {
    const { sheet: s } = sheet();
    s.getRange(1, 1, 2, 1).setNumberFormat('0.00');
    expect(s.getRange(1, 1, 2, 2).getNumberFormats()).toEqual([
      ['0.00', 'General'],
      ['0.00', 'General'],
    ]);
  });
});

describe('sheet shape', () => {
  test('a new sheet is 1000 × 26 and a range beyond it is refused', () => {
    const { sheet: s } = sheet();
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => s.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    s.insertRowsAfter(1000, 10);
    expect(s.getRange(1010, 1).getA1Notation()).toBe('A1010');
  });

  test('appendRow writes after the last row with content and grows a full sheet', () => {
    const { sheet: s } = sheet();
    s.getRange(1000, 1).setValues([['last']]);
    s.appendRow(['next', 2]);
    expect(s.getMaxRows()).toBe(1001);
    expect(s.getRange(1001, 1, 1, 2).getValues()).toEqual([['next', 2]]);
  });

  test('getLastRow, getLastColumn and getDataRange see only content', () => {
    const { sheet: s } = sheet();
    expect(s.getLastRow()).toBe(0);
    s.getRange('C4').setValues([['x']]);
    expect([s.getLastRow(), s.getLastColumn(), s.getDataRange().getA1Notation()]).toEqual([4, 3, 'A1:C4']);
  });

  test('the workbook refuses to pass 10 million cells', () => {
    const { sheet: s } = sheet();
    expect(() => s.insertRowsAfter(1000, 400_000)).toThrow('above the limit of 10000000 cells');
  });

  test('frozen rows, protection and clear are recorded', () => {
    const { ws, sheet: s } = sheet();
    s.getRange('A1').setValues([['Header']]);
    s.setFrozenRows(1);
    s.protect().setDescription('computed').setWarningOnly(true);
    expect(s.getFrozenRows()).toBe(1);
    expect(ws.spreadsheet.sheet('Data')?.protection?.description).toBe('computed');
    s.clear();
    expect(s.getLastRow()).toBe(0);
  });

  test('insertSheet refuses a duplicate name; getSheetByName finds by exact name', () => {
    const { ss } = sheet();
    expect(() => ss.insertSheet('Data')).toThrow('A sheet with the name "Data" already exists');
    expect(ss.getSheetByName('Data')?.getName()).toBe('Data');
    expect(ss.getSheetByName('data')).toBeNull();
  });

  test('the spreadsheet has a time zone and a locale', () => {
    const { ss } = sheet({ timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual(['Asia/Shanghai', 'zh_CN']);
  });
});

describe('fidelity guards', () => {
  test('a member the emulator does not implement fails loudly', () => {
    const { sheet: s } = sheet();
    const range = s.getRange('A1') as unknown as Record<string, () => void>;
    expect(() => range.getRichTextValues()).toThrow('not emulated: Range.getRichTextValues');
  });

  test('every call is counted per method, and round trips apart from handle lookups', () => {
    const { ws, sheet: s } = sheet();
    ws.calls.reset();
    const r = s.getRange(1, 1, 2, 2);
    r.setValues([
      [1, 2],
      [3, 4],
    ]);
    r.getValues();
    expect(ws.calls.get('Range.setValues')).toBe(1);
    expect(ws.calls.get('Sheet.getRange')).toBe(1);
    expect(ws.calls.total('spreadsheet')).toBe(3);
    expect(ws.calls.roundTrips('spreadsheet')).toBe(2);
  });
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setFontWeights(Object),
// #setBackgrounds(String), #setDataValidations(DataValidation): a grid the range's shape, one call each.
describe('formats as a grid over one block, one round trip each', () => {
  function grid() {
    const made = sheet();
    const emu = made.ws.spreadsheet.sheets.find((s) => s.name === 'Data')!;
    return { ...made, emu };
  }

  test('font weights and backgrounds land cell by cell; null resets', () => {
    const { ws, sheet: s, emu } = grid();
    const r = s.getRange(1, 1, 2, 2);
    r.setFontWeight('bold');
    ws.calls.reset();
    r.setFontWeights([
      ['bold', null],
      [null, 'bold'],
    ]);
    r.setBackgrounds([
      ['#e8f0fe', null],
      [null, null],
    ]);
    expect(ws.calls.roundTrips('spreadsheet')).toBe(2);
    expect(emu.styles.get(emu.key(1, 1))).toEqual({ fontWeight: 'bold', background: '#e8f0fe' });
    expect(emu.styles.get(emu.key(1, 2))).toEqual({ fontWeight: 'normal', background: '' });
    expect(emu.styles.get(emu.key(2, 2))?.fontWeight).toBe('bold');
  });

  test('data validations per cell: a checkbox here, a dropdown there, none elsewhere', () => {
    const { ws, sheet: s, emu } = grid();
    const box = ws.spreadsheetApp.newDataValidation().requireCheckbox().build();
    const list = ws.spreadsheetApp.newDataValidation().requireValueInList(['rice', 'oil'], true).build();
    s.getRange('B2').setDataValidation(list);
    ws.calls.reset();
    s.getRange(1, 1, 2, 2).setDataValidations([
      [box, list],
      [null, null],
    ]);
    expect(ws.calls.roundTrips('spreadsheet')).toBe(1);
    expect(emu.validations.get(emu.key(1, 1))?.kind).toBe('checkbox');
    expect(emu.validations.get(emu.key(1, 2))?.values).toEqual(['rice', 'oil']);
    expect(emu.validations.has(emu.key(2, 2))).toBe(false);
  });

  test('a grid of the wrong shape is refused with the setValues wording, and nothing changes', () => {
    const { sheet: s, emu } = grid();
    expect(() => s.getRange(1, 1, 2, 1).setFontWeights([['bold']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => s.getRange(1, 1, 1, 2).setBackgrounds([['#fff']])).toThrow('The number of columns');
    expect(() => s.getRange(1, 1, 1, 2).setDataValidations([[null]])).toThrow('The number of columns');
    expect(emu.styles.size).toBe(0);
  });
});
