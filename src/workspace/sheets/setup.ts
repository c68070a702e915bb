import { Lang } from '../../core/i18n/lang';
import { ColumnOf, SheetKey, columnIndex, headerRow, sheetName } from '../../core/i18n/sheets';
import { t } from '../../core/i18n/translate';
import { Book, SheetIds, width } from './book';
import { DEFAULT_SETTINGS, SETTING_KEYS, settingNote } from '../../core/settings';
import { ensureLedgerChart } from '../ledgerChart';
import { PLACE_KINDS, ROLES, placeKindLabel, roleLabel } from '../../core/i18n/labels';

const ORDER: SheetKey[] = [
  'catalog',
  'rounds',
  'orders',
  'members',
  'places',
  'volunteers',
  'settings',
  'journal',
  'outbox',
  'ledger',
  'log',
];
/** Sheets the add-on writes: protected with a warning so a coordinator does not edit them by accident. */
const COMPUTED: SheetKey[] = ['rounds', 'orders', 'outbox', 'ledger', 'log'];
/** Columns holding residents' text that Sheets must never parse as numbers or dates. */
const PLAIN_TEXT: { [K in SheetKey]?: ColumnOf<K>[] } = {
  orders: ['name', 'email', 'phone', 'building', 'flat', 'pickupPoint', 'comment'],
  members: ['email', 'name', 'phone', 'building', 'flat'],
  catalog: ['id', 'supplierCode'],
  journal: ['orderKey', 'who', 'method', 'note'],
};
const ORDERS_CAPACITY = 2000;
const COUNTERS: { [K in SheetKey]?: string } = { orders: 'ordersNextRow', outbox: 'outboxNextRow' };

/**
 * Creates whatever sheets are missing, with localized frozen headers, plain-text columns, dropdowns
 * and protection. Safe to run any number of times: an existing sheet is left as the coordinator has it.
 */
export function ensureSheets(book: Book, lang: Lang): { created: SheetKey[]; ids: SheetIds } {
  const ids: SheetIds = { lang: book.ids?.lang ?? lang, ids: { ...(book.ids?.ids ?? {}) } };
  const created: SheetKey[] = [];
  for (const key of ORDER) {
    let sheet = book.find(key);
    if (!sheet) {
      sheet = createSheet(book.ss, key, ids.lang);
      created.push(key);
    }
    ids.ids[key] = sheet.getSheetId();
  }
  const unchanged = book.ids && ORDER.every((k) => book.ids?.ids[k] === ids.ids[k]);
  if (!unchanged) book.remember(ids);
  return { created, ids };
}

function createSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: SheetKey,
  lang: Lang,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(sheetName(key, lang));
  const cols = width(key);
  if (key === 'orders') sheet.insertRowsAfter(sheet.getMaxRows(), ORDERS_CAPACITY - sheet.getMaxRows());
  sheet
    .getRange(1, 1, 1, cols)
    .setValues([headerRow(key, lang).map((h) => `'${h}`)])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  for (const column of (PLAIN_TEXT[key] ?? []) as string[]) {
    sheet.getRange(2, columnIndex(key, column as never) + 1, sheet.getMaxRows() - 1, 1).setNumberFormat('@');
  }
  if (COMPUTED.includes(key)) {
    sheet.protect().setDescription(t(lang, 'setup.protected')).setWarningOnly(true);
  }
  if (key === 'settings') {
    const rows = SETTING_KEYS.map((k) => [
      k,
      DEFAULT_SETTINGS[k] === '' ? '' : `'${DEFAULT_SETTINGS[k]}`,
      `'${settingNote(k, lang)}`,
    ]);
    sheet.getRange(2, 1, rows.length, 3).setValues(rows);
  }
  if (key === 'ledger') ensureLedgerChart(sheet);
  // Appending sheets keep their next free row in document properties (see sheets/append.ts).
  if (COUNTERS[key])
    PropertiesService.getDocumentProperties().setProperties({
      [COUNTERS[key] as string]: '2',
      [`${COUNTERS[key]}Capacity`]: String(key === 'orders' ? ORDERS_CAPACITY : 1000),
    });
  if (key === 'places')
    dropdown(
      sheet,
      1,
      PLACE_KINDS.map((k) => placeKindLabel(k, lang)),
    );
  if (key === 'volunteers')
    dropdown(
      sheet,
      columnIndex('volunteers', 'role') + 1,
      ROLES.map((r) => roleLabel(r, lang)),
    );
  if (key === 'members') {
    dropdown(sheet, columnIndex('members', 'lang') + 1, ['ru', 'zh-CN', 'en']);
    sheet
      .getRange(2, columnIndex('members', 'optOut') + 1, sheet.getMaxRows() - 1, 1)
      .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  }
  return sheet;
}

function dropdown(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, values: string[]): void {
  const rule = SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(true).build();
  sheet.getRange(2, column, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
}
