/**
 * Document properties as one typed store: the only code that calls PropertiesService. Every execution
 * opens it once (getProperties reads every key in one call) and every write goes through it, so what
 * it holds in memory is what the document holds. The keys and the type of each value are listed once,
 * in keys.ts; how a value is stored (a number, text, or JSON split into chunks) is private to this file.
 * https://developers.google.com/apps-script/reference/properties/properties
 */

/** How one kind of value is stored. */
export interface Codec<T> {
  encode(value: T): string;
  decode(stored: string): T;
  /** JSON split into numbered chunks: Apps Script caps a value at 9 KB. */
  chunked: boolean;
}

/** One value in the store: its property name and how it is stored. */
export interface Key<T> {
  readonly name: string;
  readonly codec: Codec<T>;
}

/** Values of one kind under one prefix, one per argument (`round:R1`, `round:R2`…). */
export interface Family<A, T> {
  (arg: A): Key<T>;
  readonly prefix: string;
  readonly codec: Codec<T>;
  /** The argument back from the part of a name after the prefix. */
  parse(suffix: string): A;
}

export const json = <T>(): Codec<T> => ({ encode: (v) => JSON.stringify(v), decode: (s) => JSON.parse(s) as T, chunked: true });
export const text: Codec<string> = { encode: (v) => v, decode: (s) => s, chunked: false };
export const int: Codec<number> = { encode: (v) => String(v), decode: (s) => Number(s), chunked: false };

export function key<T>(name: string, codec: Codec<T>): Key<T> {
  return { name, codec };
}

export function family<A, T>(
  prefix: string,
  codec: Codec<T>,
  suffix: (arg: A) => string = String,
  parse: (suffix: string) => A = (s) => s as A,
): Family<A, T> {
  return Object.assign((arg: A) => key(`${prefix}${suffix(arg)}`, codec), { prefix, codec, parse });
}

/** A value with its key, for writing several in one call. */
export interface Entry {
  readonly key: Key<unknown>;
  readonly value: unknown;
}

export function entry<T>(k: Key<T>, value: T): Entry {
  return { key: k as Key<unknown>, value };
}

// ---- the stored format (private: nothing outside this file knows about chunks) ----

// The quota page says 9 KB per value (https://developers.google.com/apps-script/guides/services/quotas);
// measured, a value tops out at 8,066 bytes (https://gist.github.com/tanaikech/8b057d10fb5f2af014794e57b021c6aa).
const CHUNK_BYTES = 8000;
const count = (name: string) => `${name}#n`;
const chunk = (name: string, i: number) => `${name}#${i}`;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

function chunksOf(name: string, stored: string): Record<string, string> {
  const out: Record<string, string> = {};
  let part = 0;
  let start = 0;
  while (start < stored.length || part === 0) {
    let end = Math.min(stored.length, start + CHUNK_BYTES);
    while (end > start + 1 && utf8Length(stored.slice(start, end)) > CHUNK_BYTES) end = start + Math.floor((end - start) * 0.8);
    // Never split a surrogate pair (an emoji in a name): half of one is not valid UTF-8 on its own.
    if (end < stored.length && end > start + 1 && isHighSurrogate(stored.charCodeAt(end - 1))) end--;
    out[chunk(name, part++)] = stored.slice(start, end);
    start = end;
    if (start >= stored.length) break;
  }
  out[count(name)] = String(part);
  return out;
}

/** The properties that hold `value` under `k`, as they are written. */
export function storedEntries<T>(k: Key<T>, value: T): Record<string, string> {
  const stored = k.codec.encode(value);
  return k.codec.chunked ? chunksOf(k.name, stored) : { [k.name]: stored };
}

/** Reads `k` from a map of raw properties (the store's own, or an emulator's for tests and tools). */
export function readStored<T>(all: Readonly<Record<string, string>>, k: Key<T>): T | null {
  if (!k.codec.chunked) return k.name in all ? k.codec.decode(all[k.name]) : null;
  const n = Number(all[count(k.name)] ?? 0);
  if (!n) return null;
  let stored = '';
  for (let i = 0; i < n; i++) {
    const part = all[chunk(k.name, i)];
    // Left by a store written before deletes went count first: the value is gone, not broken.
    if (part === undefined) return null;
    stored += part;
  }
  return k.codec.decode(stored);
}

/**
 * One property store read once into memory; every write goes through it, so what it holds is what the
 * store holds. Document properties for the community; the running account's user properties for what
 * the hourly tick needs when it runs without its spreadsheet (see UserStore).
 */
abstract class PropertyStore {
  protected constructor(private readonly all: Record<string, string>) {}

