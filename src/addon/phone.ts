import { listOf } from '../core/i18n/format';
import { Access, accessOf, allows } from '../core/access';
import { EntryGroup, entryGroups, matchItem, paidFromTab, reconcileTicks, tabRequestId, ticksOf } from '../core/buildingTab';
import { describeProblem } from '../core/describe';
import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { JournalEntry, account, identityOf } from '../core/ledger';
import { RawOrderInput } from '../core/validation';
import { wallTime } from '../core/time';
import {
  TabRow,
  buildingOfSheet,
  entryRowOf,
  entrySection,
  findTab,
  listColumnsTouched,
  listRowState,
  readTab,
  writeEntryNote,
  writeListRow,
  writeListRowState,
} from '../workspace/buildingTabs';
import { readSettings } from '../workspace/community';
import { editedCells } from '../workspace/editEvent';
import { appendJournal } from '../workspace/journal';
import { SUBMIT_LOCK_WAIT_MS, withDocumentLock } from '../workspace/lock';
import { logEntry } from '../workspace/log';
import { findOrder } from '../workspace/orders';
import { KEYS, ParkedTabEdit } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { refreshBillAccount } from '../workspace/results';
import { snapshotOf } from '../workspace/rounds';
import { effectiveUserEmail, newId } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { ActionContext, triggerContext } from './action';
import { HANDING_OUT, markTabsStale, tabLang, tabListLine } from './buildingTabs';
import { protectCommunity } from './protections';
import { updateLedger } from './refreshLedger';
import { RoundData, loadRound, openRoundOf } from './roundData';
import { checkOrder, logOrderProblems, saveOrder } from './saveOrder';

/**
 * The installable edit trigger: a volunteer's phone path. It runs as the coordinator who installed it
 * ("Installable triggers always run under the account of the person who created them",
 * developers.google.com/apps-script/guides/triggers/installable), so it can write the Journal and the
 * Orders whatever the editor may edit. Script writes fire no edit trigger ("Script executions and API
 * requests do not cause triggers to run"), so every event is a person's hand.
 *
 * Who ticked: `e.user` is "A User object, representing the active user, if available (depending on a
 * complex set of security restrictions)" (developers.google.com/apps-script/guides/triggers/events); for a
 * consumer account other than the trigger's owner it is blank. Then the tab's protection is what we know:
 * only that building's volunteers, the treasurer and the coordinators can edit it, so the Journal says "a
 * volunteer of Дом 1" rather than guessing a name. When Google does say who (same Workspace domain, or
 * the owner), an account without the right role has its edit reverted, with a note.
 */
export function onSheetEdit_(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const cells = editedCells(e);
  if (!cells) return;
  const store = DocumentStore.open();
  const building = buildingOfSheet(store, cells.sheetId);
  const volunteersSheet = store.get(KEYS.sheetIds)?.ids.volunteers === cells.sheetId;
  if (!building && !volunteersSheet) return;
  const { sheetId: _sheet, ...where } = cells;
  const edit: ParkedTabEdit = { building: building ?? '', ...where };
  const done = withDocumentLock(SUBMIT_LOCK_WAIT_MS, () => {
    const fresh = DocumentStore.open();
    const book = Book.open(fresh);
    const ctx = triggerContext(fresh, book, readSettings(book), effectiveUserEmail());
    // The Volunteers sheet changed by hand: who may edit what follows it, and the tabs (their language) soon.
    if (!building) {
      protectCommunity(ctx);
      return markTabsStale(ctx);
    }
    checkParkedEdits(ctx);
    checkTab(ctx, edit);
  });
  // The lock was busy: the edit waits for the next run (this trigger's or the tick's). The rows are read
  // then, as they stand, so the books end up as the tab shows whatever order the runs come in.
  if (!done.ok && building) store.set(KEYS.tabsToCheck, [...(store.get(KEYS.tabsToCheck) ?? []), edit].slice(-500));
}

/** What the books say about the person editing, and how the Journal names them. */
interface Editor {
  access: Access | null;
  /** "olga@example.org", or "a volunteer of Дом 1" when Google does not say. */
  name: string;
}

/** Brings the books in line with the rows a person edited in a building's tab. */
function checkTab(ctx: ActionContext, edit: ParkedTabEdit): void {
  const { building } = edit;
  const sheet = findTab(ctx.book, ctx.store, building);
  if (!sheet) return;
  const lang = tabLang(ctx, building);
  const editor: Editor = edit.editor
    ? { access: accessOf(edit.editor, ctx.sources), name: edit.editor }
    : // The Journal is the community's book: who it names is written in the community's language.
      { access: null, name: t(ctx.lang, 'tab.someVolunteer', { place: building }) };
  const rows = readTab(sheet);
  const touched = (r: TabRow) => r.row >= edit.row && r.row < edit.row + edit.rows;
  const columns = listColumnsTouched(edit.column, edit.columns);
  const tab: Tab = { ctx, sheet, building, lang, editor, rounds: new Map() };
  for (const r of rows.filter((x) => x.kind === 'row' && touched(x))) checkListRow(tab, r, columns);
  finishRounds(tab);
  const entryRounds = new Set(rows.filter((r) => (r.kind === 'new' || r.kind === 'order') && touched(r)).map((r) => r.roundId));
  for (const roundId of entryRounds) checkEntries(tab, entrySection(rows, roundId), touched);
}

