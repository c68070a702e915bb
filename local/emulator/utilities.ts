import { guarded, isDate } from './guard';
import { Runtime } from './runtime';
import { formatSheetDate } from './spreadsheet/values';

type BlobMembers = 'getDataAsString' | 'getBytes' | 'getContentType' | 'getName' | 'setName' | 'setContentType';

export class EmuBlob implements Pick<GoogleAppsScript.Base.Blob, BlobMembers> {
  readonly proxy: GoogleAppsScript.Base.Blob;

  constructor(
    private data: string,
    private contentType: string | null,
    private name: string | null,
  ) {
    this.proxy = guarded(this, 'Blob');
  }

  getDataAsString() {
    return this.data;
  }

  getBytes() {
    // Apps Script bytes are signed Java bytes.
    return [...Buffer.from(this.data, 'utf8')].map((b) => (b > 127 ? b - 256 : b));
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
}

type Members = 'formatDate' | 'sleep' | 'newBlob' | 'getUuid' | 'base64Encode' | 'base64Decode';

export class EmuUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, Members> {
  readonly proxy: GoogleAppsScript.Utilities.Utilities;

  constructor(private runtime: Runtime) {
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
    const text = typeof data === 'string' ? data : Buffer.from((data as number[]).map((b) => b & 255)).toString('utf8');
    return new EmuBlob(text, contentType ?? null, name ?? null).proxy;
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

  base64Decode(encoded: string): GoogleAppsScript.Byte[] {
    return [...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }
}
