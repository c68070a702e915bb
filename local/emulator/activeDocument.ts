import { Runtime } from './runtime';
import type { EmuSpreadsheetApp } from './spreadsheet/app';
import type { EmuSpreadsheet } from './spreadsheet/spreadsheet';

/** Apps Script's text when openById cannot reach a file (no such id, or no access). */
export const OPEN_BY_ID_ERROR = 'Unexpected error while getting the method or property openById on object SpreadsheetApp.';

/** What the facade needs from the workspace: its runtime, its file, and the other files of the project. */
export interface ActiveDocumentHost {
  runtime: Runtime;
  spreadsheetApp: EmuSpreadsheetApp;
  /** False when the current execution has no open file (an add-on's time-driven run, strict reading). */
  hasActiveDocument(): boolean;
  /** A spreadsheet this account can open by id, within the emulated world. */
  spreadsheetById(id: string): EmuSpreadsheet | undefined;
}

/**
 * The SpreadsheetApp global: the emulated SpreadsheetApp (local/emulator/spreadsheet/app.ts) with what
 * depends on where the execution runs. getActiveSpreadsheet()/getActive() return null when no file is open
 * (see Fidelity.clockActiveDocument); openById/openByUrl reach a file by id but need the full
 * `spreadsheets` scope: "Scripts that use this method require authorization with … spreadsheets"
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)), and
 * under spreadsheets.currentonly it fails even for the current file's own id (a Stack Exchange report).
 */
export function spreadsheetAppFacade(host: ActiveDocumentHost): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const base = host.spreadsheetApp.proxy;
  const active = (method: 'getActive' | 'getActiveSpreadsheet') => () => {
    if (host.hasActiveDocument()) return base[method]();
    host.runtime.call('spreadsheet', `SpreadsheetApp.${method}`);
    return null;
  };
  const open = (method: string, id: string | undefined) => {
    host.runtime.call('spreadsheet', `SpreadsheetApp.${method}`);
    const file = id === undefined ? undefined : host.spreadsheetById(id);
    if (!file) throw new Error(OPEN_BY_ID_ERROR.replace('openById', method));
    return file.proxy;
  };
  const overrides: Record<string, unknown> = {
    getActive: active('getActive'),
    getActiveSpreadsheet: active('getActiveSpreadsheet'),
    openById: (id: string) => open('openById', String(id)),
    openByUrl: (url: string) => open('openByUrl', /\/spreadsheets\/d\/([^/]+)/.exec(String(url))?.[1]),
  };
  return new Proxy(base, {
    get: (target, prop) => (typeof prop === 'string' && prop in overrides ? overrides[prop] : Reflect.get(target, prop)),
  });
}
