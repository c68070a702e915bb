import { pickupTimeIn } from '../core/i18n/pickupTime';
import { allows, editorsOf } from '../core/access';
import { listOf } from '../core/i18n/format';
import { itemName } from '../core/catalog';
import { formatDateTime } from '../core/i18n/format';
import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { HandOutLine, handOutBlocks, handOutLine, itemsLine, samePlace } from '../core/ladder';
import { ticksOf } from '../core/buildingTab';
import { RoundState, isTallied } from '../core/round';
import { ParticipantResult } from '../core/tally';
import {
  TabContent,
  TabListLine,
  TabSection,
  entryLines,
  findTab,
  listNotes,
  readTab,
  tabBuildings,
  writeListRowBooks,
  writeTab,
} from '../workspace/buildingTabs';
import { readPlaces } from '../workspace/community';
import { KEYS } from '../workspace/properties/keys';
import { RoundRecord, readRounds, snapshotOf } from '../workspace/rounds';
import { ActionContext, locked, requireAccess } from './action';
import { RoundData, loadRound } from './roundData';

/**
 * The buildings' tabs, the volunteers' phone path (workspace/buildingTabs.ts lays them out, addon/phone.ts
 * reads what people change in them). A tab is a view of the books: it is rewritten from the Orders, the
 * Journal and the tally whenever rounds move on, keeping what volunteers typed (notes, orders not yet
 * saved). Rewriting costs a few calls per building, so a round moving on only marks the tabs stale; the
 * sidebar asks for the rewrite right after (refreshBuildingTabs) and the hourly tick does it otherwise.
 */

/** Where a participant picks up: their building, or the pickup point they chose. */
export function placeOf(p: ParticipantResult): string {
  const who = p.order.participant;
  return who.building || who.pickupPoint;
}

/** After a round changed (opened, closed, goods arrived, settled…): the tabs are rewritten soon. */
export function markTabsStale(ctx: ActionContext): void {
  ctx.store.set(KEYS.tabsStale, ctx.now.getTime());
}

/** States whose hand-out list a tab shows (and takes ticks in). */
export const HANDING_OUT: readonly RoundState[] = ['closed', 'ordered', 'arrived', 'distributed'];

/**
 * The rounds a tab shows, in the order a volunteer needs them: those being handed out (newest first),
 * the last one settled (read-only), then the open ones taking neighbours' orders.
 */
function roundsOnTabs(rounds: RoundRecord[]): RoundRecord[] {
  const newest = [...rounds].reverse();
  const lastSettled = newest.find((r) => r.state === 'settled');
  return [
    ...newest.filter((r) => HANDING_OUT.includes(r.state)),
    ...(lastSettled ? [lastSettled] : []),
    ...newest.filter((r) => r.state === 'open'),
  ];
}

/** A tab speaks its volunteer's language (the Volunteers sheet's column), else the community's. */
export function tabLang(ctx: ActionContext, building: string): Lang {
  const v = ctx.volunteers.find((x) => x.role === 'volunteer' && x.lang && samePlace(x.building, building));
  return v?.lang ?? ctx.settings.defaultLang;
}

/** The places that get a tab: every building, and any pickup point a volunteer covers. */
function tabPlaces(ctx: ActionContext): string[] {
  const places = readPlaces(ctx.book);
  const covered = ctx.volunteers
    .filter((v) => v.role === 'volunteer' && v.building && places.pickup.some((p) => samePlace(p, v.building)))
    .map((v) => v.building);
  const all = [...places.building, ...covered, ...tabBuildings(ctx.store)];
  return all.filter((b, i) => all.findIndex((x) => samePlace(x, b)) === i);
}

/** "R2 · Декабрь" */
const roundName = (r: RoundRecord) => `${r.id} · ${r.title}`;

/** One resident's line in the tab's language, boxes and amount as the books have them. */
export function tabListLine(data: RoundData, p: ParticipantResult, lang: Lang, note: string): TabListLine {
  return tabLine(data, handOutLine(data, p, lang), note, lang);
}

function tabLine(data: RoundData, line: HandOutLine, note: string, lang: Lang): TabListLine {
  const acc = data.accounts.get(line.orderKey);
  const ticks = acc ? ticksOf(acc) : { pickedUp: line.pickedUp, paid: line.balanceMinor <= 0 };
  return {
    orderKey: line.orderKey,
    flat: line.flat,
    name: line.name,
    pickedUp: ticks.pickedUp,
    paid: ticks.paid,
    dueMinor: Math.max(0, line.balanceMinor),
    status: '',
    items: itemsLine(line.items, lang),
    phone: line.phone,
    note,
  };
}

