import { unitIn } from '../core/units';
import { itemName } from '../core/catalog';
import { formatDateTime, listOf } from '../core/i18n/format';
import { t } from '../core/i18n/translate';
import { PollInterest, PollItem, describeInterest, pollChatText, tallyPoll } from '../core/poll';
import { unitsOf } from '../core/quantity';
import { readCatalog } from '../workspace/community';
import { KEYS } from '../workspace/properties/keys';
import { readRounds } from '../workspace/rounds';
import { StoredPoll, buildPollForm, readPollAnswers } from '../workspace/pollForm';
import { ActionContext, UserError, fail, locked, reading, requireAccess } from './action';
import { RoundView, createRound } from './rounds';

/**
 * Needs polls (issue 18): the coordinator picks candidate items — from the Catalog, or typed as new
 * lines — and gets a poll form in the community's language, its link and a text for the chat; the
 * answers tally as interest per item; "make a round from this poll" creates a draft round of the
 * Catalog items people asked for.
 */

export interface PollInput {
  title: string;
  itemIds?: string[];
  /** New lines as typed: "Мёд, кг" — a name, then after the last comma its unit. */
  newLines?: string;
  /** Set by the client once per click: a double click makes one poll. */
  requestId?: string;
}

export interface PollView {
  id: string;
  title: string;
  formUrl: string;
  chatText: string;
  answers: number;
  interest: PollInterest[];
  /** The interest as sentences, in the coordinator's language. */
  lines: string[];
  /** New lines people asked for that are not in the Catalog yet, as one sentence ('' when none). */
  notInCatalog: string;
  roundId: string;
  /** When it was made, on the spreadsheet's clock in the reader's words: how people tell polls apart. */
  created: string;
  /** The round made from it ('' until one is). */
  roundTitle: string;
}

/** "Мёд, кг" → a new poll line; a line without a comma has no unit. */
function newLine(text: string, n: number): PollItem | null {
  const line = text.trim();
  if (!line) return null;
  const at = line.lastIndexOf(',');
  const name = (at > 0 ? line.slice(0, at) : line).trim();
  const unit = at > 0 ? line.slice(at + 1).trim() : '';
  return { id: `new:${n}`, name, unit, box: 1, inCatalog: false };
}

function viewOf(ctx: ActionContext, poll: StoredPoll): PollView {
  const answers = readPollAnswers(poll);
  const interest = tallyPoll(poll.items, answers);
  const wantedNew = interest.filter((i) => !i.inCatalog && i.people > 0).map((i) => i.name);
  return {
    id: poll.id,
    title: poll.title,
    formUrl: poll.formUrl,
    chatText: pollChatText(poll.title, poll.formUrl, poll.lang),
    answers: new Set(answers.map((a) => a.who.trim().toLowerCase())).size,
    interest,
    lines: interest.map((i) => describeInterest(i, ctx.lang)),
    notInCatalog: wantedNew.length ? t(ctx.lang, 'poll.newLines', { items: listOf(wantedNew, ctx.lang) }) : '',
    roundId: poll.roundId ?? '',
    created: formatDateTime(poll.createdAt, ctx.book.timeZone(), ctx.lang),
    roundTitle: poll.roundId ? (poll.roundTitle ?? readRounds(ctx.book).find((r) => r.id === poll.roundId)?.title ?? '') : '',
  };
}

/** Creates a poll and its form; the chat text carries its link. */
export function createPoll(input: PollInput): PollView {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const existing = ctx.store.list(KEYS.poll).map((id) => ctx.store.get(KEYS.poll(id)));
    const request = String(input.requestId ?? '');
    const earlier = request ? existing.find((p) => p?.requestId === request) : undefined;
    if (earlier) return viewOf(ctx, earlier);
    const title = String(input.title ?? '').trim();
    const catalog = readCatalog(ctx.book, ctx.settings, ctx.lang);
    const lang = ctx.settings.defaultLang;
    const picked = [...new Set((input.itemIds ?? []).map(String))];
    const problems: string[] = [];
    if (!title) problems.push(t(ctx.lang, 'poll.titleMissing'));
    const items: PollItem[] = [];
    for (const id of picked) {
      const item = catalog.items.get(id);
      if (!item) problems.push(t(ctx.lang, 'round.itemUnknown', { id }));
      else
        items.push({
          id,
          name: itemName(item, lang),
          unit: unitIn(item, lang),
          box: unitsOf(item.boxSteps, item.stepMilli),
          inCatalog: true,
        });
    }
    String(input.newLines ?? '')
      .split(/\r?\n/)
      .map((l, i) => newLine(l, i + 1))
      .forEach((l) => l && items.push(l));
    if (!items.length) problems.push(t(ctx.lang, 'poll.noItems'));
    if (problems.length) throw new UserError(problems.join('\n'));
    const built = buildPollForm(title, items, lang);
    const poll: StoredPoll = {
      id: `P${existing.length + 1}`,
      requestId: request,
      title,
      createdAt: ctx.now.getTime(),
      createdBy: ctx.me,
      lang,
      items,
      ...built,
    };
    ctx.store.set(KEYS.poll(poll.id), poll);
    return viewOf(ctx, poll);
  });
}

/** Every poll with its answers so far, newest first. */
export function pollsScreen(): PollView[] {
  return reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    return ctx.store
      .list(KEYS.poll)
      .map((id) => ctx.store.get(KEYS.poll(id)))
      .filter((p): p is StoredPoll => !!p)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((p) => viewOf(ctx, p));
  });
}

/**
 * "Make a round from this poll", in one step: a draft round titled like the poll, with every Catalog
 * item somebody asked for, stopping at `deadline`. The coordinator checks it and opens it as any round.
 */
export function roundFromPoll(pollId: string, deadline: string, requestId?: string): RoundView {
  const itemIds = reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const poll = ctx.store.get(KEYS.poll(String(pollId)));
    if (!poll) return fail(ctx.lang, 'poll.notFound');
    const wanted = tallyPoll(poll.items, readPollAnswers(poll)).filter((i) => i.inCatalog && i.people > 0);
    if (!wanted.length) fail(ctx.lang, 'poll.nothingWanted');
    return { title: poll.title, ids: wanted.map((i) => i.itemId) };
  });
  const round = createRound({
    title: itemIds.title,
    deadline,
    itemIds: itemIds.ids,
    requestId: requestId ? `poll:${pollId}:${requestId}` : undefined,
  });
  locked((ctx) => {
    const poll = ctx.store.get(KEYS.poll(String(pollId)));
    if (poll) ctx.store.set(KEYS.poll(poll.id), { ...poll, roundId: round.id, roundTitle: round.title });
  });
  return round;
}
