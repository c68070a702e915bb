import { allows } from '../core/access';
import { renderEmail } from '../core/emails';
import { HandOutBlock, handOutBlocks, itemText, samePlace } from '../core/ladder';
import { outgoingEmail } from '../core/outgoing';
import { readVolunteers } from '../workspace/community';
import { queueEmails } from '../workspace/outbox';
import { writeDistribution } from '../workspace/results';
import { locked, requireAccess } from './action';
import { factsOf, loadRound } from './roundData';

/**
 * Hand-out use cases: the ladder's lists (core/ladder.ts) written to the round's Distribution sheet for
 * printing, and emailed to each building's volunteer.
 */

/**
 * The round's lists by building for the print view. A coordinator or the treasurer also rewrites the
 * Distribution sheet; a building volunteer gets their own building's list only.
 */
export function distributionLists(roundId: string): HandOutBlock[] {
  return locked((ctx) => {
    requireAccess(ctx, 'handOut');
    const data = loadRound(ctx, String(roundId));
    // Whoever reads a list reads every item in their own words: the print view in the reader's language,
    // the Distribution sheet in the sheet's — never each resident's own language.
    const blocks = handOutBlocks(data, ctx.lang);
    if (ctx.access.role === 'volunteer') return blocks.filter((b) => allows(ctx.access, 'handOut', b.place));
    const inSheet = ctx.book.lang === ctx.lang ? blocks : handOutBlocks(data, ctx.book.lang);
    writeDistribution(ctx.book, ctx.store, data.record, inSheet);
    return blocks;
  });
}

/**
 * Emails each building volunteer the list of their building (Volunteers sheet: role volunteer +
 * building), in the volunteer's language, one card per resident so it reads on a phone. A coordinator
 * sends every list; a volunteer can send themselves their own.
 */
export function sendVolunteerLists(roundId: string): { queued: number; withoutVolunteer: string[] } {
  return locked((ctx) => {
    requireAccess(ctx, 'handOut');
    const data = loadRound(ctx, String(roundId));
    const mine = (email: string) => ctx.access.role === 'coordinator' || email.toLowerCase() === ctx.access.email;
    const volunteers = readVolunteers(ctx.book).filter((v) => v.email && v.building && v.role === 'volunteer' && mine(v.email));
    // At most one list per volunteer and building an hour: a second click the same hour adds nothing.
    const hour = ctx.now.toISOString().slice(0, 13);
    const withoutVolunteer: string[] = [];
    const emails = handOutBlocks(data).flatMap((b) => {
      const covering = volunteers.filter((v) => samePlace(v.building, b.place));
      if (!covering.length && ctx.access.role === 'coordinator') withoutVolunteer.push(b.place);
      return covering.map((v) => {
        const lang = v.lang ?? ctx.settings.defaultLang;
        const [inTheirWords] = handOutBlocks(data, lang).filter((x) => x.place === b.place);
        const residents = inTheirWords.lines.map((l) => ({
          name: l.name,
          flat: l.flat,
          phone: l.phone,
          items: l.items.map(itemText),
          dueMinor: Math.max(0, l.balanceMinor),
          paid: l.balanceMinor <= 0,
          hasEmail: !!l.email,
          reference: l.reference,
        }));
        const list = { kind: 'volunteerList' as const, name: v.name || v.email, place: b.place, residents };
        const rendered = renderEmail(list, factsOf(ctx, data, b.place), lang);
        const occasion = { kind: 'volunteerList' as const, email: v.email, place: b.place, hour };
        return outgoingEmail(data.record.id, occasion, { orderKey: '', to: v.email, lang }, rendered);
      });
    });
    return { queued: queueEmails(ctx.book, ctx.store, emails, ctx.now), withoutVolunteer };
  });
}
