import type { Fidelity } from '../fidelity';
import { guarded } from '../guard';
import { Runtime } from '../runtime';
import { GridBox, columnNumber, parseA1 } from './a1';
import { EmuProtection, PROTECTED_CELL_ERROR, ProtectionHost } from './protection';
import { EmuRange } from './range';
import { EmuChartBuilder, RecordedChart } from './chart';
import { CellValue, StoredCell, readValue, storeValue } from './values';
import { ValidationRule } from './validation';

/** Sheets' own limit: https://support.google.com/drive/answer/37603 */
export const CELL_LIMIT = 10_000_000;
export const CELL_LIMIT_ERROR =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
export const OUT_OF_BOUNDS_ERROR = 'The coordinates of the range are outside the dimensions of the sheet.';

/** Sheets' refusal of a sheet name already in use; names compare without regard to case. */
export function sheetNameTakenError(name: string): Error {
  return new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

export interface SheetHost {
  runtime: Runtime;
  timeZone(): string;
  locale(): string;
  owner: string;
  totalCells(): number;
  proxy: GoogleAppsScript.Spreadsheet.Spreadsheet;
  fidelity: Fidelity;
  /** Whether another sheet already has this name, compared case-insensitively. */
  nameTaken(name: string, except?: EmuSheet): boolean;
}

type Members =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'deleteRows'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'protect'
  | 'clear'
  | 'clearContents'
  | 'getProtections'
  | 'getSheetName'
  | 'isSheetHidden'
  | 'hideSheet'
  | 'showSheet'
  | 'hideColumns'
  | 'isColumnHiddenByUser'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'newChart'
  | 'insertChart'
  | 'getCharts';

export class EmuSheet implements Pick<GoogleAppsScript.Spreadsheet.Sheet, Members> {
  readonly proxy: GoogleAppsScript.Spreadsheet.Sheet;
  /** cells[r][c], 0-based; rows past the data are simply absent. */
  cells: (StoredCell | undefined)[][] = [];
  formats = new Map<string, string>();
  validations = new Map<string, ValidationRule>();
  styles = new Map<string, Record<string, string>>();
  frozenRows = 0;
  hidden = false;
  /** 1-based columns hidden with hideColumns: still there for scripts, not shown to people. */
  hiddenColumns = new Set<number>();
  /** Pixel widths set by a script (1-based column → px); others are Sheets' default 100. */
  columnWidths = new Map<number, number>();
  protection: EmuProtection | null = null;
  /** Range.protect() on this sheet's cells. */
  rangeProtections: EmuProtection[] = [];
  charts: RecordedChart[] = [];
  readonly protectionHost: ProtectionHost;

  constructor(
    readonly host: SheetHost,
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {
    this.proxy = guarded(this, 'Sheet');
    this.protectionHost = {
      owner: host.owner,
      currentUser: () => host.runtime.user,
      rangeOf: (p) =>
        p.box
          ? new EmuRange(this, p.box.row, p.box.column, p.box.numRows, p.box.numColumns).proxy
          : new EmuRange(this, 1, 1, this.maxRows, this.maxColumns).proxy,
    };
  }

  private call(method: string) {
    this.host.runtime.call('spreadsheet', `Sheet.${method}`);
  }

  // ---- storage used by ranges (not counted: the counted call is the Range method) ----
  key(row: number, column: number): string {
    return `${row},${column}`;
  }

  cell(row: number, column: number): StoredCell | undefined {
    return this.cells[row - 1]?.[column - 1];
  }

  put(row: number, column: number, value: unknown): void {
    const fidelity = this.host.fidelity;
    const stored = storeValue(value, {
      numberFormat: this.formats.get(this.key(row, column)),
      timeZone: this.host.timeZone(),
      locale: this.host.locale(),
      now: () => this.host.runtime.clock.now(),
      newDate: (ms) => this.host.runtime.newDate(ms),
      apostropheInPlainText: fidelity.apostropheInPlainText,
      typedInputLocale: fidelity.typedInputLocale,
    });
    const r = (this.cells[row - 1] ??= []);
    r[column - 1] = stored.value === '' && !stored.formula ? undefined : stored;
  }

  read(row: number, column: number): CellValue {
    return readValue(this.cell(row, column), (ms) => this.host.runtime.newDate(ms));
  }

  dataExtent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    this.cells.forEach((r, i) => {
      if (!r) return;
      for (let c = r.length - 1; c >= 0; c--) {
        if (r[c] !== undefined) {
          rows = i + 1;
          columns = Math.max(columns, c + 1);
          break;
        }
      }
    });
    return { rows, columns };
  }

  /** Protections (sheet and range) that cover any of these cells. */
  protectionsOver(box: GridBox): EmuProtection[] {
    return [...(this.protection ? [this.protection] : []), ...this.rangeProtections].filter((p) => p.covers(box));
  }

  /** A write by `user` into protected cells they may not edit is refused, as Sheets refuses it. */
  checkWritable(box: GridBox, user = this.host.runtime.user): void {
    if (this.protectionsOver(box).some((p) => !p.allows(user))) throw new Error(PROTECTED_CELL_ERROR);
  }

  checkBounds(row: number, column: number, numRows: number, numColumns: number): void {
    if (row < 1 || column < 1 || numRows < 1 || numColumns < 1) throw new Error(OUT_OF_BOUNDS_ERROR);
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) throw new Error(OUT_OF_BOUNDS_ERROR);
  }

  private grow(rows: number, columns: number): void {
    if (this.host.totalCells() + rows * this.maxColumns + columns * (this.maxRows + rows) > CELL_LIMIT) {
      throw new Error(CELL_LIMIT_ERROR);
    }
    this.maxRows += rows;
    this.maxColumns += columns;
  }

  // ---- Sheet API ----
  getName() {
    this.call('getName');
    return this.name;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#setName(String): names are unique, whatever their case. */
  setName(name: string) {
    this.call('setName');
    if (this.host.nameTaken(name, this)) throw sheetNameTakenError(name);
    this.name = name;
    return this.proxy;
  }

  getSheetName() {
    this.call('getSheetName');
    return this.name;
  }

  getSheetId() {
    this.call('getSheetId');
    return this.id;
  }

  getIndex() {
    this.call('getIndex');
    return 1;
  }

  getParent() {
    this.call('getParent');
    return this.host.proxy;
  }

  getRange(row: number, column: number): GoogleAppsScript.Spreadsheet.Range;
  getRange(row: number, column: number, numRows: number): GoogleAppsScript.Spreadsheet.Range;
  getRange(row: number, column: number, numRows: number, numColumns: number): GoogleAppsScript.Spreadsheet.Range;
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range;
  getRange(a: number | string, column?: number, numRows = 1, numColumns = 1): GoogleAppsScript.Spreadsheet.Range {
    this.call('getRange');
    const whole = typeof a === 'string' ? /^\$?([A-Za-z]+):\$?([A-Za-z]+)$/.exec(a.trim()) : null;
    const box = whole
      ? {
          row: 1,
          column: columnNumber(whole[1]),
          numRows: this.maxRows,
          numColumns: columnNumber(whole[2]) - columnNumber(whole[1]) + 1,
        }
      : typeof a === 'string'
        ? parseA1(a)
        : { row: a, column: column as number, numRows, numColumns };
    for (const n of [box.row, box.column, box.numRows, box.numColumns]) {
      if (!Number.isInteger(n)) throw new Error(`Cannot convert ${n} to int.`);
    }
    this.checkBounds(box.row, box.column, box.numRows, box.numColumns);
    return new EmuRange(this, box.row, box.column, box.numRows, box.numColumns).proxy;
  }

  getDataRange() {
    this.call('getDataRange');
    const { rows, columns } = this.dataExtent();
    return new EmuRange(this, 1, 1, Math.max(rows, 1), Math.max(columns, 1)).proxy;
  }

  getLastRow() {
    this.call('getLastRow');
    return this.dataExtent().rows;
  }

  getLastColumn() {
    this.call('getLastColumn');
    return this.dataExtent().columns;
  }

  getMaxRows() {
    this.call('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns() {
    this.call('getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number) {
    this.call('insertRowsAfter');
    this.grow(howMany, 0);
    // No spread into splice: a sheet may grow by hundreds of thousands of rows at once.
    if (afterPosition < this.cells.length)
      this.cells = [
        ...this.cells.slice(0, afterPosition),
        ...new Array<StoredCell[]>(howMany),
        ...this.cells.slice(afterPosition),
      ];
    return this.proxy;
  }

  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.call('insertColumnsAfter');
    this.grow(0, howMany);
    for (const r of this.cells) if (r) r.splice(afterPosition, 0, ...new Array(howMany).fill(undefined));
    return this.proxy;
  }

  deleteRows(rowPosition: number, howMany: number) {
    this.call('deleteRows');
    this.cells.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }

  /** Like Sheets: writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]) {
    this.call('appendRow');
    const row = this.dataExtent().rows + 1;
    this.checkWritable({ row, column: 1, numRows: 1, numColumns: Math.max(rowContents.length, 1) });
    if (row > this.maxRows) this.grow(row - this.maxRows, 0);
    if (rowContents.length > this.maxColumns) this.grow(0, rowContents.length - this.maxColumns);
    rowContents.forEach((v, i) => this.put(row, i + 1, v));
    return this.proxy;
  }

  setFrozenRows(rows: number) {
    this.call('setFrozenRows');
    this.frozenRows = rows;
  }

  getFrozenRows() {
    this.call('getFrozenRows');
    return this.frozenRows;
  }

  protect() {
    this.call('protect');
    if (!this.protection || this.protection.removed) this.protection = new EmuProtection(this.protectionHost, 'SHEET');
    return this.protection.proxy;
  }

  /** SHEET: this sheet's own protection; RANGE: the protected ranges on it. */
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType) {
    this.call('getProtections');
    if (String(type) === 'RANGE') return this.rangeProtections.filter((p) => !p.removed).map((p) => p.proxy);
    return this.protection && !this.protection.removed ? [this.protection.proxy] : [];
  }

  clear() {
    this.call('clear');
    this.checkWritable({ row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns });
    this.cells = [];
    this.formats.clear();
    this.validations.clear();
    this.styles.clear();
    return this.proxy;
  }

  clearContents() {
    this.call('clearContents');
    this.checkWritable({ row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns });
    this.cells = [];
    return this.proxy;
  }

  newChart() {
    this.call('newChart');
    return new EmuChartBuilder().proxy;
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    this.call('insertChart');
    this.charts.push((chart as unknown as { chart: RecordedChart }).chart);
  }

  getCharts() {
    this.call('getCharts');
    return this.charts.map((c) => ({ chart: c }) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart);
  }

  isSheetHidden() {
    this.call('isSheetHidden');
    return this.hidden;
  }

  hideSheet() {
    this.call('hideSheet');
    this.hidden = true;
    return this.proxy;
  }

  showSheet() {
    this.call('showSheet');
    this.hidden = false;
    return this.proxy;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#hidecolumnscolumnindex,-numcolumns */
  hideColumns(columnIndex: number, numColumns = 1) {
    this.call('hideColumns');
    this.checkBounds(1, columnIndex, 1, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }

  isColumnHiddenByUser(columnPosition: number) {
    this.call('isColumnHiddenByUser');
    return this.hiddenColumns.has(columnPosition);
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#setcolumnwidthcolumnposition,-width */
  setColumnWidth(columnPosition: number, width: number) {
    this.call('setColumnWidth');
    this.checkBounds(1, columnPosition, 1, 1);
    this.columnWidths.set(columnPosition, width);
    return this.proxy;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    this.call('setColumnWidths');
    this.checkBounds(1, startColumn, 1, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this.proxy;
  }

  /** Sheets' default column is 100 pixels wide. */
  getColumnWidth(columnPosition: number) {
    this.call('getColumnWidth');
    return this.columnWidths.get(columnPosition) ?? 100;
  }
}
