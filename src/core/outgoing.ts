import { EmailKind, OutgoingEmail, RenderedEmail } from './emails';
import { Lang } from './i18n/lang';

/**
 * Why an email goes out. Its key — round, person, kind and occasion — is what makes it go at most once:
 * the outbox skips a key it already holds, so a second close, a repeated click or a second tick add
 * nothing, while a new revision of an order, a new close or a new delivery is a new email.
 */
export type EmailOccasion =
  /** Each revision of an order gets its receipt. */
  | { kind: 'receipt'; orderKey: string; revision: number }
  /** Each reminder slot ("24 h before the stop") once per address. */
  | { kind: 'reminder'; email: string; hoursBefore: number }
  /** Each close of the round (a reopened round closes again) bills once. */
  | { kind: 'finalBill' | 'cancelled'; orderKey: string; close: number }
  /** The round itself was cancelled. */
  | { kind: 'cancelled'; orderKey: string; roundCancelled: true }
  /** Each recorded delivery ('full', or what fell short) corrects once. */
  | { kind: 'correction'; orderKey: string; delivery: string }
  | { kind: 'arrived'; orderKey: string }
  /** An edit that left the order blank withdraws it: one note per such revision. */
  | { kind: 'withdrawn'; orderKey: string; revision: number }
  /** The thank-you after the round is settled, once per person. */
  | { kind: 'thankYou'; orderKey: string }
  /** Each decided complaint about quality, once. */
  | { kind: 'complaint'; orderKey: string; complaint: string }
  /** A building's list, at most once an hour. */
  | { kind: 'volunteerList'; email: string; place: string; hour: string };

/** The outbox key of an email: the one format every queuer uses. */
export function emailKey(roundId: string, o: EmailOccasion): string {
  const key = (who: string, ...occasion: (string | number)[]) => [roundId, who, o.kind, ...occasion].join('|');
  switch (o.kind) {
    case 'receipt':
      return key(o.orderKey, o.revision);
    case 'reminder':
      return key(o.email, o.hoursBefore);
    case 'finalBill':
    case 'cancelled':
      return 'roundCancelled' in o ? key(o.orderKey, 'round') : key(o.orderKey, o.close);
    case 'correction':
      return key(o.orderKey, o.delivery);
    case 'arrived':
      return key(o.orderKey, 1);
    case 'withdrawn':
      return key(o.orderKey, o.revision);
    case 'thankYou':
      return key(o.orderKey, 1);
    case 'volunteerList':
      return key(o.email, o.place, o.hour);
    case 'complaint':
      return key(o.orderKey, o.complaint);
  }
}

export interface Recipient {
  /** The order the email is about; '' when it is about none (a reminder to a member who has not ordered, a volunteer's list). */
  orderKey: string;
  /** '' when the person has no address. */
  to: string;
  lang: Lang;
}

/** A rendered email addressed and keyed for the outbox. */
export function outgoingEmail(
  roundId: string,
  occasion: EmailOccasion,
  who: Recipient,
  rendered: RenderedEmail,
  qr?: string,
): OutgoingEmail {
  const kind: EmailKind = occasion.kind;
  return {
    key: emailKey(roundId, occasion),
    round: roundId,
    orderKey: who.orderKey,
    kind,
    to: who.to,
    lang: who.lang,
    subject: rendered.subject,
    body: rendered.text,
    html: rendered.html,
    ...(qr ? { qr } : {}),
  };
}
