import { estimateShare, orderWeight } from '../core/billing';
import { describeProblem } from '../core/describe';
import { MailTexts, receiptOf, roundFacts } from '../core/emailContent';
import { OutgoingEmail } from '../core/emails';
import { renderEmail } from '../core/emails';
import { Order } from '../core/orders';
import { outgoingEmail } from '../core/outgoing';
import { Problem } from '../core/validation';
import { sendNow } from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { OpenRound } from './roundData';

/** What the limits kept (and why): the receipt tells the person, not only the Log. */
const KEPT: readonly Problem['key'][] = [
  'problem.limitKept',
  'problem.extraLimitKept',
  'problem.overStock',
  'problem.extraWithoutBox',
];

/**
 * The receipt a resident gets right after ordering: items, provisional cost, what a limit kept and why,
 * the final bill as it looks with the orders so far (always marked as an estimate), edit link, deadline.
 */
export function receiptEmail(
  round: OpenRound,
  order: Order,
  editUrl: string,
  texts: MailTexts,
  problems: readonly Problem[] = [],
): OutgoingEmail {
  const { snapshot } = round;
  const who = order.participant;
  const data = receiptOf(order, round.items, snapshot.round.rounding, editUrl);
  data.notes = problems.filter((p) => KEPT.includes(p.key)).map((p) => describeProblem(p, who.lang, round.items));
  const soFar = round.store.get(KEYS.roundSoFar(snapshot.round.id));
  const mine = orderWeight(order.lines, round.items, snapshot.round.rounding);
  data.estimate = soFar && mine.goodsMinor > 0 ? estimateShare(mine, soFar, snapshot.round) : null;
  const rendered = renderEmail(data, roundFacts(snapshot.round, snapshot.timeZone, texts), who.lang);
  return outgoingEmail(
    snapshot.round.id,
    { kind: 'receipt', orderKey: order.key, revision: order.revision },
    { orderKey: order.key, to: who.email ?? '', lang: who.lang },
    rendered,
  );
}

/** "Your order is withdrawn": an edit that left every quantity blank, said in a few words. */
export function withdrawnEmail(round: OpenRound, order: Order, editUrl: string, texts: MailTexts): OutgoingEmail {
  const { snapshot } = round;
  const who = order.participant;
  const rendered = renderEmail(
    { kind: 'withdrawn', name: who.name, editUrl },
    roundFacts(snapshot.round, snapshot.timeZone, texts),
    who.lang,
  );
  return outgoingEmail(
    snapshot.round.id,
    { kind: 'withdrawn', orderKey: order.key, revision: order.revision },
    { orderKey: order.key, to: who.email ?? '', lang: who.lang },
    rendered,
  );
}

/** Sends the receipt now (it waits in the outbox when the quota is spent); a resident without an address gets none. */
export function sendReceipt(round: OpenRound, email: OutgoingEmail, replyTo: string, sender: string): void {
  if (!email.to) return;
  sendNow(round.book, round.store, email, new Date(), replyTo, sender);
}
