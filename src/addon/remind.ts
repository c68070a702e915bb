import { itemName } from '../core/catalog';
import { roundFacts } from '../core/emailContent';
import { OutgoingEmail, renderEmail } from '../core/emails';
import { Lang } from '../core/i18n/lang';
import { outgoingEmail } from '../core/outgoing';
import { unitsOf } from '../core/quantity';
import { AlmostFullBox, boxesAlmostFull, dueReminder } from '../core/reminders';
import { readMembers } from '../workspace/community';
import { queueEmails } from '../workspace/outbox';
import { roundSnapshots } from '../workspace/rounds';
import { ActionContext } from './action';
import { RoundData, loadRound } from './roundData';

/** Someone a reminder goes to, and where their link leads (the form, or their own edit link). */
interface Reminded {
  email: string;
  name: string;
  lang: Lang;
  orderKey: string;
  hasOrdered: boolean;
  link: string;
}

function reminderEmail(
  ctx: ActionContext,
  data: RoundData,
  hoursBefore: number,
  almost: AlmostFullBox[],
  who: Reminded,
): OutgoingEmail {
  const { snapshot } = data;
  const rendered = renderEmail(
    {
      kind: 'reminder',
      name: who.name,
      hasOrdered: who.hasOrdered,
      formUrl: who.link,
      almostFull: almost.map((a) => {
        const item = data.items.get(a.itemId)!;
        return { item: itemName(item, who.lang), missing: unitsOf(a.missingSteps, item.stepMilli), unit: item.unit };
      }),
    },
    roundFacts(snapshot.round, snapshot.timeZone, ctx.settings.paymentInstructions),
    who.lang,
  );
  const occasion = { kind: 'reminder' as const, email: who.email, hoursBefore };
  return outgoingEmail(snapshot.round.id, occasion, { orderKey: who.orderKey, to: who.email, lang: who.lang }, rendered);
}

/** Queues the reminders that fell due since the last tick, to members who opted in and have not ordered. */
export function queueDueReminders(ctx: ActionContext, lastTick: number): number {
  let queued = 0;
  const members = readMembers(ctx.book, ctx.settings.defaultLang).filter((m) => m.email && !m.optOut);
  for (const snapshot of roundSnapshots(ctx.store)) {
    if (snapshot.round.state !== 'open') continue;
    const slot = dueReminder(snapshot.round.deadline, ctx.settings.reminderOffsetsHours, lastTick, ctx.now.getTime());
    if (!slot) continue;
    const data = loadRound(ctx, snapshot.round.id);
    const ordered = new Map(
      data.orders
        .filter((o) => o.order.participant.email && o.order.lines.length)
        .map((o) => [(o.order.participant.email as string).toLowerCase(), o]),
    );
    const almost = boxesAlmostFull(data.tally.items, new Map(snapshot.items.map((i) => [i.id, i.boxSteps])));
    const remind = (who: Reminded) => reminderEmail(ctx, data, slot.offsetHours, almost, who);
    const emails = members
      .filter((m) => !ordered.has(m.email))
      .map((m) =>
        remind({
          email: m.email,
          name: m.name || m.email,
          lang: m.lang,
          orderKey: '',
          hasOrdered: false,
          link: snapshot.formUrl,
        }),
      );
    if (ctx.settings.remindOrdered) {
      // Those who ordered get their own edit link: "you can still change your order".
      for (const [email, o] of ordered) {
        const { name, lang } = o.order.participant;
        emails.push(remind({ email, name, lang, orderKey: o.order.key, hasOrdered: true, link: o.editUrl || snapshot.formUrl }));
      }
    }
    queued += queueEmails(ctx.book, ctx.store, emails, ctx.now);
  }
  return queued;
}
