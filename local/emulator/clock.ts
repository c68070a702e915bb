/** Virtual time for the emulator: nothing in it reads the host's clock, so runs are repeatable. */
export class VirtualClock {
  private nowMs: number;

  constructor(start: Date | number) {
    this.nowMs = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves time forward; never backwards (Apps Script's clock does not go back either). */
  set(ms: number): void {
    if (ms < this.nowMs) throw new Error(`virtual clock cannot go back from ${new Date(this.nowMs).toISOString()}`);
    this.nowMs = ms;
  }

  advance(ms: number): void {
    this.set(this.nowMs + Math.max(0, ms));
  }
}

/** A small seeded generator (mulberry32) for the few places Apps Script is random: trigger minutes, ids. */
export class SeededRandom {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  id(length = 16): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}
