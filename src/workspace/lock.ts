/** How long a submission waits for another execution before it is parked for the next tick. */
export const SUBMIT_LOCK_WAIT_MS = 20_000;
/** Coordinators' actions wait longer: a person is watching and a retry is worse than a pause. */
export const ACTION_LOCK_WAIT_MS = 30_000;

/**
 * Runs `fn` holding the script lock, shared by every trigger and sidebar call, so two executions never
 * interleave their reads and writes. Returns null when the lock could not be had in time.
 */
export function withScriptLock<T>(waitMs: number, fn: () => T): { ok: true; value: T } | { ok: false } {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}
