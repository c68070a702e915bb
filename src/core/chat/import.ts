import { Identity, comparePeople, fingerprintOf, identityOf, mergeIdentity, mergePerson, parseFingerprint } from './identity';
import { ChatLine, ChatReading, ChatReason, ItemSteps, OrderMode, PersonRef } from './types';

/**
 * Importing the same list again adds nothing; importing it longer adds only what is new. A 接龙 grows
 * as neighbours append to it and is pasted again and again, so an import is planned against what the
 * earlier imports recorded: for each person a fingerprint and the lines that were confirmed.
 */

/** One order as the coordinator confirmed it on the review screen (or as read, when it was sure). */
export interface ConfirmedOrder {
  lineNo: number;
  person: PersonRef;
  mode: OrderMode;
  /** An item with 0 steps is removed; a whole order with no items is cancelled. */
  items: ItemSteps[];
}

/** What earlier imports recorded about one person. */
export interface ImportedPerson {
  /** Stable for the person across imports, even as the fingerprint learns a building or a name. */
  key: string;
  fingerprint: string;
  lines: ItemSteps[];
}

export interface PersonChange {
  kind: 'new' | 'changed' | 'cancelled';
  key: string;
  fingerprint: string;
  /** The person as the paste names them (the latest non-empty name, building, flat, phone). */
  person: PersonRef;
  before: ItemSteps[];
  after: ItemSteps[];
  /** Lines of the paste that made the change. */
  lineNos: number[];
  /** Things a person should confirm (one flat ordering under two names). */
  reasons: ChatReason[];
}

export interface ImportPlan {
  /** Only people whose order differs from what is recorded. */
  changes: PersonChange[];
  /**
   * People in the paste whose recorded order already reads like this. Their fingerprint may have learnt
   * something ("王阿姨" now with 3号楼502), which `applyImport` records so the next paste finds them.
   */
  unchanged: { key: string; fingerprint: string; lineNos: number[] }[];
  /** Orders that fit several recorded people ("王阿姨" when two 王阿姨 live in different buildings). */
  unresolved: { lineNo: number; reasons: ChatReason[] }[];
}

/**
 * The order a line proposes, ready to import, or null when a person must settle something first (an item
 * not understood or ambiguous, an amount that does not fit the item's step).
 */
export function confirmedOrderOf(line: ChatLine): ConfirmedOrder | null {
  const o = line.order;
  if (!o || line.confidence === 'notUnderstood') return null;
  if (o.items.some((i) => i.itemId === null || i.steps === null)) return null;
  const { name, building, flat, phone } = o.person;
  return {
    lineNo: line.lineNo,
    person: { name, building, flat, phone },
    mode: o.mode,
    items: o.items.map((i) => ({ itemId: i.itemId!, steps: i.steps! })),
  };
}

/** The orders of every line read as sure: what the review screen ticks before a person looks. */
export function sureOrders(reading: ChatReading): ConfirmedOrder[] {
  return reading.lines.filter((l) => l.confidence === 'sure').flatMap((l) => confirmedOrderOf(l) ?? []);
}

interface Person {
  key: string;
  identity: Identity;
  person: PersonRef;
  before: ItemSteps[];
  lines: Map<string, number>;
  lineNos: number[];
  reasons: ChatReason[];
  touched: boolean;
}

const sorted = (lines: Map<string, number>): ItemSteps[] =>
  [...lines]
    .filter(([, steps]) => steps > 0)
    .map(([itemId, steps]) => ({ itemId, steps }))
    .sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));

const same = (a: ItemSteps[], b: ItemSteps[]) => JSON.stringify(a) === JSON.stringify(b);

/** FNV-1a: a short, stable key from the fingerprint a person was first seen with. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function newKey(identity: Identity, taken: Set<string>): string {
  const base = `chat:${hash(fingerprintOf(identity))}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/**
 * The recorded person this order belongs to: one that is plainly the same. Someone else in the same flat
 * (Иван where Мария ordered) is a new person, never a replacement of her order: the line says so, and
 * the coordinator sees both.
 */
