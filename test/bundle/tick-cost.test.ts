import { KEYS } from '../../src/workspace/properties/keys';
import { readStored } from '../../src/workspace/properties/store';
import { sheetName, width } from '../../src/workspace/sheets/schema';
import { HOUR, openCommunity, orderRows, submit, typeRows } from '../harness/community';

// Issue 19: an hour in which nothing fell due costs the tick no Sheets round trip at all (it decides from
// document properties, read in one getProperties); what no property records is swept once a day.

describe('the hourly tick when nothing is due', () => {
  test('reads no sheet, and still sends the reminder that falls due later', () => {
    const c = openCommunity({
      deadlineInHours: 40,
      deployment: 'bound',
      before: (ws) => typeRows(ws, 'Участники', [['anna@example.org', 'Анна', '', 'Дом 1', '1', 'ru', false]]),
    });
    submit(c, { name: 'Вера', email: 'vera@example.org', items: { RICE: '1' } });
    c.ws.advance(2 * HOUR); // the first ticks sweep and drain the receipt
    const ticks = c.ws.executions.length;
    c.ws.calls.reset();
    c.ws.advance(5 * HOUR);
    expect(c.ws.executions.slice(ticks).map((e) => e.functionName)).toEqual(Array(5).fill('onTick_'));
    expect(c.ws.calls.roundTrips('spreadsheet')).toBe(0);
    // The 24-hour mark (deadline − 24 h = 16 h after opening) is not skipped by the idle hours before it.
    c.ws.advance(10 * HOUR);
    expect(c.ws.mail.sent.filter((m) => m.to === 'anna@example.org' && m.subject.includes('скоро стоп'))).toHaveLength(1);
  });

  test('a queued email is sent at the next tick: queuing clears "nothing to send"', () => {
    const c = openCommunity({ deadlineInHours: 40, deployment: 'bound' });
    c.ws.advance(2 * HOUR);
    const before = c.ws.mail.sent.length;
    // The receipt could not go out at once (a passing MailApp error): it waits in the Outbox.
    c.ws.mail.failNext = 1;
    submit(c, { name: 'Вера', email: 'vera@example.org', items: { RICE: '1' } });
    expect(c.ws.mail.sent.length).toBe(before);
    c.ws.advance(HOUR);
    expect(c.ws.mail.sent.slice(before).map((m) => m.to)).toEqual(['vera@example.org']);
  });

  test('a response whose submit trigger never fired is recorded by the next sweep, before the stop at the latest', () => {
    const c = openCommunity({ deadlineInHours: 10, deployment: 'bound' });
    c.ws.advance(2 * HOUR);
    // The form submit trigger does not fire (a quota, an outage): the response waits in its sheet.
    const all = c.ws.triggers.triggers;
    all.splice(
      all.findIndex((t) => t.type === 'ON_FORM_SUBMIT'),
      1,
    );
    submit(c, { name: 'Вера', email: 'vera@example.org', items: { RICE: '1' } });
    expect(orderRows(c.ws)).toHaveLength(0);
    c.ws.advance(9 * HOUR); // past the stop: the round closes with Вера's order in it
    expect(orderRows(c.ws).map((r) => r.name)).toEqual(['Вера']);
  });
});

describe("an open round's running totals (the receipts' estimate) are recounted from the Orders sheet", () => {
  const soFar = (c: ReturnType<typeof openCommunity>) =>
    readStored(Object.fromEntries(c.ws.properties.document.data), KEYS.roundSoFar(c.roundId));

  test("by the daily sweep, after a coordinator blanked an order's rows by hand", () => {
    const c = openCommunity({ deadlineInHours: 72, deployment: 'bound' });
    submit(c, { name: 'Анна', items: { RICE: '2' } });
    submit(c, { name: 'Борис', items: { EGGS: '1' } });
    c.ws.advance(2 * HOUR); // the first tick has swept
    expect(soFar(c)?.participants).toBe(2);
    const rows = orderRows(c.ws);
    const boris = rows.findIndex((r) => r.name === 'Борис') + 2;
    typeRows(c.ws, sheetName('orders', 'ru'), [Array(width('orders')).fill('')], boris);
    c.ws.advance(2 * HOUR);
    expect(soFar(c)?.participants).toBe(2); // an idle hour reads no sheet
    c.ws.advance(24 * HOUR);
    expect(soFar(c)?.participants).toBe(1);
  });
});
