import { guarded } from '../guard';
import { Runtime } from '../runtime';
import { EmuSheet, SheetHost } from './sheet';

type Members =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getOwner'
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'toast'
  | 'getActiveSheet'
  | 'setActiveSheet';

export interface Toast {
  message: string;
  title: string;
  at: number;
}

export class EmuSpreadsheet implements Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, Members>, SheetHost {
  readonly proxy: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheets: EmuSheet[] = [];
  toasts: Toast[] = [];
  private nextSheetId = 0;

  constructor(
    readonly runtime: Runtime,
    readonly id: string,
    public name: string,
    readonly owner: string,
    public zone: string,
    public localeName: string,
  ) {
    this.proxy = guarded(this, 'Spreadsheet');
    this.addSheet('Sheet1');
  }

  private call(method: string) {
    this.runtime.call('spreadsheet', `Spreadsheet.${method}`);
  }

  timeZone() {
    return this.zone;
  }

  locale() {
    return this.localeName;
  }

  totalCells() {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  }

  /** Direct access for tests and the playground (not a counted service call). */
  sheet(name: string): EmuSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, index?: number): EmuSheet {
    const sheet = new EmuSheet(this, name, this.nextSheetId++);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  getId() {
    this.call('getId');
    return this.id;
  }

  getName() {
    this.call('getName');
    return this.name;
  }

  rename(newName: string) {
    this.call('rename');
    this.name = newName;
  }

  /** The file's owner (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner()). */
  getOwner() {
    this.call('getOwner');
    const email = this.owner;
    return { getEmail: () => email } as unknown as GoogleAppsScript.Base.User;
  }

  getUrl() {
    this.call('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSheets() {
    this.call('getSheets');
    return this.sheets.map((s) => s.proxy);
  }

  getSheetByName(name: string) {
    this.call('getSheetByName');
    return this.sheet(name)?.proxy ?? null;
  }

  active: EmuSheet | null = null;

  getActiveSheet() {
    this.call('getActiveSheet');
    return (this.active ?? this.sheets[0]).proxy;
  }

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    this.call('setActiveSheet');
    this.active = this.sheets.find((s) => s.proxy === sheet) ?? this.active;
    return sheet;
  }

  insertSheet(a?: any, b?: any): GoogleAppsScript.Spreadsheet.Sheet {
    this.call('insertSheet');
    if (typeof a === 'object' || typeof b === 'object') throw new Error('not emulated: Spreadsheet.insertSheet(options)');
    const sheetName: string | undefined = typeof a === 'string' ? a : undefined;
    const sheetIndex: number | undefined = typeof a === 'number' ? a : b;
    const name = sheetName ?? `Sheet${this.sheets.length + 1}`;
    if (this.sheet(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    return this.addSheet(name, sheetIndex).proxy;
  }

  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    this.call('deleteSheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s.proxy !== sheet);
  }

  getSpreadsheetTimeZone() {
    this.call('getSpreadsheetTimeZone');
    return this.zone;
  }

  setSpreadsheetTimeZone(timezone: string) {
    this.call('setSpreadsheetTimeZone');
    this.zone = timezone;
  }

  getSpreadsheetLocale() {
    this.call('getSpreadsheetLocale');
    return this.localeName;
  }

  setSpreadsheetLocale(locale: string) {
    this.call('setSpreadsheetLocale');
    this.localeName = locale;
  }

  toast(msg: string, title?: string, _timeoutSeconds?: number | null) {
    this.call('toast');
    this.toasts.push({ message: String(msg), title: title ?? '', at: this.runtime.clock.now() });
  }
}
