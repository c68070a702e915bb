import { setSettingChoices } from '../community';
import { Lang } from '../../core/i18n/lang';
import { t } from '../../core/i18n/translate';
import { Book, SheetIds } from './book';
import { AppendingSheet, KEYS } from '../properties/keys';
import { DocumentStore, entry } from '../properties/store';
import { ensureLedgerChart } from '../ledgerSheet';
import {
  ROUND_SHEETS,
  RoundSheetKey,
  SHEETS,
  SheetKey,
  columnSpecs,
  header,
  sheetName,
  sheetOptions,
  startingRows,
  width,
} from './schema';
import { findTab, setEditors } from '../buildingTabs';
import { PLAIN_TEXT_FORMAT, formatsAsPlainText, textCell } from './text';

const ORDER = Object.keys(SHEETS) as SheetKey[];

/**
 * Creates whatever sheets are missing, with localized frozen headers, plain-text columns, dropdowns
 * and protection, all as the schema declares. Safe to run any number of times: an existing sheet is
 * left as the coordinator has it.
 */
export function ensureSheets(book: Book, store: DocumentStore, lang: Lang): { created: SheetKey[]; ids: SheetIds } {
  const ids: SheetIds = { lang: book.ids?.lang ?? lang, ids: { ...(book.ids?.ids ?? {}) } };
  const created: SheetKey[] = [];
  for (const key of ORDER) {
    let sheet = book.find(key);
    if (!sheet) {
      sheet = createSheet(book.ss, store, key, ids.lang);
      created.push(key);
    }
    ids.ids[key] = sheet.getSheetId();
  }
  const unchanged = book.ids && ORDER.every((k) => book.ids?.ids[k] === ids.ids[k]);
  if (!unchanged) store.set(KEYS.sheetIds, ids);
  return { created, ids };
}

/** One community sheet, created (and recorded) when missing: a sheet added after a community was set up. */
export function ensureSheet(book: Book, store: DocumentStore, key: SheetKey): GoogleAppsScript.Spreadsheet.Sheet {
  const found = book.find(key);
  if (found) return found;
  const sheet = createSheet(book.ss, store, key, book.lang);
  const ids: SheetIds = { lang: book.ids?.lang ?? book.lang, ids: { ...(book.ids?.ids ?? {}), [key]: sheet.getSheetId() } };
  store.set(KEYS.sheetIds, ids);
  return sheet;
}

function createSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  store: DocumentStore,
  key: SheetKey,
  lang: Lang,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(sheetName(key, lang));
  const options = sheetOptions(key);
  const tall = options.appending?.rows ?? 0;
  if (tall > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), tall - sheet.getMaxRows());
  sheet
    .getRange(1, 1, 1, width(key))
    .setValues([header(key, lang).map((h) => textCell(h))])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  for (const { position, column } of columnSpecs(key)) {
    const below = () => sheet.getRange(2, position, sheet.getMaxRows() - 1, 1);
    if (formatsAsPlainText(column)) below().setNumberFormat(PLAIN_TEXT_FORMAT);
    if (column.choices)
      below().setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...column.choices(lang)], true)
          .setAllowInvalid(true)
          .build(),
      );
    if (column.kind === 'checkbox') below().setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    if (column.hidden) sheet.hideColumns(position);
  }
  if (options.computed) sheet.protect().setDescription(t(lang, 'setup.protected')).setWarningOnly(true);
  const rows = startingRows(key, lang);
  if (rows.length) sheet.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
  if (key === 'settings') setSettingChoices(sheet, lang);
  if (key === 'ledger') ensureLedgerChart(sheet);
  // Appending sheets keep their next free row in document properties (see sheets/append.ts).
  if (options.appending) {
    const counter = KEYS.counters[key as AppendingSheet];
    store.setAll(entry(counter.next, 2), entry(counter.capacity, tall));
  }
  return sheet;
}

