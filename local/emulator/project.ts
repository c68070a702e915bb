import { Authorization } from './authorization';
import { SeededRandom, VirtualClock } from './clock';
import { Fidelity, STRICT } from './fidelity';
import type { Holder } from './lock';
import { TriggerTable } from './script';

/**
 * How the script is deployed.
 * - 'bound': one script per spreadsheet (README "Deploy"): its own script properties, script lock and
 *   triggers; the bound-script trigger rules.
 * - 'addon': a published Editor add-on is ONE script project for every file it is used in: script
 *   properties, user properties, the script lock and each user's triggers are shared by every community's
 *   spreadsheet; document properties and the document lock are per file; the editor add-on trigger rules
 *   apply (https://developers.google.com/workspace/add-ons/concepts/editor-triggers).
 */
export type Deployment = 'bound' | 'addon';

/** Triggers total runtime per user per day: https://developers.google.com/apps-script/guides/services/quotas */
export const TRIGGER_RUNTIME_QUOTA_MS = { consumer: 90 * 60_000, workspace: 6 * 3600_000 } as const;
/** Apps Script's text once a user's triggers have used the day's runtime (seen in webdigi/GmailScheduler#31). */
export const TRIGGER_RUNTIME_ERROR = 'Service using too much computer time for one day';
const DAY_MS = 24 * 3600_000;

export interface ProjectOptions {
  deployment?: Deployment;
  /** The manifest's oauthScopes; null or absent: none declared, Apps Script detects them from the code. */
  oauthScopes?: readonly string[] | null;
  now?: Date | number;
  seed?: number;
  fidelity?: Partial<Fidelity>;
  /** 'consumer' (gmail.com, 90 min of trigger runtime a day) or 'workspace' (6 h). */
  account?: keyof typeof TRIGGER_RUNTIME_QUOTA_MS;
  /** Where the project's ids come from (the first workspace passes its own, so ids stay as they were). */
  random?: SeededRandom;
}

/** Something a project can hand a due clock trigger to, or a spreadsheet id to (openById). */
export interface ProjectMember {
  readonly documentId: string;
}

/** Per-user daily trigger runtime: quotas "reset 24 hours after the first request" (quotas page). */
class TriggerRuntimeQuota {
  private windows = new Map<string, { start: number; usedMs: number }>();

  constructor(readonly limitMs: number) {}

  private window(user: string, now: number) {
    let w = this.windows.get(user);
    if (!w || now - w.start >= DAY_MS) this.windows.set(user, (w = { start: now, usedMs: 0 }));
    return w;
  }

  usedMs(user: string, now: number): number {
    const w = this.windows.get(user);
    return w && now - w.start < DAY_MS ? w.usedMs : 0;
  }

  remainingMs(user: string, now: number): number {
    return Math.max(0, this.limitMs - this.usedMs(user, now));
  }

  charge(user: string, ms: number, startedAt: number): void {
    this.window(user, startedAt).usedMs += ms;
  }

  snapshot(): [string, { start: number; usedMs: number }][] {
    return [...this.windows];
  }

  restore(entries: [string, { start: number; usedMs: number }][]): void {
    this.windows = new Map(entries);
  }
}

/**
 * One Apps Script project: what every file using the script shares. A Workspace is one spreadsheet with
 * this project behind it; Workspace.sharing(project, …) adds another community's spreadsheet to it.
 */
export class ScriptProject {
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly deployment: Deployment;
  readonly fidelity: Fidelity;
  readonly scriptId: string;
  readonly authorization: Authorization;
  readonly triggers: TriggerTable;
  readonly triggerRuntime: TriggerRuntimeQuota;
  readonly scriptProperties = new Map<string, string>();
  private userProperties = new Map<string, Map<string, string>>();
  /** Script and user lock holders; document locks live with each file. */
  readonly lockHolders = new Map<string, Holder>();
  readonly members: ProjectMember[] = [];

  constructor(options: ProjectOptions = {}) {
    this.fidelity = { ...STRICT, ...(options.fidelity ?? {}) };
    this.clock = new VirtualClock(options.now ?? Date.UTC(2026, 10, 2, 9, 0, 0));
    this.random = options.random ?? new SeededRandom(options.seed ?? 42);
    this.deployment = options.deployment ?? 'addon';
    this.scriptId = `script-${this.random.id(20)}`;
    this.authorization = new Authorization(options.oauthScopes ?? null);
    this.triggers = new TriggerTable(this.random, this.deployment);
    this.triggerRuntime = new TriggerRuntimeQuota(TRIGGER_RUNTIME_QUOTA_MS[options.account ?? 'consumer']);
  }

  userStore(email: string): Map<string, string> {
    let store = this.userProperties.get(email);
    if (!store) this.userProperties.set(email, (store = new Map()));
    return store;
  }

  get userStores(): [string, Map<string, string>][] {
    return [...this.userProperties];
  }

  join(member: ProjectMember): void {
    if (this.deployment === 'bound' && this.members.length > 0)
      throw new Error('emulator: a bound script belongs to one spreadsheet; use deployment "addon" to share a project');
    this.members.push(member);
  }

  member<T extends ProjectMember>(documentId: string | null | undefined): T | undefined {
    return this.members.find((m) => m.documentId === documentId) as T | undefined;
  }

  /** Minutes of trigger runtime a user has used in the current 24-hour window (for the bench). */
  triggerMinutesToday(user: string): number {
    return this.triggerRuntime.usedMs(user, this.clock.now()) / 60_000;
  }
}
