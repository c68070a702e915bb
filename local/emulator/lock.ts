import { guarded } from './guard';
import { Runtime } from './runtime';

export const LOCK_TIMEOUT_ERROR = 'Lock timeout: another process was holding the lock for too long.';

type Scope = 'script' | 'document' | 'user';

interface Holder {
  /** The execution holding it, or ELSEWHERE when a simulated other process holds it. */
  execution: object;
  until: number;
}

const ELSEWHERE = Object.freeze({ elsewhere: true });
/** Stands for "the caller" when services are used directly, outside any execution (emulator tests). */
const DIRECT = Object.freeze({ direct: true });

/**
 * Locks across executions. The emulator runs one execution at a time, so "another process" is
 * simulated with holdElsewhere(scope, ms): waitLock then waits on the virtual clock and times out
 * exactly as Apps Script would. Locks are released when their execution ends.
 */
export class LockTable {
  private holders = new Map<string, Holder>();

  constructor(private runtime: Runtime) {}

  keyOf(scope: Scope): string {
    return scope === 'user' ? `user:${this.runtime.user}` : scope;
  }

  holdElsewhere(scope: Scope, forMs: number, user?: string): void {
    const key = scope === 'user' ? `user:${user ?? this.runtime.user}` : scope;
    this.holders.set(key, { execution: ELSEWHERE, until: this.runtime.clock.now() + forMs });
  }

  holder(key: string): Holder | undefined {
    const h = this.holders.get(key);
    if (h && h.execution === ELSEWHERE && h.until <= this.runtime.clock.now()) {
      this.holders.delete(key);
      return undefined;
    }
    return h;
  }

  acquire(key: string, timeoutMs: number): boolean {
    const h = this.holder(key);
    const me = this.me();
    if (!h || h.execution === me) {
      this.holders.set(key, { execution: me, until: Infinity });
      return true;
    }
    const waitUntil = this.runtime.clock.now() + timeoutMs;
    if (h.execution === ELSEWHERE && h.until <= waitUntil) {
      this.runtime.clock.set(h.until);
      this.holders.set(key, { execution: me, until: Infinity });
      return true;
    }
    this.runtime.clock.set(waitUntil);
    return false;
  }

  private me(): object {
    return this.runtime.current ?? DIRECT;
  }

  release(key: string): void {
    if (this.holders.get(key)?.execution === this.me()) this.holders.delete(key);
  }

  hasLock(key: string): boolean {
    return this.holders.get(key)?.execution === this.me();
  }

  releaseAllOf(execution: object): void {
    for (const [key, h] of this.holders) if (h.execution === execution) this.holders.delete(key);
  }
}

type LockMembers = 'waitLock' | 'tryLock' | 'releaseLock' | 'hasLock';

export class EmuLock implements Pick<GoogleAppsScript.Lock.Lock, LockMembers> {
  readonly proxy: GoogleAppsScript.Lock.Lock;

  constructor(
    private runtime: Runtime,
    private table: LockTable,
    private key: string,
  ) {
    this.proxy = guarded(this, 'Lock');
  }

  waitLock(timeoutInMillis: number) {
    this.runtime.call('lock', 'Lock.waitLock');
    if (!this.table.acquire(this.key, timeoutInMillis)) throw new Error(LOCK_TIMEOUT_ERROR);
  }

  tryLock(timeoutInMillis: number) {
    this.runtime.call('lock', 'Lock.tryLock');
    return this.table.acquire(this.key, timeoutInMillis);
  }

  releaseLock() {
    this.runtime.call('lock', 'Lock.releaseLock');
    this.table.release(this.key);
  }

  hasLock() {
    return this.table.hasLock(this.key);
  }
}

type ServiceMembers = 'getScriptLock' | 'getDocumentLock' | 'getUserLock';

export class EmuLockService implements Pick<GoogleAppsScript.Lock.LockService, ServiceMembers> {
  readonly proxy: GoogleAppsScript.Lock.LockService;

  constructor(
    private runtime: Runtime,
    readonly table: LockTable,
  ) {
    this.proxy = guarded(this, 'LockService');
  }

  private lock(scope: Scope) {
    return new EmuLock(this.runtime, this.table, this.table.keyOf(scope)).proxy;
  }

  getScriptLock() {
    return this.lock('script');
  }

  getDocumentLock() {
    return this.lock('document');
  }

  getUserLock() {
    return this.lock('user');
  }
}