/** Who may edit by hand, per tier (see core/access.ts editorsOf). */
export interface SheetEditors {
  coordinators: string[];
  team: string[];
  /** Each building's tab: its volunteers, the treasurer and the coordinators. */
  tabs: Record<string, string[]>;
  /** The rounds' form response sheets (by id): coordinators only. */
  responses: number[];
}

/** Sheets only coordinators edit; every other community sheet is written by team members' actions too. */
const COORDINATORS_ONLY: readonly (SheetKey | RoundSheetKey)[] = [
  'catalog',
  'settings',
  'volunteers',
  'places',
  'members',
  'archive',
  'tally',
  'allocation',
  'supplier',
];

/** Which of a round's sheets a tab is, by its name ("R2 · Итоги"), in any language. */
function roundSheetKind(name: string): RoundSheetKey | null {
  for (const key of Object.keys(ROUND_SHEETS) as RoundSheetKey[])
    if (ROUND_SHEETS[key].name.some((label) => name.endsWith(` · ${label}`))) return key;
  return null;
}

/** A short fingerprint of what was applied: the next run with the same editors and sheets does nothing. */
function fingerprint(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return `${text.length}:${h.toString(36)}`;
}

/**
 * Protects every community sheet for the people whose actions write it. An add-on call from the sidebar
 * runs as the person at the keyboard, and Sheets refuses a script the cells its user may not edit, so a
 * sheet is strict-protected for exactly those whose role lets them act on it (core/access.ts): the
 * coordinators' sheets for coordinators, the add-on's working sheets for the whole team, each building's
 * tab for its volunteers. Triggers run as the coordinator who installed them
 * (developers.google.com/apps-script/guides/triggers/installable: "Installable triggers always run under
 * the account of the person who created them"). Run only by a coordinator or a trigger: a protection's
 * editors always keep the account applying it.
 */
export function protectSheets(book: Book, store: DocumentStore, editors: SheetEditors): void {
  const sheets = book.sheets();
  const signature = fingerprint(JSON.stringify([editors, sheets.map((x) => x.getSheetId())]));
  if (store.get(KEYS.protections) === signature) return;
  const lang = book.lang;
  const apply = (sheet: GoogleAppsScript.Spreadsheet.Sheet, coordinatorsOnly: boolean) => {
    const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
    const who = coordinatorsOnly ? editors.coordinators : editors.team;
    setEditors(protection, who, t(lang, coordinatorsOnly ? 'protect.coordinators' : 'setup.protected'));
  };
  for (const key of ORDER) {
    const sheet = book.find(key);
    if (sheet) apply(sheet, COORDINATORS_ONLY.includes(key));
  }
  for (const sheet of sheets) {
    const kind = roundSheetKind(sheet.getName());
    if (kind) apply(sheet, COORDINATORS_ONLY.includes(kind));
    else if (editors.responses.includes(sheet.getSheetId())) apply(sheet, true);
  }
  for (const [building, who] of Object.entries(editors.tabs)) {
    const tab = findTab(book, store, building);
    if (!tab) continue;
    const protection = tab.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? tab.protect();
    setEditors(protection, who, t(lang, 'protect.tab', { place: building }));
  }
  store.set(KEYS.protections, signature);
}

/**
 * Whether Google refused to grow the spreadsheet: "Up to 10 million cells" per spreadsheet
 * (https://support.google.com/drive/answer/37603); Apps Script says "This action would increase the number
 * of cells in the workbook above the limit of 10000000 cells."
 */
export function isCellLimit(err: unknown): boolean {
  const message = typeof (err as Error)?.message === 'string' ? (err as Error).message : String(err);
  return /limit of 10,?000,?000 cells/i.test(message);
}

/** Google's limit on one spreadsheet: "Up to 10 million cells" (https://support.google.com/drive/answer/37603). */
export const CELL_LIMIT = 10_000_000;

/** Cells the spreadsheet holds (every tab's rows × columns, empty or not: that is what the limit counts). */
export function cellsUsed(book: Book): number {
  return book.sheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}
