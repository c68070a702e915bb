import { formatMoney } from '../../src/core/i18n/format';
import { openCommunity, orderRows, submit } from '../harness/community';

/**
 * The resident's side of money: a receipt that says what a limit kept and estimates the final bill, the
 * form that states the limit with extras, and a blank response that is not an order.
 */
describe('limits keep what fits, and the receipt says so', () => {
  test('rice asked beyond the per-person limit (a form whose validation was removed): 10 kg kept, the receipt says why', () => {
    const c = openCommunity();
    submit(c, { name: 'Анна', email: 'anna@example.org', items: { RICE: '12' } }, { bypassValidation: true });
    const [receipt] = c.ws.mail.sent;
    expect(receipt.body).toContain('Рис: заказано «12», оставлено 10\u00a0кг — больше в одни руки нельзя.');
    expect(orderRows(c.ws).map((r) => [r.item, r.quantity])).toEqual([['RICE', 10]]);
  });

  test('the limit and "I\'d take more" together: the order keeps its place, the extra is cut to fit', () => {
    const c = openCommunity();
    submit(c, { name: 'Борис', email: 'boris@example.org', items: { RICE: '8' }, extras: { RICE: '5' } });
    expect(c.ws.mail.sent[0].body).toContain(
      'Рис: не больше 10\u00a0кг в одни руки — допуск уменьшен до этого предела (указано «5»).',
    );
    expect(orderRows(c.ws).map((r) => [r.quantity, r.extra])).toEqual([[8, 2]]);
  });

  test('the form states the limit with the extras included, and loose items with a minimum ask for extras too', () => {
    const c = openCommunity();
    const form = c.ws.forms.byId(c.formId)!;
    const rice = form.items.find((i) => i.title.startsWith('Рис —'))!;
    expect(rice.helpText).toContain('не больше 10\u00a0кг в одни руки вместе с допуском');
    const flour = form.items.find((i) => i.title.startsWith('Мука') && i.title.includes('минимальный заказ'))!;
    expect(flour.title).toBe('Мука: допуск — сколько ещё готовы взять, чтобы набрался минимальный заказ');
    expect([flour.reject('5'), flour.reject('19'), flour.reject('20')].map((x) => x === null)).toEqual([true, true, false]);
  });
});

describe('the receipt estimates the final bill', () => {
  test('goods plus an estimated share of delivery and fee, marked as an estimate, shrinking as neighbours join', () => {
    const c = openCommunity({ settings: { feePercent: '5' } });
    submit(c, { name: 'Анна', email: 'anna@example.org', items: { EGGS: '2' } });
    submit(c, { name: 'Борис', email: 'boris@example.org', items: { EGGS: '2' } });
    const [anna, boris] = c.ws.mail.sent;
    const m = (minor: number) => formatMoney(minor, 'RUB', 'ru');
    // Alone, Anna carries the whole 900 ₽ delivery; with Boris, half of it. Fee: 5% of 220 ₽.
    expect(anna.body).toContain(
      `Примерно ${m(220_00 + 900_00 + 11_00)}: товары ${m(220_00)}, доставка около ${m(900_00)}, оргсбор около ${m(11_00)}.`,
    );
    expect(boris.body).toContain(`Примерно ${m(220_00 + 450_00 + 11_00)}`);
    expect(boris.body).toContain('Это оценка по заказам на сейчас; точный счёт придёт после стопа.');
  });
});

describe('a blank response is not an order', () => {
  test('a new blank response records nothing and sends no receipt', () => {
    const c = openCommunity();
    submit(c, { name: 'Пустой', email: 'empty@example.org', items: {} });
    expect(orderRows(c.ws)).toEqual([]);
    expect(c.ws.mail.sent).toEqual([]);
  });

  test('an edit to blank withdraws the order, with a short email saying so', () => {
    const c = openCommunity();
    const first = submit(c, { name: 'Вера', email: 'vera@example.org', items: { EGGS: '2' } });
    if (!first.ok) throw new Error('not submitted');
    submit(c, { name: 'Вера', email: 'vera@example.org', items: {} }, { edit: first.responseId });
    expect(orderRows(c.ws).filter((r) => r.item)).toEqual([]);
    const last = c.ws.mail.sent.at(-1)!;
    expect(last.subject).toBe('Ноябрь: ваш заказ снят');
    expect(last.body).toContain(
      'Вы изменили ответ и не указали ни одного количества, поэтому ваш заказ в закупке «Ноябрь» снят.',
    );
    const screen = c.ws.run<{ participants: number }>('tallyScreen', [c.roundId]);
    expect(screen.participants).toBe(0);
  });
});
