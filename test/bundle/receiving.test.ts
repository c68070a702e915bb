import { EMAIL_KIND_WORDS, codeOf } from '../../src/core/i18n/words';
import { submitAsResident } from '../../local/scenario/resident';
import { HOUR, NOW, openCommunity, yes } from '../harness/community';
import { cell, rowWhere, sheetValues } from '../harness/sheets';

/**
 * Receiving, as the coordinator does it from the sidebar: what arrived is typed in their own number
 * format, the server says what will change and how many people it will email, and only the confirmed
 * call records it, rewrites the sheets and queues corrections (with why) and "goods arrived".
 */
interface Plan {
  done: boolean;
  corrections: number;
  shareOnly: number;
  emailed: number;
  withoutEmail: number;
  queued: number;
  items: { itemId: string; bought: number; received: number; short: number; toExtras: number; leftover: number }[];
}

/**
 * Oil is sold in boxes of 6: Anna asks 4 (+2 extra), Boris 4, Clara 3 (+1 extra) → 2 boxes, 12 bottles:
 * the 11 asked and 1 of Anna's extras. Dmitry only buys eggs; his delivery share follows goods value, so
 * it moves when the oil does although his eggs do not. Nina has no email.
 */
function oilRound() {
  const c = openCommunity();
  const round = c.ws.run<{ id: string }>('createRound', [
    {
      title: 'Масло',
      deadline: new Date(NOW + 30 * HOUR).toISOString(),
      itemIds: ['OIL', 'EGGS'],
      delivery: '600',
      deliverySplit: 'byValue',
    },
  ]);
  c.ws.run('openRound', [round.id]);
  const order = (name: string, items: Record<string, string>, extras: Record<string, string> = {}, email?: string) => {
    const r = submitAsResident(c.ws, round.id, { name, items, extras, ...(email === undefined ? {} : { email }) });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    c.ws.clock.advance(60_000);
  };
  order('Анна', { OIL: '4' }, { OIL: '2' });
  order('Борис', { OIL: '4' });
  order('Клара', { OIL: '3' }, { OIL: '1' });
  order('Дмитрий', { EGGS: '2' });
  c.ws.run('saveOfflineOrder', [{ roundId: round.id, name: 'Нина', quantities: { OIL: '1' } }]);
  yes(c.ws, 'closeRound', [round.id]);
  c.ws.run('supplierOrder', [round.id]);
  c.ws.run('sendQueuedEmails');
  return { c, id: round.id };
}

const outbox = (c: ReturnType<typeof openCommunity>) =>
  sheetValues(c.ws, 'Письма')
    .slice(1)
    .map((r) => ({
      kind: codeOf(EMAIL_KIND_WORDS, cell('outbox', r, 'kind')),
      to: cell('outbox', r, 'to'),
      body: String(cell('outbox', r, 'body')),
    }));

