import { receiptOf, roundFacts } from '../core/emailContent';
import { OutgoingEmail } from '../core/emails';
import { renderEmail } from '../core/emails';
import { Order } from '../core/orders';
import { outgoingEmail } from '../core/outgoing';
import { sendNow } from '../workspace/outbox';
import { OpenRound } from './roundData';

/** The receipt a resident gets right after ordering: items, provisional cost, edit link, deadline. */
export function receiptEmail(round: OpenRound, order: Order, editUrl: string, paymentInstructions: string): OutgoingEmail {
  const { snapshot } = round;
  const who = order.participant;
  const rendered = renderEmail(
    receiptOf(order, round.items, snapshot.round.rounding, editUrl),
    roundFacts(snapshot.round, snapshot.timeZone, paymentInstructions),
    who.lang,
  );
  return outgoingEmail(
    snapshot.round.id,
    { kind: 'receipt', orderKey: order.key, revision: order.revision },
    { orderKey: order.key, to: who.email ?? '', lang: who.lang },
    rendered,
  );
}

/** Sends the receipt now (it waits in the outbox when the quota is spent); a resident without an address gets none. */
export function sendReceipt(round: OpenRound, email: OutgoingEmail, replyTo: string, sender: string): void {
  if (!email.to) return;
  sendNow(round.book, round.store, email, new Date(), replyTo, sender);
}