function findPerson(
  people: Person[],
  identity: Identity,
): { person: Person | null; ambiguous: boolean; neighbour: Person | null } {
  const fits = people.map((p) => ({ p, how: comparePeople(p.identity, identity) })).filter((f) => f.how !== 'different');
  const sameOnes = fits.filter((f) => f.how === 'same');
  if (sameOnes.length > 1) return { person: null, ambiguous: true, neighbour: null };
  if (sameOnes.length) return { person: sameOnes[0].p, ambiguous: false, neighbour: null };
  return { person: null, ambiguous: false, neighbour: fits.find((f) => f.how === 'sameFlatOtherName')?.p ?? null };
}

/**
 * Plans an import: orders are applied in paste order to what was recorded (a whole order replaces the
 * person's order, a partial one sets only its items), and only the people whose order ends up different
 * are returned. Planning twice with the same orders, after applying the first plan, returns no change.
 */
export function planImport(previous: readonly ImportedPerson[], orders: readonly ConfirmedOrder[]): ImportPlan {
  const taken = new Set(previous.map((p) => p.key));
  const people: Person[] = previous.map((p) => ({
    key: p.key,
    identity: parseFingerprint(p.fingerprint),
    person: { name: '', building: null, flat: '', phone: '' },
    before: p.lines,
    lines: new Map(p.lines.map((l) => [l.itemId, l.steps])),
    lineNos: [],
    reasons: [],
    touched: false,
  }));
  const unresolved: ImportPlan['unresolved'] = [];
  for (const order of orders) {
    const identity = identityOf(order.person);
    const found = findPerson(people, identity);
    if (found.ambiguous) {
      unresolved.push({ lineNo: order.lineNo, reasons: [{ key: 'chat.reason.personAmbiguous', value: order.person.name }] });
      continue;
    }
    let p = found.person;
    if (!p) {
      p = {
        key: newKey(identity, taken),
        identity,
        person: order.person,
        before: [],
        lines: new Map(),
        lineNos: [],
        reasons: [],
        touched: false,
      };
      people.push(p);
      const other = found.neighbour;
      if (other)
        p.reasons.push({
          key: 'chat.reason.sameFlatOtherName',
          value: other.person.name || other.identity.name,
          line: order.lineNo,
        });
    }
    p.identity = mergeIdentity(p.identity, identity);
    p.person = mergePerson(p.person, order.person);
    p.touched = true;
    p.lineNos.push(order.lineNo);
    if (order.mode === 'whole') p.lines = new Map();
    for (const item of order.items) p.lines.set(item.itemId, Math.max(0, item.steps));
  }
  const changes: PersonChange[] = [];
  const unchanged: ImportPlan['unchanged'] = [];
  for (const p of people) {
    if (!p.touched) continue;
    const after = sorted(p.lines);
    if (same(after, p.before)) {
      unchanged.push({ key: p.key, fingerprint: fingerprintOf(p.identity), lineNos: p.lineNos });
      continue;
    }
    const kind = !p.before.length ? 'new' : !after.length ? 'cancelled' : 'changed';
    changes.push({
      kind,
      key: p.key,
      fingerprint: fingerprintOf(p.identity),
      person: p.person,
      before: p.before,
      after,
      lineNos: p.lineNos,
      reasons: p.reasons,
    });
  }
  return { changes, unchanged, unresolved };
}

/**
 * What to record once the coordinator confirmed a plan: earlier records with the confirmed changes
 * (pass `{ ...plan, changes: theConfirmedOnes }` when only some were) and what was learnt about the rest.
 */
export function applyImport(
  previous: readonly ImportedPerson[],
  plan: Pick<ImportPlan, 'changes' | 'unchanged'>,
): ImportedPerson[] {
  const out = previous.map((p) => ({ ...p }));
  for (const u of plan.unchanged) {
    const at = out.findIndex((p) => p.key === u.key);
    if (at >= 0) out[at] = { ...out[at], fingerprint: u.fingerprint };
  }
  for (const c of plan.changes) {
    const record = { key: c.key, fingerprint: c.fingerprint, lines: c.after };
    const at = out.findIndex((p) => p.key === c.key);
    if (at >= 0) out[at] = record;
    else out.push(record);
  }
  return out;
}
