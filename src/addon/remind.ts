import { LocalizedText } from '../core/catalog';
import { textIn } from '../core/i18n/texts';
import { ItemUnit, unitCell } from '../core/units';
import { roundFacts } from '../core/emailContent';
import { OutgoingEmail, RoundFacts, renderEmail } from '../core/emails';
import { Lang } from '../core/i18n/lang';
import { outgoingEmail } from '../core/outgoing';
import { unitsOf } from '../core/quantity';
import { boxesAlmostFull, dueReminder } from '../core/reminders';
import { Member, readMembers } from '../workspace/community';
import { queueEmails } from '../workspace/outbox';
import { StoredOrder } from '../workspace/orders';
import { RoundSnapshot, roundSnapshots } from '../workspace/rounds';
import { ActionContext } from './action';
import { RoundData, loadRound } from './roundData';

/** Someone a reminder goes to, and where their link leads (the form, or their own edit link). */
export interface Reminded {
  email: string;
  name: string;
  lang: Lang;
  orderKey: string;
  hasOrdered: boolean;
  link: string;
}

/** "Rice: 2 more bags complete a box", with the item's name in every language a reader may have. */
export interface BoxNews {
  name: LocalizedText;
  /** The unit as typed, or with its names per language (kept small: the tick's plan carries it). */
  unit: string | ItemUnit;
  missing: number;
}

/** One reminder, rendered in its reader's language; plain values only, so a tick without its file can render it too. */
export function renderReminder(
  roundId: string,
  facts: RoundFacts,
  news: BoxNews[],
  hoursBefore: number,
  who: Reminded,
): OutgoingEmail {
  const rendered = renderEmail(
    {
      kind: 'reminder',
      name: who.name,
      hasOrdered: who.hasOrdered,
      formUrl: who.link,
      almostFull: news.map((n) => ({ item: textIn(n.name, who.lang), missing: n.missing, unit: unitCell(n.unit, who.lang) })),
    },
    facts,
    who.lang,
  );
  const occasion = { kind: 'reminder' as const, email: who.email, hoursBefore };
  return outgoingEmail(roundId, occasion, { orderKey: who.orderKey, to: who.email, lang: who.lang }, rendered);
}

/** The boxes of a round that are almost full, as reminders tell them. */
export function boxNews(data: RoundData): BoxNews[] {
  const boxes = new Map(data.snapshot.items.map((i) => [i.id, i.boxSteps]));
  return boxesAlmostFull(data.tally.items, boxes).map((a) => {
    const item = data.items.get(a.itemId)!;
    const unit = item.units ? { unit: item.unit, units: item.units } : item.unit;
    return { name: item.name, unit, missing: unitsOf(a.missingSteps, item.stepMilli) };
  });
}

/**
 * Who a round's reminders go to: members who opted in and have not ordered (with the form's link), and,
 * when the coordinator turned it on, those who ordered (with their own edit link: "you can still change it").
 */
export function reminderRecipients(ctx: ActionContext, orders: StoredOrder[], formUrl: string, members: Member[]): Reminded[] {
  const ordered = new Map(
    orders
      .filter((o) => o.order.participant.email && o.order.lines.length)
      .map((o) => [(o.order.participant.email as string).toLowerCase(), o]),
  );
  const out: Reminded[] = members
    .filter((m) => m.email && !m.optOut && !ordered.has(m.email))
    .map((m) => ({ email: m.email, name: m.name || m.email, lang: m.lang, orderKey: '', hasOrdered: false, link: formUrl }));
  if (ctx.settings.remindOrdered)
    for (const [email, o] of ordered) {
      const { name, lang } = o.order.participant;
      out.push({ email, name, lang, orderKey: o.order.key, hasOrdered: true, link: o.editUrl || formUrl });
    }
  return out;
}

/** The facts a round's reminders state. */
export function reminderFacts(ctx: ActionContext, snapshot: RoundSnapshot): RoundFacts {
  return roundFacts(snapshot.round, snapshot.timeZone, ctx.settings);
}

/** Queues the reminders that fell due since the last tick, to members who opted in and have not ordered. */
export function queueDueReminders(ctx: ActionContext, lastTick: number): number {
  let queued = 0;
  let members: Member[] | null = null;
  for (const snapshot of roundSnapshots(ctx.store)) {
    if (snapshot.round.state !== 'open') continue;
    const slot = dueReminder(snapshot.round.deadline, ctx.settings.reminderOffsetsHours, lastTick, ctx.now.getTime());
    if (!slot) continue;
    const data = loadRound(ctx, snapshot.round.id);
    const facts = reminderFacts(ctx, snapshot);
    const news = boxNews(data);
    members ??= readMembers(ctx.book, ctx.settings.defaultLang);
    const emails = reminderRecipients(ctx, data.orders, snapshot.formUrl, members).map((who) =>
      renderReminder(snapshot.round.id, facts, news, slot.offsetHours, who),
    );
    queued += queueEmails(ctx.book, ctx.store, emails, ctx.now);
  }
  return queued;
}
