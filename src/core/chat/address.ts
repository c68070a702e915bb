import { CN_NUMERAL_CHARS, chineseNumeral } from './numerals';
import { fold, isDigit, isWordLetter } from './text';
import { readUnit } from './units';

/**
 * Buildings and flats as residents write them — 3号楼502, 3栋502, 3幢2单元502, 3-502, д.3 кв.45,
 * дом 3, кв 45, корп. 2, flat 3, apt 3, Bldg 1 #4 — matched against the community's Buildings sheet,
 * whose names are whatever the coordinator typed ("Дом 1", "3号楼", "Building 2", "Tower A").
 */

/** building: дом, 号楼, 栋, building…; korpus: корпус; entrance: подъезд, 单元, entrance. */
export type PartKind = 'building' | 'korpus' | 'entrance';

export interface AddressPart {
  kind: PartKind;
  /** "3", "3а", "a": digits (Chinese numerals turned into digits) and a letter, folded. */
  id: string;
}

export interface AddressReading {
  parts: AddressPart[];
  /** "" when none; a Chinese 单元 goes in front: 3幢2单元502 → "2-502". */
  flat: string;
  /** Where the building was named ("7号楼", "д.7"), to quote it when it is not on the list. */
  buildingAt: { start: number; end: number } | null;
  /** A building name from the list found word for word in the line. */
  literal: string | null;
  /** What the address was read from, in line offsets. */
  spans: { start: number; end: number; role: 'building' | 'flat' | 'other' }[];
  /** A second, different building or flat in the same line: likely two households' orders on one line. */
  another: boolean;
}

export interface BuildingIndex {
  entries: { name: string; folded: string; parts: AddressPart[] }[];
}

const CN = `[${CN_NUMERAL_CHARS}]+`;
const NUM = `(\\d+|${CN})`;

type Found = {
  parts: AddressPart[];
  flat?: string;
  entranceInFlat?: string;
  role: 'building' | 'flat' | 'other';
  /** Where the building's words end inside the match, when a flat follows them. */
  buildingEnd?: number;
};
type Pattern = [RegExp, (m: RegExpExecArray) => Found | null];

const id = (text: string | undefined): string => {
  if (!text) return '';
  const cn = /^[零〇一二两三四五六七八九十百千]+$/.test(text) ? chineseNumeral(text) : undefined;
  return cn !== undefined ? String(cn) : text.replace(/^0+(?=\d)/, '');
};
const building = (x: string): AddressPart => ({ kind: 'building', id: id(x) });

