import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { currency } from '../core/money';
import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';
import { RoundSheetKey, columnSpecs, header, roundSheetName, width } from './sheets/schema';
import { PLAIN_TEXT_FORMAT, formatsAsPlainText, textCell } from './sheets/text';

function moneyFormat(currencyCode: string): string {
  const info = currency(currencyCode);
  const decimals = info?.exponent ? `.${'0'.repeat(info.exponent)}` : '';
  return `#,##0${decimals} "${info?.symbol ?? currencyCode}"`;
}

/** Runs of adjacent columns the schema gives one format, so each run costs one call. */
function runs(key: RoundSheetKey, wanted: (c: ReturnType<typeof columnSpecs>[number]['column']) => boolean) {
  const out: { column: number; width: number }[] = [];
  for (const { position, column } of columnSpecs(key)) {
    if (!wanted(column)) continue;
    const last = out[out.length - 1];
    if (last && last.column + last.width === position) last.width++;
    else out.push({ column: position, width: 1 });
  }
  return out;
}

export interface SheetSize {
  rows: number;
  capacity: number;
}

/**
 * Creates a round's result sheet with its header, money format, frozen header and a warning-only
 * protection. Done when the round opens, so closing a big round spends its calls on data only.
 */
export function createResultSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  roundId: string,
  key: RoundSheetKey,
  lang: Lang,
  currencyCode: string,
): void {
  const name = roundSheetName(roundId, key, lang);
  if (ss.getSheetByName(name)) return;
  const sheet = ss.insertSheet(name);
  sheet.getRange(1, 1, 1, width(key)).setValues([header(key, lang).map(textCell)]);
  const below = (r: { column: number; width: number }) => sheet.getRange(2, r.column, sheet.getMaxRows() - 1, r.width);
  for (const r of runs(key, (c) => c.kind === 'money')) below(r).setNumberFormat(moneyFormat(currencyCode));
  for (const r of runs(key, formatsAsPlainText)) below(r).setNumberFormat(PLAIN_TEXT_FORMAT);
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
  store: DocumentStore,
  roundId: string,
  key: RoundSheetKey,
  lang: Lang,
  currencyCode: string,
  rows: unknown[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const name = roundSheetName(roundId, key, lang);
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    createResultSheet(ss, roundId, key, lang, currencyCode);
    sheet = ss.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
  }
  const cols = width(key);
  const sizeKey = KEYS.resultSize({ roundId, sheet: key });
  const size = store.get(sizeKey) ?? { rows: 0, capacity: 1000 };
  const block = [...rows];
  while (block.length < size.rows) block.push(new Array(cols).fill(''));
  if (block.length + 1 > size.capacity) {
    const more = block.length + 1 - size.capacity + 200;
    sheet.insertRowsAfter(size.capacity, more);
    size.capacity += more;
  }
  if (block.length) sheet.getRange(2, 1, block.length, cols).setValues(block);
  store.set(sizeKey, { rows: rows.length, capacity: size.capacity });
  return sheet;
}
