import { guarded } from './guard';
import { Runtime } from './runtime';

export const LOCK_TIMEOUT_ERROR = 'Lock timeout: another process was holding the lock for too long.';

type Scope = 'script' | 'document' | 'user';

export interface Holder {
  /** The execution holding it, or ELSEWHERE when a simulated other process holds it. */
  execution: object;
  until: number;
}

const ELSEWHERE = Object.freeze({ elsewhere: true });
/** Stands for "the caller" when services are used directly, outside any execution (emulator tests). */
const DIRECT = Object.freeze({ direct: true });

/**
 * Locks across executions. "A code section guarded by a script lock cannot be executed simultaneously
 * regardless of the identity of the user"; a document lock guards one document ("can be executed
 * simultaneously by script instances running in the context of different documents"); a user lock one user
 * (https://developers.google.com/apps-script/reference/lock/lock-service). So script and user locks live
 * with the ScriptProject (`shared`, one for every file of a published add-on) and the document lock with the
 * file (`local`).
 *
 * The emulator runs one execution at a time per workspace; "another process" is either an execution of
 * another workspace of the same project that is still running, or one simulated with holdElsewhere(scope,
 * ms): waitLock then waits on the virtual clock and times out exactly as Apps Script would. Locks are
 * released when their execution ends.
 */
export class LockTable {
  constructor(
    private runtime: Runtime,
    private shared: Map<string, Holder> = new Map(),
    private local: Map<string, Holder> = new Map(),
  ) {}

  keyOf(scope: Scope): string {
    return scope === 'user' ? `user:${this.runtime.user}` : scope;
  }

  private map(key: string): Map<string, Holder> {
    return key === 'document' ? this.local : this.shared;
  }

  holdElsewhere(scope: Scope, forMs: number, user?: string): void {
    const key = scope === 'user' ? `user:${user ?? this.runtime.user}` : scope;
    this.map(key).set(key, { execution: ELSEWHERE, until: this.runtime.clock.now() + forMs });
  }

  holder(key: string): Holder | undefined {
    const h = this.map(key).get(key);
    if (h && h.execution === ELSEWHERE && h.until <= this.runtime.clock.now()) {
      this.map(key).delete(key);
      return undefined;
    }
    return h;
  }

  acquire(key: string, timeoutMs: number): boolean {
    const h = this.holder(key);
    const me = this.me();
    if (!h || h.execution === me) {
      this.map(key).set(key, { execution: me, until: Infinity });
      return true;
    }
    const waitUntil = this.runtime.clock.now() + timeoutMs;
    if (h.execution === ELSEWHERE && h.until <= waitUntil) {
      this.runtime.clock.set(h.until);
      this.map(key).set(key, { execution: me, until: Infinity });
      return true;
    }
    this.runtime.clock.set(waitUntil);
    return false;
  }

  private me(): object {
    return this.runtime.current ?? DIRECT;
  }

  release(key: string): void {
    if (this.map(key).get(key)?.execution === this.me()) this.map(key).delete(key);
  }

  hasLock(key: string): boolean {
    return this.map(key).get(key)?.execution === this.me();
  }

  releaseAllOf(execution: object): void {
    for (const map of [this.shared, this.local]) for (const [key, h] of map) if (h.execution === execution) map.delete(key);
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
    /** False outside a containing document (an add-on's time-driven run with no file open). */
    private inDocument: () => boolean = () => true,
  ) {
    this.proxy = guarded(this, 'LockService');
  }

  private lock(scope: Scope) {
    return new EmuLock(this.runtime, this.table, this.table.keyOf(scope)).proxy;
  }

  getScriptLock() {
    return this.lock('script');
  }

  /** "If this method is called outside of the context of a containing document …, null is returned." */
  getDocumentLock() {
    return this.inDocument() ? this.lock('document') : (null as unknown as GoogleAppsScript.Lock.Lock);
  }

  getUserLock() {
    return this.lock('user');
  }
}
