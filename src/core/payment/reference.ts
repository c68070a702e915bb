/**
 * Payment references: one short code per participant per round, typed by the resident into the
 * purpose field of a transfer (назначение платежа / 转账备注) and found again in the bank statement.
 *
 * Shape: R12-3-502 — round, building, flat. Only digits, capital Latin letters without the confusable
 * I, L, O and U (Crockford's alphabet: 0/O and 1/I/L are never both possible) and the hyphen: every
 * bank app and WeChat/Alipay note accepts them, and a reader dictating one over the phone cannot be
 * misheard. Cyrillic letters in building names ("12А", "3к2") are spelled in Latin by sound.
 */

/** Crockford base 32: digits and capitals without I, L, O, U. */
const SAFE = /[0-9A-HJKMNP-TV-Z]/;

const CYRILLIC: Record<string, string> = {
  а: 'A',
  б: 'B',
  в: 'V',
  г: 'G',
  д: 'D',
  е: 'E',
  ё: 'E',
  ж: 'ZH',
  з: 'Z',
  й: 'Y',
  к: 'K',
  м: 'M',
  н: 'N',
  п: 'P',
  р: 'R',
  с: 'S',
  т: 'T',
  ф: 'F',
  х: 'H',
  ц: 'TS',
  ч: 'CH',
  ш: 'SH',
  щ: 'SH',
  ы: 'Y',
  э: 'E',
  я: 'YA',
  ю: 'YU',
};

/** "12А" → "12A", "3к2" → "3K2", "кв. 502" → "502": digits with the letters that qualify them. */
function token(text: string, max: number): string {
  const latin = [...text.toLowerCase()].map((c) => CYRILLIC[c] ?? c.toUpperCase()).join('');
  const runs = latin.match(/[0-9A-Z]+/g) ?? [];
  const withDigits = runs.filter((r) => /\d/.test(r));
  // "Дом 3, корпус 2" → the numbered parts only: "3K2" reads better than "DOM3KORPUS2".
  const picked = withDigits.length ? withDigits.map((r) => r.replace(/^[A-Z]+(?=\d)/, '')) : runs;
  return [...picked.join('')]
    .filter((c) => SAFE.test(c))
    .join('')
    .slice(0, max);
}

/** The n-th suffix for a reference already taken: B, C, … Z, then BB, BC, … (A is the plain one). */
function suffix(n: number): string {
  const letters = 'ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '';
  for (let k = n; k > 0; k = Math.floor(k / letters.length)) out = letters[k % letters.length] + out;
  return out;
}

/** The round's part: "R12" stays "R12"; any other id is reduced to safe characters. */
export function roundCode(roundId: string): string {
  const t = [...String(roundId).toUpperCase()].filter((c) => SAFE.test(c)).join('');
  return (t || 'R').slice(0, 8);
}

export interface ReferenceHolder {
  orderKey: string;
  building: string;
  flat: string;
  /** When the order was first placed: earlier orders keep the plain reference, later ones get a suffix. */
  firstSubmittedAt?: number;
}

/**
 * References for a round's participants (order key → reference), unique within the round. Two orders
 * from the same flat (or two buildings that read alike) are told apart deterministically: in order of
 * first submission (then order key) the first keeps R12-3-502, the next get R12-3-502B, C, …; so a
 * reference already printed on a bill does not change when a later order comes in. Without building or
 * flat the reference is the round and the order's number in that sequence: R12-N7.
 */
export function paymentReferences(roundId: string, holders: readonly ReferenceHolder[]): Map<string, string> {
  const round = roundCode(roundId);
  const sorted = [...holders].sort(
    (a, b) =>
      (a.firstSubmittedAt ?? 0) - (b.firstSubmittedAt ?? 0) || (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0),
  );
  const used = new Set<string>();
  const out = new Map<string, string>();
  sorted.forEach((h, i) => {
    const building = token(h.building, 6);
    const flat = token(h.flat, 6);
    const base = building || flat ? [round, building || '0', flat || '0'].join('-') : `${round}-N${i + 1}`;
    let ref = base;
    for (let n = 1; used.has(ref); n++) ref = base + suffix(n);
    used.add(ref);
    out.set(h.orderKey, ref);
  });
  return out;
}

/**
 * Letters a resident may type for one another, by look or by sound: references are built by sound
 * (в → V, р → R, с → S, н → N, х → H), but a code printed as "R12-7V-15" is often typed on a Russian
 * keyboard by look (Р, В, С, Н) or read aloud and typed by sound. Each group reduces to one letter, on
 * both sides of the search, so every reading of a reference finds it. The price is that R and P (or B and
 * V…) are not told apart inside a reference; its round number and digits still are.
 */
const READINGS: Record<string, string> = {
  А: 'A',
  В: 'B',
  V: 'B',
  Е: 'E',
  Ё: 'E',
  К: 'K',
  М: 'M',
  Н: 'N',
  H: 'N',
  Х: 'N',
  X: 'N',
  О: '0',
  O: '0',
  Р: 'R',
  P: 'R',
  С: 'S',
  C: 'S',
  Т: 'T',
  I: '1',
  L: '1',
};

/**
 * A text reduced for finding references in it: capitals, letters read alike made one (see READINGS:
 * Cyrillic Р and Latin P → R, O → 0, I and L → 1), and any run of spaces, slashes, dots or dashes made
 * one hyphen. "р12 / 3 / 502" and "R12-3-502" reduce alike; a reference is reduced the same way before
 * it is looked for.
 */
export function canonicalReference(text: string): string {
  return String(text)
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[А-ЯЁA-Z]/g, (c) => READINGS[c] ?? c)
    .replace(/[\s\-–—_/\\.,:;#№]+/g, '-');
}

/** Whether `text` (a statement's purpose line) carries `reference`, as a whole code, not inside a longer one. */
export function mentionsReference(text: string, reference: string): boolean {
  const hay = `-${canonicalReference(text)}-`;
  const needle = canonicalReference(reference);
  let at = hay.indexOf(needle);
  while (at >= 0) {
    const before = hay.charAt(at - 1);
    const after = hay.charAt(at + needle.length);
    // Not part of a longer code: R12-3-50 must not match R12-3-502, nor R12-3-502 match R12-3-502B.
    if (!/[0-9A-Z]/.test(before) && !/^[0-9A-Z]/.test(after)) return true;
    at = hay.indexOf(needle, at + 1);
  }
  return false;
}

/**
 * References once printed on a bill never change: `kept` (order key → reference already assigned) stays
 * as it is, and only orders without one get a new reference, by the same rule as paymentReferences,
 * told apart from every kept one (a suffix, as for two orders from one flat).
 */
export function keepReferences(
  roundId: string,
  holders: readonly ReferenceHolder[],
  kept: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const h of holders) {
    const ref = kept.get(h.orderKey);
    if (ref) {
      out.set(h.orderKey, ref);
      used.add(ref);
    }
  }
  const fresh = paymentReferences(roundId, holders);
  for (const h of holders) {
    if (out.has(h.orderKey)) continue;
    const base = fresh.get(h.orderKey)!;
    let ref = base;
    for (let n = 1; used.has(ref); n++) ref = base + suffix(n);
    used.add(ref);
    out.set(h.orderKey, ref);
  }
  return out;
}