/** Patterns over folded text, most specific first. Each match is consumed so a later one cannot reuse it. */
const PATTERNS: Pattern[] = [
  [
    new RegExp(`${NUM}\\s*(?:号楼|栋|幢|座)(?:\\s*${NUM}\\s*单元)?(?:\\s*-?\\s*(\\d{1,5})(?:\\s*[室号])?)?`, 'gu'),
    (m) => ({
      parts: [building(m[1])],
      entranceInFlat: m[2] && id(m[2]),
      flat: m[3],
      role: 'building',
      buildingEnd: m.index + /^.*?(?:号楼|栋|幢|座)/u.exec(m[0])![0].length,
    }),
  ],
  [/([a-z])\s*座(?:\s*(\d{2,5})(?:\s*室)?)?/gu, (m) => ({ parts: [building(m[1])], flat: m[2], role: 'building' })],
  [/(\d+)\s*号\s*(\d{2,5})(?:\s*室)?/gu, (m) => ({ parts: [building(m[1])], flat: m[2], role: 'building' })],
  [/(\d+)\s*单元\s*(\d{2,5})(?:\s*室)?/gu, (m) => ({ parts: [], entranceInFlat: id(m[1]), flat: m[2], role: 'flat' })],
  [/(\d{1,5})\s*室/gu, (m) => ({ parts: [], flat: m[1], role: 'flat' })],
  [
    /(?<![\d.,:/+])(\d{1,3})\s*-\s*(\d{1,2})\s*-\s*(\d{2,5})(?![\d.,:])/gu,
    (m) => ({ parts: [building(m[1])], entranceInFlat: id(m[2]), flat: m[3], role: 'building' }),
  ],
  [/(?<![\p{L}])(?:дом|д)\s*\.?\s*(\d+[а-я]?)(?![\p{L}\d])/gu, (m) => ({ parts: [building(m[1])], role: 'building' })],
  [
    /(?<![\p{L}])(?:квартира|кв-ра|кв)\s*\.?\s*(\d+[а-я]?(?:-\d+)?)(?![\p{L}\d])/gu,
    (m) => ({ parts: [], flat: m[1], role: 'flat' }),
  ],
  [
    /(?<![\p{L}])(?:корпус|корп\s*\.?|к\s*\.)\s*(\d+)(?![\p{L}\d])/gu,
    (m) => ({ parts: [{ kind: 'korpus', id: id(m[1]) }], role: 'building' }),
  ],
  [
    /(?<![\p{L}])(?:подъезд|подьезд|под\s*\.?|пд)\s*(\d+)(?![\p{L}\d])/gu,
    (m) => ({ parts: [{ kind: 'entrance', id: id(m[1]) }], role: 'building' }),
  ],
  [/(?<![\p{L}])(?:этаж|эт\s*\.?|floor)\s*(\d+)(?![\p{L}\d])/gu, () => ({ parts: [], role: 'other' })],
  [
    /(?<![\p{L}])(?:building|bldg|bld|block|blk|house|tower)\s*\.?\s*(?:no\.?\s*|#\s*)?(\d+[a-z]?|[a-z])(?![\p{L}\d])/gu,
    (m) => ({ parts: [building(m[1])], role: 'building' }),
  ],
  [
    /(?<![\p{L}])(?:flat|apt|apartment|unit|room|rm)\s*\.?\s*(?:no\.?\s*|#\s*)?(\d+[a-z]?(?:-\d+)?)(?![\p{L}\d])/gu,
    (m) => ({ parts: [], flat: m[1], role: 'flat' }),
  ],
  // "b1", "B2": a building, written glued the way English chats shorten it.
  [/(?<![\p{L}\d])b(\d{1,3})(?![\p{L}\d])/gu, (m) => ({ parts: [building(m[1])], role: 'building' })],
  [
    /(?<![\p{L}])(?:entrance|staircase)\s*(\d+)(?![\p{L}\d])/gu,
    (m) => ({ parts: [{ kind: 'entrance', id: id(m[1]) }], role: 'building' }),
  ],
  [/(?<![\p{L}\d])#\s*(\d{1,5})(?![\d])/gu, (m) => ({ parts: [], flat: m[1], role: 'flat' })],
];

/** "3-502" with nothing else around it: a building and a flat in Chinese chats, but also a range "2-3 кг". */
const DASH_PAIR = /(?<![\d.,:/+])(\d{1,3})-(\d{2,5}[a-zа-я]?)(?![\d.,:%])/gu;

function partsOf(folded: string): AddressPart[] {
  const parts: AddressPart[] = [];
  for (const [re, read] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) parts.push(...(read(m)?.parts ?? []));
  }
  return parts;
}

/** Reads the Buildings sheet once: each name and the parts it is made of ("Корпус 2" → korpus 2). */
export function indexBuildings(names: readonly string[]): BuildingIndex {
  const entries = names
    .map((name) => String(name ?? '').trim())
    .filter(Boolean)
    .map((name) => ({ name, folded: fold(name), parts: partsOf(fold(name)) }));
  return { entries };
}

type Free = (from: number, to: number) => boolean;

function literalNames(text: string, free: Free, index: BuildingIndex, out: AddressReading): void {
  const byLength = [...index.entries].sort((a, b) => b.folded.length - a.folded.length);
  for (const e of byLength) {
    const at = findWhole(text, e.folded, free);
    if (at < 0) continue;
    const end = at + e.folded.length;
    if (out.literal && out.literal !== e.name) out.another = true;
    out.literal ??= e.name;
    out.buildingAt ??= { start: at, end };
    out.parts.push(...e.parts);
    out.spans.push({ start: at, end, role: 'building' });
    // "Tower A 1203", "3号楼 502": a flat number straight after the building's name.
    const flat = /^\s*[,-]?\s*(\d{2,5}[a-zа-я]?|\d(?=\s*室))(?:\s*室)?(?![\d.,a-zа-я])/u.exec(text.slice(end));
    if (flat && !readUnit(text, end + flat[0].length) && free(end, end + flat[0].length) && !out.flat) {
      out.flat = id(flat[1]);
      out.spans.push({ start: end, end: end + flat[0].length, role: 'flat' });
    }
    return;
  }
}

/** The name as a whole word: not inside "Дом 10" when looking for "Дом 1", nor "tower apartments" for "Tower A". */
function findWhole(text: string, name: string, free: Free): number {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1];
    const after = text[at + name.length];
    const last = name[name.length - 1];
    if (isWordLetter(before) || (isDigit(before) && isDigit(name[0]))) continue;
    if ((isDigit(last) && isDigit(after)) || (isWordLetter(last) && isWordLetter(after))) continue;
    if (free(at, at + name.length)) return at;
  }
  return -1;
}

