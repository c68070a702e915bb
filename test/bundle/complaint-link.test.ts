import { formatMoney } from '../../src/core/i18n/format';
import { Community, logRows, openCommunity, submit, yes } from '../harness/community';
import { cell, sheetValues } from '../harness/sheets';

/**
 * A resident reports a problem with an item by themselves (issue 18): the final bill and the "goods
 * arrived" email carry a link to the community's complaint form, prefilled with the round and the
 * person's signed code; what they send becomes a complaint in the Complaints sheet, once — or, when it
 * cannot be one (a changed code, more than they got), a Log line saying why, with what they sent.
 */

const EGGS = 'Яйца · 鸡蛋 · Eggs';
const LINK = /(https:\/\/docs\.google\.com\/forms\/d\/e\/[^\s<"]+)/;

/** R1 closed: Анна (Russian) took 2 dozen eggs, Борис (Chinese) 1; the bills are sent. */
function billed(): Community {
  const c = openCommunity();
  submit(c, { name: 'Анна', email: 'anna@example.org', building: 'Дом 1', items: { EGGS: '2' } });
  submit(c, { name: 'Борис', email: 'boris@example.org', building: 'Дом 2', lang: '中文', items: { EGGS: '1', RICE: '2' } });
  yes(c.ws, 'closeRound', [c.roundId]);
  c.ws.run('sendQueuedEmails');
  return c;
}
const mailTo = (c: Community, to: string, subject: string) =>
  c.ws.mail.sent.find((m) => m.to === to && m.subject.includes(subject))!;
const linkOf = (text: string) => LINK.exec(text)![1];
const complaintRows = (c: Community) => sheetValues(c.ws, 'Жалобы').slice(1);

describe('the link in the emails', () => {
  test('the final bill carries the resident’s own link in their language, in the text and the HTML parts', () => {
    const c = billed();
    const anna = mailTo(c, 'anna@example.org', 'счёт');
    expect(anna.body).toMatch(/Что-то не так с товаром\? Напишите нам здесь: https:\/\/docs\.google\.com\/forms\/d\/e\/\S+/);
    const boris = mailTo(c, 'boris@example.org', '账单');
    expect(boris.body).toContain('商品有问题？请在这里告诉我们：https://docs.google.com/forms/d/e/');
    // Each person's link is their own; the HTML part links it, escaped (& as &amp;).
    expect(linkOf(anna.body)).not.toBe(linkOf(boris.body));
    expect(anna.htmlBody).toContain(`href="${linkOf(anna.body).replace(/&/g, '&amp;')}"`);
    expect(anna.htmlBody).toContain('>Что-то не так с товаром? Напишите нам здесь</a>');
    // No address in the link: nothing a resident could change into a neighbour's.
    expect(linkOf(anna.body)).not.toMatch(/anna|%40|@/i);
  });

  test('"goods arrived" carries the same link; the form is made once for the community', () => {
    const c = billed();
    c.ws.run('supplierOrder', [c.roundId]);
    yes(c.ws, 'recordReceipt', [c.roundId, {}]);
    c.ws.run('sendQueuedEmails');
    const bill = mailTo(c, 'anna@example.org', 'счёт');
    const arrived = c.ws.mail.sent.filter((m) => m.to === 'anna@example.org' && m.subject !== bill.subject).pop()!;
    expect(linkOf(arrived.body)).toBe(linkOf(bill.body));
    const complaintForms = c.ws.forms.forms.filter((f) => f.title === 'Что-то не так с товаром?');
    expect(complaintForms).toHaveLength(1);
    // The round's items, in every language the Catalog names them, are the choices.
    expect(complaintForms[0].items.find((i) => i.kind === 'LIST')!.choices).toEqual(
      expect.arrayContaining([EGGS, expect.stringContaining('Рис')]),
    );
  });
});

describe('what the resident sends', () => {
  test('a complaint from the link lands in the Complaints sheet, once even when the trigger fires twice', () => {
    const c = billed();
    const url = linkOf(mailTo(c, 'anna@example.org', 'счёт').body);
    const sent = c.ws.submitPrefilled(
      url,
      { answers: { Товар: EGGS, 'Сколько (в единицах товара)': '1', 'Что не так?': 'половина разбита' } },
      { deliver: 2 },
    );
    expect(sent.ok).toBe(true);
    const rows = complaintRows(c);
    expect(rows).toHaveLength(1);
    expect([
      cell('complaints', rows[0], 'who'),
      cell('complaints', rows[0], 'item'),
      cell('complaints', rows[0], 'quantity'),
      cell('complaints', rows[0], 'note'),
      cell('complaints', rows[0], 'enteredBy'),
    ]).toEqual(['Анна', 'EGGS', 1, 'половина разбита', 'сам участник, через форму']);
    // The coordinator sees it like any other and decides it the usual way.
    const screen = c.ws.run<{ complaints: { id: string; name: string; note: string }[] }>('complaintsScreen', [c.roundId]);
    expect(screen.complaints).toEqual([expect.objectContaining({ name: 'Анна', note: 'половина разбита' })]);
    const anna = c.ws
      .run<{ participants: { name: string; orderKey: string; dueMinor: number }[] }>('participantsScreen', [c.roundId])
      .participants.find((p) => p.name === 'Анна')!;
    c.ws.run('recordPayment', [
      { roundId: c.roundId, orderKey: anna.orderKey, amount: formatMoney(anna.dueMinor, 'RUB', 'ru'), requestId: 'pay' },
    ]);
    yes(c.ws, 'decideComplaint', [{ complaintId: screen.complaints[0].id, decision: 'credit' }]);
    expect(String(cell('complaints', complaintRows(c)[0], 'decision'))).toBe('зачёт в следующую закупку');
  });

  test('a code changed by hand is refused with a clear line in the Log, and nothing is recorded', () => {
    const c = billed();
    const url = linkOf(mailTo(c, 'anna@example.org', 'счёт').body);
    // The code is the link's last answer and its last characters the signature: change one, as a resident might.
    const forged = url.slice(0, -1) + (url.endsWith('A') ? 'B' : 'A');
    expect(forged).not.toBe(url);
    const code = 'Код из письма (не меняйте)';
    expect(c.ws.submitPrefilled(forged, { answers: { Товар: EGGS, 'Сколько (в единицах товара)': '1' } }).ok).toBe(true);
    // Made up from scratch: a round and a plausible code.
    c.ws.submitPrefilled(url, {
      answers: { [code]: 'R1.abc.AAAAAAAAAAAAAAAA', Товар: EGGS, 'Сколько (в единицах товара)': '1' },
    });
    expect(complaintRows(c)).toEqual([]);
    const refused = logRows(c.ws).filter((r) => r[5].startsWith('Жалобу из формы нужно проверить'));
    expect(refused.map((r) => r[5])).toEqual([
      expect.stringContaining('код в ней не тот, что мы отправляли (изменён или придуман), поэтому жалоба не записана.'),
      expect.stringContaining('код в ней не тот'),
    ]);
    expect(refused[0][5]).toContain(`Что прислали: ${EGGS}; 1;`);
  });

  test('more than they got, or an item they did not get: kept in the Log as needing a look, with the reason', () => {
    const c = billed();
    const url = linkOf(mailTo(c, 'anna@example.org', 'счёт').body);
    c.ws.submitPrefilled(url, { answers: { Товар: EGGS, 'Сколько (в единицах товара)': '3', 'Что не так?': 'все' } });
    const rice = c.ws.forms.forms
      .find((f) => f.title === 'Что-то не так с товаром?')!
      .items.find((i) => i.kind === 'LIST')!
      .choices.find((x) => x.startsWith('Рис'))!;
    c.ws.submitPrefilled(url, { answers: { Товар: rice, 'Сколько (в единицах товара)': '1' } }, { deliver: 2 });
    expect(complaintRows(c)).toEqual([]);
    const refused = logRows(c.ws).filter((r) => r[5].startsWith('Жалобу из формы нужно проверить'));
    expect(refused.map((r) => [r[1], r[3], r[5]])).toEqual([
      ['R1', 'Анна', expect.stringContaining('Количество «3»: укажите число больше 0 и не больше 2.')],
      ['R1', 'Анна', expect.stringContaining('Анна: в этой закупке нет товара «Рис» для этого участника.')],
    ]);
  });
});