  protected abstract props(): GoogleAppsScript.Properties.Properties;

  get<T>(k: Key<T>): T | null {
    return readStored(this.all, k);
  }

  set<T>(k: Key<T>, value: T): void {
    const out = storedEntries(k, value);
    const names = Object.keys(out);
    const before = this.chunkCount(k);
    if (names.length === 1) this.props().setProperty(names[0], out[names[0]]);
    else this.props().setProperties(out);
    Object.assign(this.all, out);
    // A shorter value leaves no stale chunks behind: dropped after the new count is written, so an
    // execution killed in between leaves the new value whole and a stale chunk nobody reads.
    this.dropChunks(k, Number(out[count(k.name)] ?? 0), before);
  }

  /** Several values in one call. */
  setAll(...entries: Entry[]): void {
    const out: Record<string, string> = {};
    for (const e of entries) Object.assign(out, storedEntries(e.key, e.value));
    this.props().setProperties(out);
    Object.assign(this.all, out);
  }

  /**
   * A chunked value goes count first: killed half-way, what is left is chunks nobody reads, never a count
   * pointing at chunks that are gone (test/bundle/faults.test.ts kills at every call).
   */
  delete(k: Key<unknown>): void {
    if (!k.codec.chunked) {
      if (!(k.name in this.all)) return;
      this.props().deleteProperty(k.name);
      delete this.all[k.name];
      return;
    }
    const n = this.chunkCount(k);
    if (!n && !(count(k.name) in this.all)) return;
    this.props().deleteProperty(count(k.name));
    delete this.all[count(k.name)];
    this.dropChunks(k, 0, n);
  }

  /**
   * Several values gone in one call: the store is rewritten without them ("setProperties(properties,
   * deleteAllOthers) … optionally deleting all other properties", reference/properties/properties), so
   * an execution killed here leaves all of them or none. What it holds in memory is the whole store.
   */
  deleteAll(keys: readonly Key<unknown>[]): void {
    const names = new Set<string>();
    for (const k of keys) {
      if (!k.codec.chunked) names.add(k.name);
      else {
        names.add(count(k.name));
        for (let i = 0; i < this.chunkCount(k); i++) names.add(chunk(k.name, i));
      }
    }
    const gone = Object.keys(this.all).filter((name) => names.has(name));
    if (gone.length === 0) return;
    for (const name of gone) delete this.all[name];
    this.props().setProperties({ ...this.all }, true);
  }

  /** The arguments of every value of a family that is present. */
  list<A>(f: Family<A, unknown>): A[] {
    const end = f.codec.chunked ? count('') : '';
    return Object.keys(this.all)
      .filter((name) => name.startsWith(f.prefix) && name.endsWith(end))
      .map((name) => f.parse(name.slice(f.prefix.length, name.length - end.length)));
  }

  /** Bytes the store holds, against Apps Script's 500 KB per store (guides/services/quotas). */
  bytes(): number {
    return Object.entries(this.all).reduce((n, [k, v]) => n + utf8Length(k) + utf8Length(v), 0);
  }

  private chunkCount(k: Key<unknown>): number {
    return k.codec.chunked ? Number(this.all[count(k.name)] ?? 0) : 0;
  }

  private dropChunks(k: Key<unknown>, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.props().deleteProperty(chunk(k.name, i));
      delete this.all[chunk(k.name, i)];
    }
  }
}

export class DocumentStore extends PropertyStore {
  /** Reads every document property in one call; open it once per execution (and again after waiting for the lock). */
  static open(): DocumentStore {
    return new DocumentStore(PropertiesService.getDocumentProperties().getProperties());
  }

  /**
   * The document's properties, or null where there is no document: "When document properties are not
   * available this method returns null" (reference/properties/properties-service#getDocumentProperties()),
   * as in an add-on's time-driven run.
   */
  static openIfAny(): DocumentStore | null {
    const props = PropertiesService.getDocumentProperties();
    return props ? new DocumentStore(props.getProperties()) : null;
  }

  protected props(): GoogleAppsScript.Properties.Properties {
    return PropertiesService.getDocumentProperties();
  }
}

/**
 * The running account's user properties. In a published add-on they are shared by every spreadsheet this
 * account uses the add-on in (one script project), so whatever concerns one community carries its id.
 */
export class UserStore extends PropertyStore {
  static open(): UserStore {
    return new UserStore(PropertiesService.getUserProperties().getProperties());
  }

  protected props(): GoogleAppsScript.Properties.Properties {
    return PropertiesService.getUserProperties();
  }
}
