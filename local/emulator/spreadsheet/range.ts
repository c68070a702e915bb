import { guarded } from '../guard';
import { toA1 } from './a1';
import { EmuProtection } from './protection';
import type { EmuSheet } from './sheet';
import { ruleOf } from './validation';
import { displayValue } from './values';

type Members =
  | 'getValues'
  | 'setValues'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'getValue'
  | 'setValue'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'clear'
  | 'clearContent'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormats'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'createTextFinder'
  | 'offset'
  | 'protect';

/** Apps Script's texts for a setValues whose data does not fit the range. */
export function dimensionError(what: 'rows' | 'columns', data: number, range: number): Error {
  return new Error(
    `The number of ${what} in the data does not match the number of ${what} in the range. The data has ${data} but the range has ${range}.`,
  );
}

export class EmuRange implements Pick<GoogleAppsScript.Spreadsheet.Range, Members> {
  readonly proxy: GoogleAppsScript.Spreadsheet.Range;

  constructor(
    readonly sheet: EmuSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {
    this.proxy = guarded(this, 'Range');
  }

  private call(method: string) {
    this.sheet.host.runtime.call('spreadsheet', `Range.${method}`);
  }

  private map<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = new Array(this.numColumns);
      for (let c = 0; c < this.numColumns; c++) line[c] = fn(this.row + r, this.column + c);
      out.push(line);
    }
    return out;
  }

  private checkShape(values: unknown[][]): void {
    if (!Array.isArray(values))
      throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
    if (values.length !== this.numRows) throw dimensionError('rows', values.length, this.numRows);
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.numColumns) {
        throw dimensionError('columns', Array.isArray(line) ? line.length : 0, this.numColumns);
      }
    }
  }

  getValues(): any[][] {
    this.call('getValues');
    return this.map((r, c) => this.sheet.read(r, c));
  }

  setValues(values: any[][]) {
    this.call('setValues');
    this.checkShape(values);
    this.sheet.checkWritable(this);
    values.forEach((line, r) => line.forEach((v, c) => this.sheet.put(this.row + r, this.column + c, v)));
    return this.proxy;
  }

  getDisplayValues(): string[][] {
    this.call('getDisplayValues');
    const { locale, timeZone } = { locale: this.sheet.host.locale(), timeZone: this.sheet.host.timeZone() };
    return this.map((r, c) =>
      displayValue(this.sheet.cell(r, c), this.sheet.formats.get(this.sheet.key(r, c)), locale, timeZone),
    );
  }

  getFormulas(): string[][] {
    this.call('getFormulas');
    return this.map((r, c) => this.sheet.cell(r, c)?.formula ?? '');
  }

  getValue(): any {
    this.call('getValue');
    return this.sheet.read(this.row, this.column);
  }

  /** "Sets the value of the range": every cell of a larger range gets it, as Sheets does. */
  setValue(value: any) {
    this.call('setValue');
    this.sheet.checkWritable(this);
    this.map((r, c) => this.sheet.put(r, c, value));
    return this.proxy;
  }

  getRow() {
    return this.row;
  }

  getColumn() {
    return this.column;
  }

  getNumRows() {
    return this.numRows;
  }

  getNumColumns() {
    return this.numColumns;
  }

  getLastRow() {
    return this.row + this.numRows - 1;
  }

  getLastColumn() {
    return this.column + this.numColumns - 1;
  }

  getA1Notation() {
    return toA1(this);
  }

  getSheet() {
    return this.sheet.proxy;
  }

  clear() {
    this.call('clear');
    this.sheet.checkWritable(this);
    this.map((r, c) => {
      this.sheet.put(r, c, '');
      this.sheet.formats.delete(this.sheet.key(r, c));
      this.sheet.validations.delete(this.sheet.key(r, c));
    });
    return this.proxy;
  }

  clearContent() {
    this.call('clearContent');
    this.sheet.checkWritable(this);
    this.map((r, c) => this.sheet.put(r, c, ''));
    return this.proxy;
  }

  setNumberFormat(numberFormat: string) {
    this.call('setNumberFormat');
    this.map((r, c) => this.sheet.formats.set(this.sheet.key(r, c), numberFormat));
    return this.proxy;
  }

  setNumberFormats(numberFormats: string[][]) {
    this.call('setNumberFormats');
    this.checkShape(numberFormats);
    this.map((r, c) => this.sheet.formats.set(this.sheet.key(r, c), numberFormats[r - this.row][c - this.column]));
    return this.proxy;
  }

  getNumberFormats(): string[][] {
    this.call('getNumberFormats');
    return this.map((r, c) => this.sheet.formats.get(this.sheet.key(r, c)) ?? 'General');
  }

  setFontWeight(fontWeight: string | null) {
    this.call('setFontWeight');
    this.style('fontWeight', fontWeight ?? 'normal');
    return this.proxy;
  }

  setBackground(color: string | null) {
    this.call('setBackground');
    this.style('background', color ?? '');
    return this.proxy;
  }

  /**
   * A grid of font weights in one call, its shape that of the range as setValues requires ("Sets a
   * rectangular grid of font weights (must match dimensions of this range)",
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setFontWeights(Object)); null resets.
   */
  setFontWeights(fontWeights: (string | null)[][]) {
    this.call('setFontWeights');
    this.checkShape(fontWeights);
    this.styleEach('fontWeight', (r, c) => fontWeights[r - this.row][c - this.column] ?? 'normal');
    return this.proxy;
  }

  /** "Sets a rectangular grid of background colors (must match dimensions of this range)" (range#setBackgrounds(String)). */
  setBackgrounds(colors: (string | null)[][]) {
    this.call('setBackgrounds');
    this.checkShape(colors);
    this.styleEach('background', (r, c) => colors[r - this.row][c - this.column] ?? '');
    return this.proxy;
  }

  private style(name: string, value: string) {
    this.styleEach(name, () => value);
  }

  private styleEach(name: string, valueAt: (row: number, column: number) => string) {
    this.map((r, c) => {
      const key = this.sheet.key(r, c);
      this.sheet.styles.set(key, { ...this.sheet.styles.get(key), [name]: valueAt(r, c) });
    });
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null) {
    this.call('setDataValidation');
    const parsed = ruleOf(rule);
    this.map((r, c) => {
      if (parsed) this.sheet.validations.set(this.sheet.key(r, c), parsed);
      else this.sheet.validations.delete(this.sheet.key(r, c));
    });
    return this.proxy;
  }

  /**
   * "Sets the data validation rules for all cells in the range. This method takes a two-dimensional array
   * of data validations, indexed by row then by column. The array dimensions must correspond to the range
   * dimensions" (range#setDataValidations(DataValidation)); a null rule removes the cell's validation.
   */
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]) {
    this.call('setDataValidations');
    this.checkShape(rules);
    this.map((r, c) => {
      const parsed = ruleOf(rules[r - this.row][c - this.column]);
      if (parsed) this.sheet.validations.set(this.sheet.key(r, c), parsed);
      else this.sheet.validations.delete(this.sheet.key(r, c));
    });
    return this.proxy;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GoogleAppsScript.Spreadsheet.Range {
    this.call('offset');
    const r = this.row + rowOffset;
    const c = this.column + columnOffset;
    const box = { numRows: numRows ?? this.numRows, numColumns: numColumns ?? this.numColumns };
    this.sheet.checkBounds(r, c, box.numRows, box.numColumns);
    return new EmuRange(this.sheet, r, c, box.numRows, box.numColumns).proxy;
  }

  /**
   * Protects these cells (https://developers.google.com/apps-script/reference/spreadsheet/range#protect()):
   * the spreadsheet owner and the person protecting are its editors until more are added.
   */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.call('protect');
    const box = { row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns };
    const protection = new EmuProtection(this.sheet.protectionHost, 'RANGE', box);
    this.sheet.rangeProtections.push(protection);
    return protection.proxy;
  }

  /** Server-side search, so a script finds its rows without reading the whole sheet. */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.call('createTextFinder');
    return new EmuTextFinder(this, findText).proxy;
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.call('getDataValidation');
    const rule = this.sheet.validations.get(this.sheet.key(this.row, this.column));
    return rule ? ({ rule } as unknown as GoogleAppsScript.Spreadsheet.DataValidation) : null;
  }
}

