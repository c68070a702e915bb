import type { ImportedPerson } from '../core/chat';
import { RoundState } from '../core/round';
import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';
import { Book } from './sheets/book';
import { cellText } from './sheets/cells';
import { get } from './sheets/schema';

/**
 * What chat imports into a round recorded: for each person the import has seen, the stable key their
 * order is written under, their fingerprint (building, flat, name, phone in a folded form) and the lines
 * that were confirmed. Pasting the same 接龙 again, or a longer one, is planned against it
 * (core/chat/import.ts), so only what is new or changed is written.
 *
 * It lives in document properties, not a sheet: every execution already reads them all in one call, so
 * planning costs no sheet read, and nobody sorts or edits it by hand. Stored as tuples, a person takes
 * about 60 bytes (a 400-line 接龙 ≈ 25 KB, split into 8 KB chunks by the store). The store holds 500 KB,
 * so a round's record is removed once it can no longer change: when the round is settled or cancelled
 * (pruned at the next import) and when its personal data is purged.
 */
export interface StoredChatImport {
  v: 1;
  /** [person key, fingerprint, [item id, steps]…] */
  people: [string, string, [string, number][]][];
}

export function readChatImport(store: DocumentStore, roundId: string): ImportedPerson[] {
  const stored = store.get(KEYS.chatImport(roundId));
  if (!stored || stored.v !== 1 || !Array.isArray(stored.people)) return [];
  return stored.people.map(([key, fingerprint, lines]) => ({
    key,
    fingerprint,
    lines: lines.map(([itemId, steps]) => ({ itemId, steps })),
  }));
}

export function writeChatImport(store: DocumentStore, roundId: string, people: readonly ImportedPerson[]): void {
  const stored: StoredChatImport = {
    v: 1,
    people: people.map((p) => [p.key, p.fingerprint, p.lines.map((l): [string, number] => [l.itemId, l.steps])]),
  };
  store.set(KEYS.chatImport(roundId), stored);
}

export function forgetChatImport(store: DocumentStore, roundId: string): void {
  store.delete(KEYS.chatImport(roundId));
}

const FINAL: readonly RoundState[] = ['settled', 'cancelled'];

/** Removes the records of rounds that can take no more orders for good (their cached state says so). */
export function pruneChatImports(store: DocumentStore): void {
  for (const roundId of store.list(KEYS.chatImport)) {
    const state = store.get(KEYS.snapshot(roundId))?.round.state;
    if (!state || FINAL.includes(state)) forgetChatImport(store, roundId);
  }
}

/**
 * The Catalog's "chat aliases" column, item by item: the words residents write for an item ("греча",
 * "米", "tp"), separated by commas, semicolons or new lines. Read at import time, so a word the coordinator
 * adds after seeing it not understood counts at the next paste.
 */
export function readAliases(book: Book): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of book.rows('catalog')) {
    const id = cellText(get('catalog', r, 'id'));
    const words = cellText(get('catalog', r, 'aliases'))
      .split(/[,;，；、\n]+/)
      .map((w) => w.trim())
      .filter(Boolean);
    if (id && words.length) out.set(id, words);
  }
  return out;
}