/** Edits parked while the lock was busy, each checked now (by the next edit's run, or the hourly tick). */
export function checkParkedEdits(ctx: ActionContext): void {
  const parked = ctx.store.get(KEYS.tabsToCheck) ?? [];
  if (!parked.length) return;
  ctx.store.delete(KEYS.tabsToCheck);
  for (const edit of parked) checkTab(ctx, edit);
}

interface Tab {
  ctx: ActionContext;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  building: string;
  lang: Lang;
  editor: Editor;
  /** Each round this edit touched, loaded once, with the Journal lines to add. */
  rounds: Map<string, { data: RoundData; entries: (JournalEntry & { who: string })[] }>;
}

function roundOf(tab: Tab, roundId: string) {
  let r = tab.rounds.get(roundId);
  if (!r) tab.rounds.set(roundId, (r = { data: loadRound(tab.ctx, roundId), entries: [] }));
  return r;
}

/** "21:05" in the community's time zone, for the add-on's notes. */
function clock(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${w.hour}:${String(w.minute).padStart(2, '0')}`;
}

/** Writes down an edit that did not count, where it was made and in the Log. */
function refuse(tab: Tab, roundId: string, note: string): void {
  logEntry(
    tab.ctx.book,
    { round: roundId, source: tab.building, who: tab.editor.name, severity: t(tab.ctx.lang, 'severity.warning'), problem: note },
    tab.ctx.now,
  );
}

/** One resident's row: ticks recorded, refused ones put back, typed-over cells restored. */
function checkListRow(tab: Tab, r: TabRow, columns: ReturnType<typeof listColumnsTouched>): void {
  const { data, entries } = roundOf(tab, r.roundId);
  const p = data.tally.participants.find((x) => x.order.key === r.orderKey);
  const acc = data.accounts.get(r.orderKey);
  const currency = data.record.currency;
  if (!p || !acc) return writeListRowState(tab.sheet, r.row, { dueMinor: 0, status: t(tab.lang, 'tab.orderGone') }, currency);
  const restore = (status: string) => {
    const line = tabListLine(data, p, tab.lang, listRowState(r).note);
    writeListRow(tab.sheet, r.row, { ...line, status }, data.record.id, currency);
  };
  const access = tab.editor.access;
  if (access && !allows(access, 'handOut', tab.building)) {
    const note = t(tab.lang, 'tab.notYours', { place: tab.building });
    refuse(tab, data.record.id, `${tab.editor.name}: ${note}`);
    return restore(`↩ ${note}`);
  }
  if (!HANDING_OUT.includes(data.record.state))
    return restore(`↩ ${t(tab.lang, 'tab.roundFinished', { state: t(tab.lang, `state.${data.record.state}`) })}`);
  if (columns.filled) return restore(`↩ ${t(tab.lang, 'tab.filledByAddOn')}`);
  if (!columns.boxes) return;
  const shown = listRowState(r);
  const outcome = reconcileTicks(
    shown,
    acc,
    paidFromTab(
      r.orderKey,
      data.journal.filter((e) => e.roundId === data.record.id),
    ),
  );
  const done: string[] = [];
  for (const tick of outcome.record) {
    const roundEntries = data.journal.filter((e) => e.roundId === data.record.id);
    const entry = {
      at: tab.ctx.now.getTime(),
      roundId: data.record.id,
      orderKey: p.order.key,
      identity: identityOf(p.order.participant),
      kind: tick.kind,
      amountMinor: tick.amountMinor,
      method: t(tab.ctx.lang, 'tab.method', { place: tab.building }),
      recordedBy: tab.editor.name,
      note: shown.note,
      requestId: tabRequestId(data.record.id, p.order.key, tick.kind, roundEntries),
      who: p.order.participant.name,
    };
    entries.push(entry);
    data.journal.push(entry);
    done.push(t(tab.lang, `tab.did.${tick.kind}`));
  }
  const after = account(
    p.order.key,
    p.totalMinor,
    data.journal.filter((e) => e.roundId === data.record.id),
  );
  data.accounts.set(p.order.key, after);
  if (after.pickedUp !== ticksOf(acc).pickedUp || after.balanceMinor !== acc.balanceMinor)
    refreshBillAccount(tab.ctx.book, data.record, after);
  const status = outcome.paidElsewhere
    ? `↩ ${t(tab.lang, 'tab.paidElsewhere')}`
    : done.length
      ? `✓ ${clock(tab.ctx.now.getTime(), data.snapshot.timeZone)} ${listOf(done, tab.lang)}`
      : null;
  // Paid elsewhere: the Paid box is ticked back in the same write as the amount and the note.
  const paid = outcome.paidElsewhere ? { paid: true } : {};
  if (status !== null)
    writeListRowState(tab.sheet, r.row, { dueMinor: Math.max(0, after.balanceMinor), status, ...paid }, currency);
}

/** The Journal lines of this edit, in one write, then each touched round's line of the Ledger. */
function finishRounds(tab: Tab): void {
  for (const { data, entries } of tab.rounds.values()) {
    if (!entries.length) continue;
    appendJournal(tab.ctx.book, entries, data.record.currency);
    updateLedger(tab.ctx, data);
  }
}

/** Each neighbour's order this edit touched: saved when complete and valid, with the add-on's note on its rows. */
function checkEntries(tab: Tab, section: TabRow[], touched: (r: TabRow) => boolean): void {
  const byRow = new Map(section.map((r) => [r.row, r]));
  const groups = entryGroups(section.map(entryRowOf));
  for (const g of groups) if (g.rows.some((x) => touched(byRow.get(x.row) as TabRow))) checkEntry(tab, section[0].roundId, g);
}

function checkEntry(tab: Tab, roundId: string, g: EntryGroup): void {
  const { ctx, lang } = tab;
  const first = g.rows[0].row;
  const note = (status: string, orderKey?: string) => writeEntryNote(tab.sheet, first, roundId, status, orderKey);
  const access = tab.editor.access;
  if (access && !allows(access, 'enterOrders', tab.building)) {
    const text = t(lang, 'tab.notYours', { place: tab.building });
    refuse(tab, roundId, `${tab.editor.name}: ${text}`);
    return note(`↩ ${text}`);
  }
  const snapshot = snapshotOf(ctx.store, roundId);
  if (!snapshot || snapshot.round.state !== 'open' || ctx.now.getTime() > snapshot.round.deadline)
    return note(t(lang, 'tab.entryClosed'));
  const round = openRoundOf(ctx.book, ctx.store, snapshot);
  if (!g.name) return note(t(lang, 'tab.entryNeedsName'));
  const quantities: Record<string, string> = {};
  for (const l of g.lines) {
    const item = matchItem(l.item, round.items.values());
    if (!l.item || !l.quantity) return note(t(lang, 'tab.entryIncomplete'));
    if (!item) return note(t(lang, 'problem.unknownItem', { value: l.item }));
    quantities[item.id] = l.quantity;
  }
  const raw: RawOrderInput = {
    name: g.name,
    phone: g.phone,
    building: tab.building,
    flat: g.flat,
    lang,
    comment: g.note,
    quantities,
    submittedAt: ctx.now.getTime(),
    enteredBy: tab.editor.name,
  };
  const previous = g.orderKey ? findOrder(ctx.book, g.orderKey, round.items) : null;
  if (!g.lines.length && !previous) return note(t(lang, 'tab.entryIncomplete'));
  const checked = checkOrder(raw, round);
  const problems = checked.problems.filter((p) => p.key !== 'problem.emptyOrder');
  if (!checked.accepted && g.lines.length) return note(problems.map((p) => describeProblem(p, lang, round.items)).join('\n'));
  if (problems.some((p) => p.severity === 'line'))
    return note(problems.map((p) => describeProblem(p, lang, round.items)).join('\n'));
  const lines = g.lines.length ? checked.lines : [];
  if (previous && sameOrder(previous.order, { ...checked, lines })) return;
  const orderKey = g.orderKey || `offline:${roundId}:${newId()}`;
  saveOrder({
    round,
    previous,
    orderKey,
    source: 'offline',
    checked: { ...checked, lines },
    submittedAt: ctx.now.getTime(),
    responseAt: ctx.now.toISOString(),
    editUrl: '',
  });
  if (problems.length) logOrderProblems(round, orderKey, raw, problems);
  const at = clock(ctx.now.getTime(), snapshot.timeZone);
  note(
    lines.length
      ? `✓ ${t(lang, 'tab.entrySaved', { time: at, count: lines.length })}`
      : t(lang, 'tab.entryCancelled', { time: at }),
    orderKey,
  );
}

/** Whether saving again would change nothing: the same person, the same items. */
function sameOrder(
  previous: {
    participant: { name: string; flat: string; phone: string };
    lines: { itemId: string; steps: number }[];
    comment: string;
  },
  next: {
    participant: { name: string; flat: string; phone: string };
    lines: { itemId: string; steps: number }[];
    comment: string;
  },
): boolean {
  const lines = (o: typeof previous) =>
    o.lines
      .map((l) => `${l.itemId}:${l.steps}`)
      .sort()
      .join(',');
  const who = (o: typeof previous) => [o.participant.name, o.participant.flat, o.participant.phone, o.comment].join('|');
  return lines(previous) === lines(next) && who(previous) === who(next);
}
