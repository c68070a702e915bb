import { renderEmail } from '../core/emails';
import { HandOutBlock, handOutBlocks, itemsText } from '../core/ladder';
import { outgoingEmail } from '../core/outgoing';
import { readVolunteers } from '../workspace/community';
import { queueEmails } from '../workspace/outbox';
import { writeDistribution } from '../workspace/results';
import { locked } from './action';
import { factsOf, loadRound } from './roundData';

/**
 * Hand-out use cases: the ladder's lists (core/ladder.ts) written to the round's Distribution sheet for
 * printing, and emailed to each building's volunteer.
 */

/** Writes the round's distribution sheet (one block per building) and returns the blocks for the print view. */
export function distributionLists(roundId: string): HandOutBlock[] {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const blocks = handOutBlocks(data);
    writeDistribution(ctx.book, ctx.store, data.record, blocks);
    return blocks;
  });
}

/** Emails each building volunteer the list of their building (Volunteers sheet: role volunteer + building). */
export function sendVolunteerLists(roundId: string): { queued: number; withoutVolunteer: string[] } {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const volunteers = readVolunteers(ctx.book).filter((v) => v.email && v.building && v.role !== 'finance');
    const lang = ctx.settings.defaultLang;
    // At most one list per volunteer and building an hour: a second click the same hour adds nothing.
    const hour = ctx.now.toISOString().slice(0, 13);
    const withoutVolunteer: string[] = [];
    const emails = handOutBlocks(data).flatMap((b) => {
      const mine = volunteers.filter((v) => v.building === b.place);
      if (!mine.length) withoutVolunteer.push(b.place);
      const residents = b.lines.map((l) => ({
        name: l.name,
        flat: l.flat,
        phone: l.phone,
        items: itemsText(l.items, ', '),
        dueMinor: Math.max(0, l.balanceMinor),
        paid: l.balanceMinor <= 0,
        hasEmail: !!l.email,
        reference: l.reference,
      }));
      return mine.map((v) => {
        const list = { kind: 'volunteerList' as const, name: v.name || v.email, place: b.place, residents };
        const rendered = renderEmail(list, factsOf(ctx, data, b.place), lang);
        const occasion = { kind: 'volunteerList' as const, email: v.email, place: b.place, hour };
        return outgoingEmail(data.record.id, occasion, { orderKey: '', to: v.email, lang }, rendered);
      });
    });
    return { queued: queueEmails(ctx.book, ctx.store, emails, ctx.now), withoutVolunteer };
  });
}
