/** How long a submission waits for another execution before it is parked for the next tick. */
export const SUBMIT_LOCK_WAIT_MS = 20_000;
/** Coordinators' actions wait longer: a person is watching and a retry is worse than a pause. */
export const ACTION_LOCK_WAIT_MS = 30_000;

export type Locked<T> = { ok: true; value: T } | { ok: false; reason: 'busy' | 'noDocument' };

function holding<T>(lock: GoogleAppsScript.Lock.Lock, waitMs: number, fn: () => T): Locked<T> {
  if (!lock.tryLock(waitMs)) return { ok: false, reason: 'busy' };
  try {
    return { ok: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `fn` holding this community's document lock, shared by every trigger and sidebar call on its
 * spreadsheet, so two executions never interleave their reads and writes. Not the script lock: a published
 * Editor add-on is one script project for every community, and "a code section guarded by a script lock
 * cannot be executed simultaneously regardless of the identity of the user", while the document lock
 * "can be executed simultaneously by script instances running in the context of different documents"
 * (https://developers.google.com/apps-script/reference/lock/lock-service) — one community's long email
 * batch must never keep another's residents waiting.
 *
 * getDocumentLock() returns null "outside of the context of a containing document" (same page): an
 * add-on's time-driven run may have no file at all, and then there is nothing here to guard.
 */
export function withDocumentLock<T>(waitMs: number, fn: () => T): Locked<T> {
  const lock = LockService.getDocumentLock();
  if (!lock) return { ok: false, reason: 'noDocument' };
  return holding(lock, waitMs, fn);
}

/**
 * The user lock, for what one account keeps in its own user properties (the hourly tick's plan): "prevents
 * concurrent access to a section of code by the current user" (same page), whatever the file.
 */
export function withUserLock<T>(waitMs: number, fn: () => T): Locked<T> {
  return holding(LockService.getUserLock(), waitMs, fn);
}
