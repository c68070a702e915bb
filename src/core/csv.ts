import { Lang } from './i18n/lang';
import { SupplierLine } from './supplierOrder';
import { t } from './i18n/translate';
import { Minor, currency, toDecimalString } from './money';

/**
 * CSV files in the coordinator's conventions, so a double click opens them right in their spreadsheet:
 * Russian — ';' between fields, a decimal comma, a UTF-8 byte order mark (Excel in a Russian locale
 * reads a BOM-less UTF-8 file as windows-1251 and splits on ';'); English and Chinese — ',' and a dot,
 * with the BOM too (Excel on Windows needs it to read Chinese). Fields are quoted per RFC 4180 (CRLF
 * line ends, a quote doubled), and text that a spreadsheet would run as a formula (leading = + - @,
 * tab or CR; OWASP "CSV injection") is defused with a leading apostrophe.
 */

/** A cell: text, a number (quantities), a money amount in minor units, or nothing. */
export type CsvCell = string | number | boolean | null | undefined | { minor: Minor; currency: string };

export interface CsvConventions {
  separator: ',' | ';';
  decimal: '.' | ',';
  bom: boolean;
}

export function csvConventions(lang: Lang): CsvConventions {
  return lang === 'ru' ? { separator: ';', decimal: ',', bom: true } : { separator: ',', decimal: '.', bom: true };
}

/** Text a spreadsheet would evaluate, made inert; plain signed numbers written as text stay as they are. */
export function defuse(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) return text;
  return `'${text}`;
}

function numberText(value: number, decimal: string): string {
  if (!Number.isFinite(value)) return '';
  // Quantities have at most three decimals (thousandths of a unit): no binary tails like 0.30000000000000004.
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  return decimal === ',' ? text.replace('.', ',') : text;
}

function cellText(cell: CsvCell, c: CsvConventions): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return numberText(cell, c.decimal);
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (typeof cell === 'object') {
    const text = toDecimalString(cell.minor, currency(cell.currency)?.exponent ?? 2);
    return c.decimal === ',' ? text.replace('.', ',') : text;
  }
  return defuse(String(cell));
}

function quote(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: header row and rows, in the conventions of `lang`, ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], lang: Lang): string {
  const c = csvConventions(lang);
  const line = (cells: readonly CsvCell[]) => cells.map((cell) => quote(cellText(cell, c), c.separator)).join(c.separator);
  const body = [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
  return (c.bom ? '\ufeff' : '') + body;
}

/** The supplier order as a file with headers in the coordinator's language. */
export function supplierOrderCsv(lines: readonly SupplierLine[], lang: Lang, currencyCode: string): string {
  const header = (['supplier', 'code', 'item', 'unit', 'boxes', 'quantity', 'price', 'total'] as const).map((k) =>
    t(lang, `csv.${k}`),
  );
  const money = (minor: Minor) => ({ minor, currency: currencyCode });
  const rows = lines.map((l) => [l.supplier, l.code, l.item, l.unit, l.boxes, l.units, money(l.priceMinor), money(l.totalMinor)]);
  return toCsv(header, rows, lang);
}