/**
 * Reads every building and flat mention in a folded line (only where `free` allows) and says where each
 * was. `consume` marks what it took, so quantities are never read from a flat number.
 */
export function readAddress(
  text: string,
  free: Free,
  consume: (from: number, to: number) => void,
  index: BuildingIndex,
): AddressReading {
  const out: AddressReading = { parts: [], flat: '', buildingAt: null, literal: null, spans: [], another: false };
  literalNames(text, free, index, out);
  for (const s of out.spans) consume(s.start, s.end);
  for (const [re, read] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let end = m.index + m[0].length;
      if (!free(m.index, end)) continue;
      const found = read(m);
      if (!found) continue;
      if (found.flat && readUnit(text, end) && !/[室号]$/.test(m[0])) {
        // "3号楼 2袋": the 2 is an amount, not a flat.
        if (!found.parts.length || m[0].indexOf(found.flat) <= 0) continue;
        end = m.index + m[0].lastIndexOf(found.flat);
        found.flat = undefined;
        found.entranceInFlat = undefined;
      }
      take(out, found, m.index, end);
      consume(m.index, end);
    }
  }
  return out;
}

function take(out: AddressReading, found: Found, start: number, end: number): void {
  const flat = found.flat ? (found.entranceInFlat ? `${found.entranceInFlat}-` : '') + id(found.flat) : '';
  const clash = found.parts.some((p) => out.parts.some((q) => q.kind === p.kind && q.id !== p.id));
  if (clash || (flat && out.flat && flat !== out.flat)) out.another = true;
  out.parts.push(...found.parts);
  if (found.parts.some((p) => p.kind !== 'entrance') && !out.buildingAt)
    out.buildingAt = { start, end: found.buildingEnd ?? end };
  if (flat && !out.flat) out.flat = flat;
  out.spans.push({ start, end, role: found.role });
}

/**
 * "3-502" before the first item: in Chinese chats a building and a flat. Read only where a quantity
 * cannot be meant (not followed by a unit) and only when nothing else in the line named a building.
 */
export function readDashPair(
  text: string,
  before: number,
  free: Free,
  consume: (from: number, to: number) => void,
  out: AddressReading,
): void {
  if (out.parts.length || out.literal) return;
  DASH_PAIR.lastIndex = 0;
  for (let m = DASH_PAIR.exec(text); m; m = DASH_PAIR.exec(text)) {
    const end = m.index + m[0].length;
    if (m.index >= before || !free(m.index, end) || readUnit(text, end)) continue;
    take(out, { parts: [building(m[1])], flat: m[2], role: 'building', buildingEnd: m.index + m[1].length }, m.index, end);
    consume(m.index, end);
    return;
  }
}

export type BuildingMatch =
  { kind: 'found'; building: string } | { kind: 'none' } | { kind: 'unknown' } | { kind: 'ambiguous'; candidates: string[] };

/** Which building of the list the reading names: found, not said, not on the list, or one of several. */
export function matchBuilding(reading: AddressReading, index: BuildingIndex): BuildingMatch {
  if (reading.literal) return { kind: 'found', building: reading.literal };
  const typed = reading.parts;
  if (!typed.length) return { kind: 'none' };
  const fits = index.entries.filter(
    (e) => e.parts.length && e.parts.every((p) => typed.some((t) => t.kind === p.kind && t.id === p.id)),
  );
  const most = Math.max(0, ...fits.map((e) => e.parts.length));
  const best = fits.filter((e) => e.parts.length === most);
  if (best.length === 1) return { kind: 'found', building: best[0].name };
  if (best.length > 1) return { kind: 'ambiguous', candidates: best.map((e) => e.name) };
  if (typed.every((p) => p.kind === 'entrance')) return { kind: 'none' };
  return { kind: 'unknown' };
}