type FinderMembers = 'matchEntireCell' | 'matchCase' | 'findAll' | 'findNext';

export class EmuTextFinder implements Pick<GoogleAppsScript.Spreadsheet.TextFinder, FinderMembers> {
  readonly proxy: GoogleAppsScript.Spreadsheet.TextFinder;
  private entire = false;
  private caseSensitive = false;
  private cursor = 0;

  constructor(
    private range: EmuRange,
    private text: string,
  ) {
    this.proxy = guarded(this, 'TextFinder');
  }

  matchEntireCell(matchEntireCell: boolean) {
    this.entire = matchEntireCell;
    return this.proxy;
  }

  matchCase(matchCase: boolean) {
    this.caseSensitive = matchCase;
    return this.proxy;
  }

  private matches(): EmuRange[] {
    const { sheet, row, column, numRows, numColumns } = this.range;
    const needle = this.caseSensitive ? this.text : this.text.toLowerCase();
    const locale = sheet.host.locale();
    const zone = sheet.host.timeZone();
    const out: EmuRange[] = [];
    const lastRow = Math.min(row + numRows - 1, sheet.cells.length);
    for (let r = row; r <= lastRow; r++) {
      for (let c = column; c < column + numColumns; c++) {
        const cell = sheet.cell(r, c);
        if (!cell) continue;
        let shown = displayValue(cell, sheet.formats.get(sheet.key(r, c)), locale, zone);
        if (!this.caseSensitive) shown = shown.toLowerCase();
        if (this.entire ? shown === needle : shown.includes(needle)) out.push(new EmuRange(sheet, r, c, 1, 1));
      }
    }
    return out;
  }

  findAll() {
    this.range.sheet.host.runtime.call('spreadsheet', 'TextFinder.findAll');
    return this.matches().map((m) => m.proxy);
  }

  findNext() {
    this.range.sheet.host.runtime.call('spreadsheet', 'TextFinder.findNext');
    const found = this.matches()[this.cursor++];
    return found ? found.proxy : null;
  }
}