function listSection(
  data: RoundData,
  building: string,
  lang: Lang,
  notes: Map<string, string>,
): Extract<TabSection, { kind: 'list' }> {
  const r = data.record;
  const block = handOutBlocks(data, lang).find((b) => samePlace(b.place, building));
  const pickup = listOf([pickupTimeIn(r.pickupTime, lang), listOf(r.pickupPoints, lang)], lang);
  const heading =
    r.state === 'settled'
      ? t(lang, 'tab.listSettled', { round: roundName(r) })
      : t(lang, 'tab.listHeading', { round: roundName(r), pickup: pickup || '—' });
  return {
    kind: 'list',
    roundId: r.id,
    heading,
    currency: r.currency,
    lines: (block?.lines ?? []).map((l) => tabLine(data, l, notes.get(`${r.id}|${l.orderKey}`) ?? '', lang)),
  };
}

function entrySection(ctx: ActionContext, r: RoundRecord, lang: Lang, rows: ReturnType<typeof readTab>): TabSection | null {
  const snapshot = snapshotOf(ctx.store, r.id);
  if (!snapshot) return null;
  return {
    kind: 'entry',
    roundId: r.id,
    heading: t(lang, 'tab.entryHeading', {
      round: roundName(r),
      deadline: formatDateTime(r.deadline, snapshot.timeZone, lang),
    }),
    itemNames: snapshot.items.map((i) => itemName(i, lang)),
    rows: entryLines(rows, r.id),
    blanks: 10,
  };
}

/**
 * Rewrites the tabs of these buildings (default: every place with volunteers' tabs) from the books.
 * Coordinators' runs and triggers also set who may edit each tab.
 */
export function writeBuildingTabs(ctx: ActionContext, only?: string[]): string[] {
  const rounds = roundsOnTabs(readRounds(ctx.book));
  const loaded = new Map<string, RoundData>();
  const dataOf = (r: RoundRecord) => {
    let d = loaded.get(r.id);
    if (!d) loaded.set(r.id, (d = loadRound(ctx, r.id)));
    return d;
  };
  const places = tabPlaces(ctx).filter((b) => !only || only.some((o) => samePlace(o, b)));
  const coordinator = ctx.access.role === 'coordinator';
  for (const building of places) {
    const lang = tabLang(ctx, building);
    const existing = findTab(ctx.book, ctx.store, building);
    // Only a coordinator's run (or a trigger, which runs as one) creates a tab: it must be protected from the start.
    if (!existing && !coordinator) continue;
    const rows = existing ? readTab(existing) : [];
    const notes = listNotes(rows);
    const sections: TabSection[] = [];
    for (const r of rounds) {
      if (isTallied(r.state)) sections.push(listSection(dataOf(r), building, lang, notes));
      else if (r.state === 'open') {
        const entry = entrySection(ctx, r, lang, rows);
        if (entry) sections.push(entry);
      }
    }
    const title = [t(lang, 'tab.title', { place: building }), t(lang, 'tab.howToTick')];
    if (sections.some((s) => s.kind === 'entry')) title.push(t(lang, 'tab.howToOrder'));
    const content: TabContent = { building, lang, title, sections };
    writeTab(ctx.book, ctx.store, content, coordinator ? editorsOf({ building }, ctx.sources) : null, rows.length);
  }
  if (!only) ctx.store.delete(KEYS.tabsStale);
  return places;
}

/**
 * One resident's row after a payment or pickup from the sidebar: boxes, amount and note as the books now
 * say. Best effort: the payment is recorded whatever happens to the view, and a tab that could not be
 * written is rewritten with the others.
 */
export function refreshTabRow(ctx: ActionContext, data: RoundData, p: ParticipantResult): void {
  const sheet = findTab(ctx.book, ctx.store, placeOf(p));
  if (!sheet) return;
  try {
    const at = readTab(sheet).find((r) => r.kind === 'row' && r.roundId === data.record.id && r.orderKey === p.order.key);
    const acc = data.accounts.get(p.order.key);
    if (!at || !acc) return;
    const ticks = ticksOf(acc);
    writeListRowBooks(sheet, at.row, { ...ticks, dueMinor: Math.max(0, acc.balanceMinor), status: '' }, data.record.currency);
  } catch (err) {
    console.warn(`tab of ${placeOf(p)} not updated: ${(err as Error)?.message ?? err}`);
    markTabsStale(ctx);
  }
}

/**
 * Sidebar, right after a round moved on (and the hourly tick): rewrites the buildings' tabs. A building
 * volunteer rewrites their own buildings' tabs only.
 */
export function refreshBuildingTabs(): { buildings: string[] } {
  return locked((ctx) => {
    requireAccess(ctx, 'handOut');
    const mine = ctx.access.role === 'volunteer' ? ctx.access.buildings : undefined;
    const buildings = writeBuildingTabs(
      ctx,
      mine?.filter((b) => allows(ctx.access, 'handOut', b)),
    );
    return { buildings };
  });
}
