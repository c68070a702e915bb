import { Steps } from '../quantity';
import { ChatItem } from './items';
import { Span } from './text';

export type { ChatItem } from './items';
export type { Span } from './text';

/**
 * sure: read completely and unambiguously, the screen may tick it; check: read, but a person must look
 * (a default was assumed, a typo or a unit was guessed, the building is not on the list); notUnderstood:
 * meant as an order, or maybe meant as one, but nothing safe could be read from it.
 */
export type Confidence = 'sure' | 'check' | 'notUnderstood';

/**
 * order: what a resident asks for; edit: a change to what they asked before ("大米改成3", "рис не 2, а 3");
 * cancel: the whole order withdrawn; chatter: not an order ("谢谢团长", "+1", questions); header: the
 * list's heading, its example line, a price list, or who wrote the next messages.
 */
export type ChatLineKind = 'order' | 'edit' | 'cancel' | 'chatter' | 'header';

export type ChatReasonKey =
  | 'chat.reason.notAnOrder'
  | 'chat.reason.heading'
  | 'chat.reason.sender'
  | 'chat.reason.plusOne'
  | 'chat.reason.question'
  | 'chat.reason.itemUnknown'
  | 'chat.reason.itemMissing'
  | 'chat.reason.itemAmbiguous'
  | 'chat.reason.itemGuessed'
  | 'chat.reason.itemRepeated'
  | 'chat.reason.noQuantity'
  | 'chat.reason.notStep'
  | 'chat.reason.unitMismatch'
  | 'chat.reason.unitConverted'
  | 'chat.reason.quantityRange'
  | 'chat.reason.quantityVague'
  | 'chat.reason.quantityUnusual'
  | 'chat.reason.tooLarge'
  | 'chat.reason.strayNumber'
  | 'chat.reason.unreadText'
  | 'chat.reason.buildingUnknown'
  | 'chat.reason.buildingAmbiguous'
  | 'chat.reason.noBuilding'
  | 'chat.reason.noPerson'
  | 'chat.reason.severalPeople'
  | 'chat.reason.nameFromSender'
  | 'chat.reason.addOrSet'
  | 'chat.reason.repeated'
  | 'chat.reason.sameFlatOtherName'
  | 'chat.reason.personAmbiguous';

/**
 * Why a line or an item was read the way it was: a message key and what the message needs. Item ids are
 * never shown: `describeReason` turns them into the item's name in the reader's language.
 */
export interface ChatReason {
  key: ChatReasonKey;
  /** The item the reason is about. */
  itemId?: string;
  /** Items (or buildings) the words could mean. */
  candidates?: string[];
  /** What was typed ("1,3 кг", "7号楼", "香蕉"). */
  value?: string;
  /** An amount in the item's unit, for "2斤 counted as 1 kg". */
  amount?: number;
  /** Another line of the paste (1-based), for "same as line 4". */
  line?: number;
  span?: Span;
}

export interface ProposedPerson {
  /** As typed, emoji removed: "王阿姨", "Петрова Анна"; "" when the line names no one. */
  name: string;
  nameSpan: Span | null;
  /** Where the name came from: the line itself, or the chat's sender header when the line has none. */
  nameFrom: 'line' | 'sender' | 'none';
  /** A name from the Buildings sheet, or null when none was named or it is not on the list. */
  building: string | null;
  buildingSpan: Span | null;
  /** "502", "45", "2-502" (unit 2, flat 502); "" when not given. */
  flat: string;
  flatSpan: Span | null;
  /** Digits only, with a leading + kept: "+79161234567", "13812345678"; "" when none. */
  phone: string;
  phoneSpan: Span | null;
}

export interface ProposedItem {
  /** The catalog item, or null when the words fit none or several (see `candidates`). */
  itemId: string | null;
  /** When the words fit several items: all of them. */
  candidates: string[];
  /** The item's words as typed: "гречки", "鸡旦", "bananas". */
  typed: string;
  itemSpan: Span;
  /** Whole steps of the item; 0 removes it; null when the amount cannot be taken as written. */
  steps: Steps | null;
  /** Thousandths of the item's unit as read (1.5 kg → 1500), or null when no exact amount was written. */
  milli: number | null;
  /** The amount as typed ("2斤", "1,5 кг", "×2"), or "" when none was given (1 is then assumed). */
  amountTyped: string;
  amountSpan: Span | null;
  confidence: Confidence;
  reasons: ChatReason[];
}

/**
 * whole: the line is the person's entire order (a numbered 接龙 entry is reposted in full each time);
 * partial: it sets only the items it names and leaves the rest of their order as it was (a chat message).
 */
export type OrderMode = 'whole' | 'partial';

export interface ProposedOrder {
  person: ProposedPerson;
  mode: OrderMode;
  /** For a cancel: empty. An item with steps 0 is removed. */
  items: ProposedItem[];
}

export interface ChatLine {
  /** 1-based line number in the paste. */
  lineNo: number;
  /** The whole line in the paste. */
  span: Span;
  text: string;
  kind: ChatLineKind;
  confidence: Confidence;
  reasons: ChatReason[];
  /** For order, edit and cancel lines, also when not understood (what was read helps whoever types the rest). */
  order: ProposedOrder | null;
  /** Who wrote it, when the paste carries message headers (Telegram, WhatsApp, WeChat). */
  sender: string;
  /** The 接龙 number ("12." → 12), when the line is a numbered entry. */
  entry: number | null;
}

export interface ChatReading {
  /** Every non-blank line of the paste, in order: none is dropped. */
  lines: ChatLine[];
}

export interface ChatContext {
  items: readonly ChatItem[];
  /** The Buildings sheet's names as typed ("Дом 1", "3号楼", "Building 2"). */
  buildings: readonly string[];
  /**
   * The building a chat belongs to, when it is one building's group (楼组群): flats written without a
   * building are taken to be in it.
   */
  defaultBuilding?: string;
}

/** Who an order is for, as the import compares people: the same fields, without the spans. */
export interface PersonRef {
  name: string;
  building: string | null;
  flat: string;
  phone: string;
}

/** One item of an order as the import records it. */
export interface ItemSteps {
  itemId: string;
  steps: Steps;
}
