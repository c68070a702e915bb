import { createHmac } from 'node:crypto';
import { Fidelity } from './fidelity';
import { guarded, isDate } from './guard';
import { Runtime } from './runtime';
import { formatSheetDate } from './spreadsheet/values';

type BlobMembers = 'getDataAsString' | 'getBytes' | 'getContentType' | 'getName' | 'setName' | 'setContentType' | 'getBlob';

/** Apps Script's text when a byte array holds something that is not a Java byte. */
export const NOT_A_BYTE = "The parameters (number[],String,String) don't match the method signature for Utilities.newBlob.";

/**
 * A Blob holds bytes (its data as a string is their UTF-8 reading), a content type and a name: what
 * MailApp reads from an inline image. https://developers.google.com/apps-script/reference/base/blob
 */
export class EmuBlob implements Pick<GoogleAppsScript.Base.Blob, BlobMembers> {
  readonly proxy: GoogleAppsScript.Base.Blob;

  constructor(
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    this.proxy = guarded(this, 'Blob');
  }

  getDataAsString() {
    return this.data.toString('utf8');
  }

  getBytes() {
    // Apps Script bytes are signed Java bytes.
    return [...this.data].map((b) => (b > 127 ? b - 256 : b));
  }

  /** The unsigned bytes, for the emulator's own records (not an Apps Script method). */
  rawBytes(): number[] {
    return [...this.data];
  }

  getContentType() {
    return this.contentType;
  }

  getName() {
    return this.name;
  }

  setName(name: string) {
    this.name = name;
    return this.proxy;
  }

  setContentType(contentType: string | null) {
    this.contentType = contentType;
    return this.proxy;
  }

  /** A Blob is its own BlobSource. https://developers.google.com/apps-script/reference/base/blob#getBlob() */
  getBlob() {
    return this.proxy;
  }
}

/** The emulated Blob behind a proxy Apps Script code holds, or null for anything else. */
export function blobOf(value: unknown): EmuBlob | null {
  if (!value || typeof value !== 'object') return null;
  try {
    const source = value as { getBlob?: () => unknown };
    const blob = typeof source.getBlob === 'function' ? source.getBlob() : value;
    return BLOBS.get(blob as object) ?? null;
  } catch {
    return null;
  }
}

const BLOBS = new WeakMap<object, EmuBlob>();

function newEmuBlob(data: Buffer, contentType: string | null, name: string | null): GoogleAppsScript.Base.Blob {
  const blob = new EmuBlob(data, contentType, name);
  BLOBS.set(blob.proxy as object, blob);
  return blob.proxy;
}

/**
 * Bytes as Apps Script takes them: a Byte[] is Java's, each -128…127. The reference types the argument
 * Byte[] (https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(Byte)) and says
 * nothing of 128…255; the stricter reading refuses them, so the add-on hands signed bytes.
 */
function toBuffer(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  const list = Array.from(data as ArrayLike<number>);
  if (list.some((b) => !Number.isInteger(b) || b < -128 || b > 127)) throw new Error(NOT_A_BYTE);
  return Buffer.from(list.map((b) => b & 255));
}

/** One line of a CSV text split into fields, quotes and doubled quotes as RFC 4180 writes them. */
function csvRows(text: string, delimiter: string, keepNewlineInQuotes: boolean, openQuoteThrows = false): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else if ((c === '\n' || c === '\r') && !keepNewlineInQuotes) {
        // The row ends here all the same (see Fidelity.parseCsvQuotedNewline).
        quoted = false;
        if (c === '\r' && text[i + 1] === '\n') i++;
        endRow();
      } else field += c;
    } else if (c === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (c === delimiter) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  // The message is assumed: Google documents none (see Fidelity.parseCsvOpenQuote).
  if (quoted && openQuoteThrows) throw new Error('Could not parse text.');
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  return rows;
}

type Members =
  | 'formatDate'
  | 'sleep'
  | 'newBlob'
  | 'getUuid'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'parseCsv'
  | 'computeHmacSha256Signature';

export class EmuUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, Members> {
  readonly proxy: GoogleAppsScript.Utilities.Utilities;

  constructor(
    private runtime: Runtime,
    private fidelity: () => Pick<Fidelity, 'parseCsvQuotedNewline' | 'parseCsvOpenQuote'> = () => ({
      parseCsvQuotedNewline: 'splitsRow',
      parseCsvOpenQuote: 'throws',
    }),
  ) {
    this.proxy = guarded(this, 'Utilities');
  }

  /** Java SimpleDateFormat patterns in a real IANA zone, e.g. formatDate(d, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm'). */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string) {
    this.runtime.call('utilities', 'Utilities.formatDate');
    if (!isDate(date))
      throw new Error("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    return formatSheetDate(date.getTime(), format, timeZone);
  }

  /** Sleeps on the virtual clock; the time counts against the 6-minute budget as it does in Apps Script. */
  sleep(milliseconds: number) {
    this.runtime.call('utilities', 'Utilities.sleep');
    this.runtime.clock.advance(milliseconds);
    this.runtime.checkTimeBudget();
  }

  newBlob(data: any, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    this.runtime.call('utilities', 'Utilities.newBlob');
    return newEmuBlob(toBuffer(data), contentType ?? null, name ?? null);
  }

  getUuid() {
    const hex = () => this.runtime.random.int(16).toString(16);
    const part = (n: number) => Array.from({ length: n }, hex).join('');
    return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
  }

  base64Encode(data: any, _charset?: GoogleAppsScript.Utilities.Charset) {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from((data as number[]).map((b) => b & 255));
    return buf.toString('base64');
  }

  /** "Base-64-encodes the given byte array into a web-safe string" ('-' and '_' for '+' and '/', padded). */
  base64EncodeWebSafe(data: any, _charset?: GoogleAppsScript.Utilities.Charset) {
    return this.base64Encode(data).replace(/\+/g, '-').replace(/\//g, '_');
  }

  /**
   * "Signs the provided value using HMAC-SHA256 with the given key"; strings are taken as UTF-8 and the
   * answer is Apps Script's Byte[] (signed, -128..127):
   * https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String)
   */
  computeHmacSha256Signature(value: any, key: any, _charset?: GoogleAppsScript.Utilities.Charset): GoogleAppsScript.Byte[] {
    this.runtime.call('utilities', 'Utilities.computeHmacSha256Signature');
    const bytes = (v: any) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from((v as number[]).map((b) => b & 255)));
    const mac = createHmac('sha256', bytes(key)).update(bytes(value)).digest();
    return [...mac].map((b) => (b > 127 ? b - 256 : b));
  }

  base64Decode(encoded: string): GoogleAppsScript.Byte[] {
    return [...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }

  /**
   * "Returns a tabular 2D array representation of a CSV string" (',' by default, or the delimiter given):
   * https://developers.google.com/apps-script/reference/utilities/utilities#parseCsv(String,Char).
   * Every cell is a string; a trailing line break adds no empty row.
   */
  parseCsv(csv: string, delimiter?: GoogleAppsScript.Char): string[][] {
    this.runtime.call('utilities', 'Utilities.parseCsv');
    if (typeof csv !== 'string')
      throw new Error("The parameters (number) don't match the method signature for Utilities.parseCsv.");
    const mark = delimiter === undefined ? ',' : String(delimiter);
    if (mark.length !== 1) throw new Error(`Invalid argument: delimiter`);
    const f = this.fidelity();
    return csvRows(csv, mark, f.parseCsvQuotedNewline === 'keepsInField', f.parseCsvOpenQuote === 'throws');
  }
}
