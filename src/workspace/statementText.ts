import { csvDelimiterOf } from '../core/payment/statement';

/**
 * A pasted statement as rows the core reads: a CSV export (a header line names its columns) split by
 * Apps Script's own parser, https://developers.google.com/apps-script/reference/utilities/utilities#parseCsv(String,Char),
 * with the delimiter the export uses; anything else (SBP or WeChat notifications copied from a phone)
 * as plain lines.
 */
export function pastedStatementRows(text: string): (string | string[])[] {
  const clean = String(text ?? '').replace(/^\ufeff/, '');
  const delimiter = csvDelimiterOf(clean);
  if (!delimiter) return clean.split(/\r?\n/);
  try {
    return Utilities.parseCsv(clean, delimiter);
  } catch {
    // A paste Apps Script's parser refuses (an unbalanced quote, say) is still read, line by line: the
    // core reads each as text, and nothing pasted is lost.
    return clean.split(/\r?\n/);
  }
}
