import { Fidelity, STRICT } from '../fidelity';
import { guarded } from '../guard';
import { Runtime } from '../runtime';
import { CELL_LIMIT, CELL_LIMIT_ERROR, EmuSheet, SheetHost, sheetNameTakenError } from './sheet';

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
  | 'getProtections'
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
    readonly fidelity: Fidelity = STRICT,
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

  nameTaken(name: string, except?: EmuSheet): boolean {
    const wanted = name.toLowerCase();
    return this.sheets.some((s) => s !== except && s.name.toLowerCase() === wanted);
  }

  /**
   * A new 1000 × 26 sheet, refused like every other growth past 10 million cells
   * (https://support.google.com/drive/answer/37603: "Up to 10 million cells").
   */
  addSheetWithinLimit(name: string, index?: number): EmuSheet {
    if (this.totalCells() + 1000 * 26 > CELL_LIMIT) throw new Error(CELL_LIMIT_ERROR);
    return this.addSheet(name, index);
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
    let name = sheetName;
    for (let n = this.sheets.length + 1; name === undefined; n++) if (!this.nameTaken(`Sheet${n}`)) name = `Sheet${n}`;
    if (this.nameTaken(name)) throw sheetNameTakenError(name);
    return this.addSheetWithinLimit(name, sheetIndex).proxy;
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

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType) {
    this.call('getProtections');
    return this.sheets.flatMap((s) =>
      (String(type) === 'RANGE' ? s.rangeProtections : s.protection ? [s.protection] : [])
        .filter((p) => !p.removed)
        .map((p) => p.proxy),
    );
  }

  toast(msg: string, title?: string, _timeoutSeconds?: number | null) {
    this.call('toast');
    this.toasts.push({ message: String(msg), title: title ?? '', at: this.runtime.clock.now() });
  }
}
