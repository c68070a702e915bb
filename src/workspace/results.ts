import { Lang } from '../core/i18n/lang';
import { RESULT_SHEETS, ResultKey, resultHeader, resultSheetName } from '../core/i18n/sheets';
import { t } from '../core/i18n/translate';
import { currency } from '../core/money';
import { readJson, writeJson } from './properties';

/** Money columns of each result sheet: a contiguous run, so one call formats them all. */
const MONEY: Record<ResultKey, string[]> = {
  tally: ['price', 'total'],
  allocation: ['price', 'line'],
  bills: ['goods', 'delivery', 'fee', 'total', 'saving', 'credit', 'paid', 'balance'],
  supplier: ['price', 'total'],
  distribution: ['due', 'paid'],
};

export function moneyFormat(currencyCode: string): string {
  const info = currency(currencyCode);
  const decimals = info?.exponent ? `.${'0'.repeat(info.exponent)}` : '';
  return `#,##0${decimals} "${info?.symbol ?? currencyCode}"`;
}

function letter(n: number): string {
  return String.fromCharCode(64 + n);
}

interface SheetSize {
  rows: number;
  capacity: number;
}

const sizeKey = (roundId: string, key: ResultKey) => `size:${roundId}:${key}`;

/**
 * Creates a round's result sheet with its header, money format, frozen header and a warning-only
 * protection. Done when the round opens, so closing a big round spends its calls on data only.
 */
export function createResultSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  roundId: string,
  key: ResultKey,
  lang: Lang,
  currencyCode: string,
): void {
  const name = resultSheetName(roundId, key, lang);
  if (ss.getSheetByName(name)) return;
  const sheet = ss.insertSheet(name);
  const header = resultHeader(key, lang);
  sheet.getRange(1, 1, 1, header.length).setValues([header.map((h) => `'${h}`)]);
  const cols = RESULT_SHEETS[key].keys as string[];
  const first = cols.indexOf(MONEY[key][0]) + 1;
  const last = cols.indexOf(MONEY[key][MONEY[key].length - 1]) + 1;
  sheet.getRange(`${letter(first)}2:${letter(last)}${sheet.getMaxRows()}`).setNumberFormat(moneyFormat(currencyCode));
  sheet.setFrozenRows(1);
  sheet.protect().setDescription(t(lang, 'setup.protected')).setWarningOnly(true);
}

/**
 * Replaces the data of a result sheet in one write. Leftover rows from a longer earlier version are
 * blanked in the same write; the sheet grows when needed. Sizes are remembered in document properties
 * so no call is spent asking the sheet.
 */
export function writeResultSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  properties: Record<string, string>,
  roundId: string,
  key: ResultKey,
  lang: Lang,
  currencyCode: string,
  rows: unknown[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const name = resultSheetName(roundId, key, lang);
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    createResultSheet(ss, roundId, key, lang, currencyCode);
    sheet = ss.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
  }
  const width = RESULT_SHEETS[key].keys.length;
  const size = readJson<SheetSize>(properties, sizeKey(roundId, key)) ?? { rows: 0, capacity: 1000 };
  const block = [...rows];
  while (block.length < size.rows) block.push(new Array(width).fill(''));
  if (block.length + 1 > size.capacity) {
    const more = block.length + 1 - size.capacity + 200;
    sheet.insertRowsAfter(size.capacity, more);
    size.capacity += more;
  }
  if (block.length) sheet.getRange(2, 1, block.length, width).setValues(block);
  const next = { rows: rows.length, capacity: size.capacity };
  writeJson({ [sizeKey(roundId, key)]: next });
  Object.assign(properties, { [`${sizeKey(roundId, key)}#0`]: JSON.stringify(next), [`${sizeKey(roundId, key)}#n`]: '1' });
  return sheet;
}
