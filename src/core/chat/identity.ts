import { identityKey } from './text';
import { PersonRef } from './types';

/**
 * Who is who across pastes. A 接龙 entry names a household by building and flat ("3号楼502"), a chat
 * message by a name ("Иванова"), sometimes both, sometimes with a phone; the same person writes
 * "王 阿姨" one day and "王阿姨" the next, "ANNA" or "Ａｎｎａ". The fingerprint keeps each of these in a
 * folded form, and two fingerprints are compared field by field, so a name-only message still finds the
 * household it belongs to.
 */
export interface Identity {
  name: string;
  building: string;
  flat: string;
  phone: string;
}

/** The national part of a phone number: +7 916… and 8 916… are one number, as are +86 138… and 138…. */
function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : digits;
}

export function identityOf(p: PersonRef): Identity {
  return {
    name: identityKey(p.name),
    building: identityKey(p.building ?? ''),
    flat: identityKey(p.flat),
    phone: phoneKey(p.phone),
  };
}

const FIELDS = ['b', 'f', 'n', 'p'] as const;

/**
 * A text to store with an import ("b=3号楼|f=502|n=王阿姨|p="): only letters and digits inside each field,
 * so it is safe in a sheet cell and survives a round trip through one.
 */
export function fingerprintOf(identity: Identity): string {
  const v = { b: identity.building, f: identity.flat, n: identity.name, p: identity.phone };
  return FIELDS.map((k) => `${k}=${v[k]}`).join('|');
}

export function personFingerprint(p: PersonRef): string {
  return fingerprintOf(identityOf(p));
}

/** Reads a stored fingerprint back; anything unreadable is an identity that matches no one. */
export function parseFingerprint(fingerprint: string): Identity {
  const out: Identity = { name: '', building: '', flat: '', phone: '' };
  for (const part of String(fingerprint ?? '').split('|')) {
    const [k, ...rest] = part.split('=');
    const value = identityKey(rest.join('='));
    if (k === 'b') out.building = value;
    else if (k === 'f') out.flat = value;
    else if (k === 'n') out.name = value;
    else if (k === 'p') out.phone = value.replace(/\D/g, '');
  }
  return out;
}

/**
 * same: one person; sameFlatOtherName: one flat under two names (one household, or two neighbours
 * sharing a flat — a person decides); different: two people. A building alone is nobody's identity.
 */
export type Sameness = 'same' | 'sameFlatOtherName' | 'different';

export function comparePeople(a: Identity, b: Identity): Sameness {
  if (a.building && b.building && a.building !== b.building) return 'different';
  if (a.flat && b.flat && a.flat !== b.flat) return 'different';
  if (a.phone && b.phone && a.phone === b.phone) return 'same';
  const sameFlat = !!a.flat && a.flat === b.flat;
  if (a.name && b.name) {
    if (a.name === b.name) return 'same';
    return sameFlat ? 'sameFlatOtherName' : 'different';
  }
  return sameFlat ? 'same' : 'different';
}

/** What two readings of one person know together: the one with a building lends it to the one without. */
export function mergeIdentity(a: Identity, b: Identity): Identity {
  return {
    name: a.name || b.name,
    building: a.building || b.building,
    flat: a.flat || b.flat,
    phone: a.phone || b.phone,
  };
}

/** The same for what is shown: the latest non-empty value of each field. */
export function mergePerson(a: PersonRef, b: PersonRef): PersonRef {
  return {
    name: b.name || a.name,
    building: b.building || a.building,
    flat: b.flat || a.flat,
    phone: b.phone || a.phone,
  };
}
