import { Lang } from '../../core/i18n/lang';
import { SheetKey, sheetName, sheetNames } from './schema';
import { KEYS } from '../properties/keys';
import { DocumentStore } from '../properties/store';

/**
 * The community spreadsheet, sheet by sheet. Sheet names are localized when the add-on sets them up,
 * so the names actually used are remembered in document properties; the sheet id is kept too, so a
 * coordinator renaming a tab does not break anything.
 */
export interface SheetIds {
  lang: Lang;
  ids: Partial<Record<SheetKey, number>>;
}

export class Book {
  private cache = new Map<SheetKey, GoogleAppsScript.Spreadsheet.Sheet>();
  private all: GoogleAppsScript.Spreadsheet.Sheet[] | null = null;

  constructor(
    readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    readonly ids: SheetIds | null,
  ) {}

  static open(store: DocumentStore): Book {
    return new Book(SpreadsheetApp.getActiveSpreadsheet(), store.get(KEYS.sheetIds));
  }

  get lang(): Lang {
    return this.ids?.lang ?? 'en';
  }

  /** Whether the community has been set up here (its Rounds sheet exists). */
  isSetUp(): boolean {
    return this.find('rounds') !== null;
  }

  /** The spreadsheet's time zone: dates in forms and emails are shown in it. */
  timeZone(): string {
    return this.ss.getSpreadsheetTimeZone();
  }

  sheets(): GoogleAppsScript.Spreadsheet.Sheet[] {
    return (this.all ??= this.ss.getSheets());
  }

  /** The sheet for `key`, found by the id recorded at set-up, or by its name in any of our languages. */
  find(key: SheetKey): GoogleAppsScript.Spreadsheet.Sheet | null {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const id = this.ids?.ids[key];
    let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
    if (id !== undefined) {
      sheet = this.ss.getSheetByName(sheetName(key, this.lang));
      if (!sheet || sheet.getSheetId() !== id) sheet = this.sheets().find((s) => s.getSheetId() === id) ?? null;
    }
    if (!sheet) {
      const names = new Set(sheetNames(key));
      sheet = this.sheets().find((s) => names.has(s.getName())) ?? null;
    }
    if (sheet) this.cache.set(key, sheet);
    return sheet;
  }

  sheet(key: SheetKey): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.find(key);
    if (!sheet) throw new Error(`The sheet "${sheetName(key, this.lang)}" is missing. Run setup again from the add-on menu.`);
    return sheet;
  }

  /** Every data row below the header, in one read. */
  rows(key: SheetKey): unknown[][] {
    const values = this.sheet(key).getDataRange().getValues();
    return values.slice(1).filter((r) => r.some((v) => v !== ''));
  }
}
