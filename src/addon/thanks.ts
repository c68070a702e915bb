import { Confirmation, asks, confirmationToken } from '../core/confirm';
import { roleLabel } from '../core/i18n/labels';
import { t } from '../core/i18n/translate';
import { renderEmail } from '../core/emails';
import { outgoingEmail } from '../core/outgoing';
import { thanksChatText, thanksFigures } from '../core/thanks';
import { ThanksFigures } from '../core/emails';
import { readVolunteers } from '../workspace/community';
import { queueEmails } from '../workspace/outbox';
import { ActionContext, fail, locked, reading, requireAccess } from './action';
import { RoundData, factsOf, loadRound } from './roundData';

/**
 * After settlement: a thank-you with the round's figures — as plain text the coordinator copies into the
 * community chat, and as an email to each participant in their own language — with the optional
 * feedback link from Settings (one question; see README "Feedback").
 */

export interface ThanksPlan {
  roundId: string;
  figures: ThanksFigures;
  /** For the chat, in the coordinator's language. */
  chatText: string;
  feedbackUrl: string;
  /** Participants who will get the email (those with an address). */
  recipients: number;
  done: boolean;
  queued: number;
}

function planOf(ctx: ActionContext, data: RoundData): ThanksPlan {
  if (data.record.state !== 'settled') fail(ctx.lang, 'thanks.notSettled');
  const volunteers = new Map(readVolunteers(ctx.book).map((v) => [v.email.trim().toLowerCase(), v]));
  const figures = thanksFigures(
    data.tally,
    data.journal.filter((e) => e.roundId === data.record.id),
    (email) => volunteers.get(email.trim().toLowerCase())?.name ?? '',
    // The owner or a volunteer without a name: their role, in the community's language, never their address.
    (email) => roleLabel(volunteers.get(email.trim().toLowerCase())?.role ?? 'coordinator', ctx.book.lang),
  );
  const feedbackUrl = ctx.settings.feedbackUrl.trim();
  return {
    roundId: data.record.id,
    figures,
    chatText: thanksChatText(data.record.title, figures, ctx.lang, data.record.currency, feedbackUrl),
    feedbackUrl,
    recipients: data.tally.participants.filter((p) => p.order.lines.length && p.order.participant.email).length,
    done: false,
    queued: 0,
  };
}

/** The thank-you as the coordinator sees it before sending: the chat text and how many will be emailed. */
export function thankYouScreen(roundId: string): ThanksPlan {
  return reading((ctx) => {
    requireAccess(ctx, 'manageRounds');
    return planOf(ctx, loadRound(ctx, String(roundId)));
  });
}

/**
 * Emails the thank-you to every participant (once each, however often it is pressed). The first call
 * asks how many will get it; the second, with the question's token (src/core/confirm.ts), queues them.
 */
export function sendThankYou(roundId: string, confirm?: string): ThanksPlan | (ThanksPlan & Confirmation) {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const data = loadRound(ctx, String(roundId));
    const plan = planOf(ctx, data);
    const token = confirmationToken('thanks', data.record.id, [plan.recipients]);
    if (confirm !== token) return { ...plan, ...asks(t(ctx.lang, 'confirm.thanks', { count: plan.recipients }), token) };
    const emails = data.tally.participants
      .filter((p) => p.order.lines.length)
      .map((p) => {
        const who = p.order.participant;
        const rendered = renderEmail(
          { kind: 'thankYou', name: who.name, figures: plan.figures, feedbackUrl: plan.feedbackUrl },
          factsOf(ctx, data, who.pickupPoint),
          who.lang,
        );
        const to = { orderKey: p.order.key, to: who.email ?? '', lang: who.lang };
        return outgoingEmail(data.record.id, { kind: 'thankYou', orderKey: p.order.key }, to, rendered);
      });
    return { ...plan, done: true, queued: queueEmails(ctx.book, ctx.store, emails, ctx.now) };
  });
}
