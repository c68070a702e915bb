import qrcode from 'qrcode-generator';

/**
 * QR code images drawn inside the bundle, for bills and print-outs: no network, no Apps Script service.
 *
 * qrcode-generator (Kazuhiko Arase, MIT) encodes and draws a black-and-white GIF. Its string input is
 * read one UTF-16 code unit per byte (`c & 0xff`), so we hand it the UTF-8 bytes as a "binary string"
 * ourselves: byte mode, UTF-8, whatever the text (Cyrillic, Chinese). Its GIF comes out as a base64
 * data URL, written by its own encoder (no btoa); we decode that with a few lines below. Nothing here
 * uses TextEncoder, atob/btoa or Buffer, which Apps Script V8 lacks.
 */

/** The UTF-8 bytes of a text (surrogate pairs joined; a lone surrogate becomes U+FFFD). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of String(text)) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) to bytes; characters outside the alphabet are skipped. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = String(text).replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of clean) {
    value = (value << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Bytes to standard base64 with padding: for a data URL in an HTML page or email. */
export function bytesToBase64(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}

export interface QrImageOptions {
  /** Pixels per module (default 4: a version-10 code is about 260 px wide, fine on paper and screens). */
  cellSize?: number;
  /** Quiet zone in modules around the code (default 4, what ISO/IEC 18004 asks for). */
  quietZone?: number;
}

export interface QrImage {
  /** GIF bytes: hand to Utilities.newBlob(bytes, 'image/gif') or inline as a data URL. */
  gif: Uint8Array;
  /** Width and height in pixels, quiet zone included. */
  size: number;
  /** Modules per side (21 for version 1, +4 per version). */
  modules: number;
}

/**
 * A QR code for `payload` as a GIF image: byte mode with UTF-8, error correction level M (15% of the
 * code may be smudged or folded and it still reads), the smallest version that fits, and a quiet zone.
 * Throws only when the payload cannot fit any QR code (about 2,300 bytes at level M) — a bug upstream,
 * since payment payloads are a few hundred bytes.
 */
export function qrGif(payload: string, options: QrImageOptions = {}): QrImage {
  const cellSize = Math.max(1, Math.floor(options.cellSize ?? 4));
  const quiet = Math.max(0, Math.floor(options.quietZone ?? 4));
  const qr = qrcode(0, 'M');
  qr.addData(String.fromCharCode(...utf8Bytes(payload)), 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  const url = qr.createDataURL(cellSize, quiet * cellSize);
  const gif = base64ToBytes(url.slice(url.indexOf(',') + 1));
  return { gif, size: modules * cellSize + 2 * quiet * cellSize, modules };
}

/** Whether a payload fits a QR code at all (a receive code pasted as a whole page would not). */
export function fitsQr(payload: string): boolean {
  try {
    qrGif(payload);
    return true;
  } catch {
    return false;
  }
}

/** The same image as a data URL ("data:image/gif;base64,…") for an <img> in a page or an email. */
export function qrDataUrl(payload: string, options: QrImageOptions = {}): string {
  return `data:image/gif;base64,${bytesToBase64(qrGif(payload, options).gif)}`;
}