describe('receiving: less arrived (latest orders lose first), then more', () => {
  const { c, id } = oilRound();
  const bills = () => sheetValues(c.ws, `${id} · Счета`).slice(1);
  const before = bills();
  const mailsBefore = c.ws.mail.sent.length;

  // 12 bottles bought (Nina's 1 makes 12 asked: no extra needed), 9 arrive.
  const input = { received: { OIL: '9', EGGS: '' }, rule: 'latestLoseFirst' };
  let plan: Plan;

  test('the first call changes nothing and says what will: per item, how many bills, how many people emailed', () => {
    plan = c.ws.run<Plan>('recordReceipt', [id, input]);
    expect(plan.done).toBe(false);
    expect(bills()).toEqual(before);
    expect(plan.items.find((i) => i.itemId === 'OIL')).toMatchObject({ bought: 12, received: 9, short: 3, leftover: 0 });
    // Latest lose first: Nina (offline, last) loses 1, Clara 2; Anna and Boris keep theirs. Dmitry's eggs
    // stay, but his share of the delivery (by value) grows: a correction about the share only.
    expect(plan.corrections).toBe(5);
    expect(plan.shareOnly).toBe(3);
    expect([plan.emailed, plan.withoutEmail]).toEqual([4, 1]);
  });

  test('confirmed: what arrived is in the Tally sheet, the rule on the round, the bills recomputed', () => {
    const done = yes<Plan>(c.ws, 'recordReceipt', [id, { ...input }]);
    expect(done.done).toBe(true);
    expect(done.corrections).toBe(plan.corrections);
    const oil = rowWhere(c.ws, `${id} · Итоги`, 'tally', 'item', 'OIL');
    expect([cell('tally', oil, 'units'), cell('tally', oil, 'received')]).toEqual([9, 9]);
    expect(cell('rounds', rowWhere(c.ws, 'Закупки', 'rounds', 'id', id), 'shortfallRule')).toBe(
      'Меньше получают те, кто заказал позже',
    );
    const nina = bills().find((r) => cell('bills', r, 'name') === 'Нина')!;
    expect(cell('bills', nina, 'goods')).toBe(0);
    // Every kopeck of the delivery is still shared: the bills add up to goods + delivery.
    const total = bills().reduce((s, r) => s + Math.round(Number(cell('bills', r, 'total')) * 100), 0);
    const goods = bills().reduce((s, r) => s + Math.round(Number(cell('bills', r, 'goods')) * 100), 0);
    expect(total).toBe(goods + 600_00);
  });

  test('corrections say what changed and why; the eggs buyer hears only about his delivery share', () => {
    const mails = outbox(c).filter((m) => m.kind === 'correction');
    expect(mails.map((m) => m.to).sort()).toEqual(
      ['', 'анна@example.org', 'борис@example.org', 'дмитрий@example.org', 'клара@example.org'].sort(),
    );
    const clara = mails.find((m) => m.to === 'клара@example.org')!.body;
    expect(clara).toContain(
      'Масло подсолнечное — Было: 3\u00a0бут.; Стало: 1\u00a0бут.; Почему: поставщик привёз меньше, чем заказали',
    );
    const dmitry = mails.find((m) => m.to === 'дмитрий@example.org')!.body;
    expect(dmitry).toContain('Товары у вас те же, что и раньше.');
    expect(dmitry).toMatch(/Ваша доля доставки теперь [\d\u00a0,]+\u00a0₽ вместо [\d\u00a0,]+\u00a0₽/);
  });

  test('"goods arrived" goes to everyone who gets something, once; the emails number what the screen said', () => {
    const arrived = outbox(c).filter((m) => m.kind === 'arrived');
    expect(arrived).toHaveLength(4);
    c.ws.run('sendQueuedEmails');
    const sent = c.ws.mail.sent.slice(mailsBefore);
    expect(new Set(sent.map((m) => m.to)).size).toBe(plan.emailed);
    expect(c.ws.run<{ state: string }[]>('listRounds').find((r) => r.state === 'arrived')).toBeTruthy();
  });

  test('more arrives later: extras are met in order of asking, the rest is leftover stock in the Tally sheet', () => {
    const more = c.ws.run<Plan>('recordReceipt', [id, { received: { OIL: '16' } }]);
    // 12 asked; extras: Anna 2 then Clara 1 → 15; 1 bottle nobody asked for.
    expect(more.items.find((i) => i.itemId === 'OIL')).toMatchObject({ received: 16, toExtras: 3, leftover: 1 });
    yes(c.ws, 'recordReceipt', [id, { received: { OIL: '16' } }]);
    const oil = rowWhere(c.ws, `${id} · Итоги`, 'tally', 'item', 'OIL');
    expect([cell('tally', oil, 'received'), cell('tally', oil, 'surplus')]).toEqual([16, 1]);
    const anna = outbox(c).filter((m) => m.kind === 'correction' && m.to === 'анна@example.org');
    expect(anna.at(-1)!.body).toContain(
      'Было: 4\u00a0бут.; Стало: 6\u00a0бут.; Почему: привезли больше — хватило и на ваш допуск',
    );
    // Nina now gets a bottle: her "goods arrived" is recorded for her volunteer (no address); nobody gets a second one.
    const arrived = outbox(c).filter((m) => m.kind === 'arrived');
    expect(arrived.map((m) => m.to).sort()).toEqual(
      ['', 'анна@example.org', 'борис@example.org', 'дмитрий@example.org', 'клара@example.org'].sort(),
    );
  });

  test('the same delivery typed twice corrects once', () => {
    const corrections = outbox(c).filter((m) => m.kind === 'correction').length;
    yes(c.ws, 'recordReceipt', [id, { received: { OIL: '16' } }]);
    expect(outbox(c).filter((m) => m.kind === 'correction')).toHaveLength(corrections);
  });

  test('a count typed, corrected and put back (9, then 16, then 9 again) corrects each time, as many as it said', () => {
    const klara = () => outbox(c).filter((m) => m.kind === 'correction' && m.to === 'клара@example.org').length;
    const had = klara();
    const plan = c.ws.run<{ corrections: number }>('recordReceipt', [id, { received: { OIL: '9' } }]);
    const all = outbox(c).filter((m) => m.kind === 'correction').length;
    yes(c.ws, 'recordReceipt', [id, { received: { OIL: '9' } }]);
    // Back to 9: Клара loses oil again and hears it again; the emails number what the plan said.
    expect(klara()).toBe(had + 1);
    expect(outbox(c).filter((m) => m.kind === 'correction').length - all).toBe(plan.corrections);
  });
});

describe('receiving: quantities as the coordinator types them, and the proportional rule', () => {
  test('a quantity that is not a number is refused with the item named, and nothing is recorded', () => {
    const { c, id } = oilRound();
    expect(() => c.ws.run('recordReceipt', [id, { received: { OIL: 'десять' } }])).toThrow('Масло подсолнечное: «десять»');
    expect(c.ws.properties.document.data.has(`received:${id}#n`)).toBe(false);
  });

  test('proportional: extras give way first, then everyone in proportion to what they asked; the rule is kept', () => {
    const { c, id } = oilRound();
    yes(c.ws, 'recordReceipt', [id, { received: { OIL: '6' }, rule: 'proportional' }]);
    const allocated = Object.fromEntries(
      sheetValues(c.ws, `${id} · Распределение`)
        .slice(1)
        .filter((r) => cell('allocation', r, 'item') === 'Масло подсолнечное')
        .map((r) => [cell('allocation', r, 'name'), cell('allocation', r, 'allocated')]),
    );
    // 12 asked (4, 4, 3, 1), 6 arrive: 2, 2, 1.5 → 1 and 0.5 → 0; the spare bottles go to the largest remainders.
    expect(Object.values(allocated).reduce((s: number, v) => s + Number(v), 0)).toBe(6);
    expect(allocated).toEqual({ Анна: 2, Борис: 2, Клара: 2, Нина: 0 });
    expect(cell('rounds', rowWhere(c.ws, 'Закупки', 'rounds', 'id', id), 'shortfallRule')).toBe(
      'Всем меньше — пропорционально заказу',
    );
  });

  test('receiving before the supplier order is refused in words', () => {
    const c = openCommunity();
    yes(c.ws, 'closeRound', [c.roundId]);
    expect(() => c.ws.run('recordReceipt', [c.roundId, {}])).toThrow('«стоп»');
  });
});
