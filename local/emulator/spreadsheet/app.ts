import { guarded } from '../guard';
import { Runtime } from '../runtime';
import { EmuSpreadsheet } from './spreadsheet';
import { EmuUi } from './ui';
import { EmuDataValidationBuilder } from './validation';

type Members = 'getActive' | 'getActiveSpreadsheet' | 'getUi' | 'flush' | 'newDataValidation' | 'ProtectionType';

/** SpreadsheetApp for an add-on bound to one spreadsheet (scope spreadsheets.currentonly: no openById). */
export class EmuSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, Members> {
  readonly proxy: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  flushes = 0;

  constructor(
    private runtime: Runtime,
    readonly spreadsheet: EmuSpreadsheet,
    readonly ui: EmuUi,
  ) {
    this.proxy = guarded(this, 'SpreadsheetApp');
  }

  getActive() {
    this.runtime.call('spreadsheet', 'SpreadsheetApp.getActive');
    this.runtime.requireAuth('SpreadsheetApp.getActive');
    return this.spreadsheet.proxy;
  }

  getActiveSpreadsheet() {
    this.runtime.call('spreadsheet', 'SpreadsheetApp.getActiveSpreadsheet');
    this.runtime.requireAuth('SpreadsheetApp.getActiveSpreadsheet');
    return this.spreadsheet.proxy;
  }

  getUi() {
    this.runtime.call('spreadsheet', 'SpreadsheetApp.getUi');
    return this.ui.proxy;
  }

  flush() {
    this.runtime.call('spreadsheet', 'SpreadsheetApp.flush');
    this.flushes++;
  }

  newDataValidation() {
    this.runtime.call('spreadsheet', 'SpreadsheetApp.newDataValidation');
    return new EmuDataValidationBuilder().proxy;
  }
}
