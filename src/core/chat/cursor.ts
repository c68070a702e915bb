import { AddressReading, BuildingIndex } from './address';
import { Lexicon } from './items';
import { Span, fold } from './text';
import { ChatContext, ChatReason, ChatReasonKey } from './types';

/** The catalog and the Buildings sheet, read once for many pastes. */
export interface Prepared {
  ctx: ChatContext;
  lex: Lexicon;
  index: BuildingIndex;
}

/**
 * One line being read: its folded text (same length as what was typed) and a mask of what each character
 * has been read as, so an amount is never read from a flat number and a name never includes an item.
 */
export const FREE = 0;
export const TAKEN = 1;
/** Taken by a word that may stand between an item and its amount ("改成", "加"). */
export const JOIN = 2;

/** Reasons that only inform; every other reason asks a person to look. */
const INFO: ReadonlySet<ChatReasonKey> = new Set<ChatReasonKey>([
  'chat.reason.unitConverted',
  'chat.reason.nameFromSender',
  'chat.reason.repeated',
  'chat.reason.sender',
  'chat.reason.heading',
  'chat.reason.notAnOrder',
]);

export const needsLook = (r: ChatReason) => !INFO.has(r.key);

export class Cursor {
  readonly text: string;
  readonly mask: Uint8Array;
  constructor(
    readonly raw: string,
    readonly offset: number,
  ) {
    this.text = fold(raw);
    this.mask = new Uint8Array(raw.length);
  }
  free = (from: number, to: number): boolean => {
    if (from < 0 || to > this.text.length || from >= to) return false;
    for (let i = from; i < to; i++) if (this.mask[i] !== FREE) return false;
    return true;
  };
  take = (from: number, to: number, tag = TAKEN): void => {
    for (let i = Math.max(0, from); i < Math.min(to, this.mask.length); i++) this.mask[i] = tag;
  };
  span = (from: number, to: number): Span => ({ start: this.offset + from, end: this.offset + to });
  slice = (from: number, to: number): string => this.raw.slice(from, to);
}

/** What a line holds besides items and amounts. */
export interface Found {
  phone: { value: string; start: number; end: number } | null;
  price: boolean;
  address: AddressReading;
  /** "不要了", "убрать", "cancel": where they are, to find the item they take away. */
  removals: { start: number; end: number }[];
  edit: boolean;
  add: boolean;
  question: boolean;
}
