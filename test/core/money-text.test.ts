import { describeAmountProblem, describeMatch, describePayeeProblem } from '../../src/core/moneyText';
import { readAmount } from '../../src/core/money';
import { validatePayee } from '../../src/core/payment/gost';
import { matchStatement, readStatement } from '../../src/core/payment/statement';

describe('money problems read as sentences in the reader’s language', () => {
  test('a refused amount says why, naming both currencies', () => {
    const r = readAmount('$5', 'RUB');
    if (r.ok) throw new Error('expected a refusal');
    expect(describeAmountProblem(r, 'ru', 'RUB')).toBe('«$5» — валюта: доллары США ($). Валюта закупки: рубли (₽).');
    expect(describeAmountProblem(r, 'zh-CN', 'RUB')).toBe('“$5”的货币是美元（$），本期团购的结算货币是卢布（₽）。');
  });

  test('Settings: "BIC must be 9 digits"', () => {
    const [p] = validatePayee({ name: 'А', personalAcc: '40702810000000011692', bankName: 'Б', bic: '0445', correspAcc: '0' });
    expect(describePayeeProblem(p, 'en')).toBe('BIC must be 9 digits ("0445").');
    expect(describePayeeProblem(p, 'ru')).toBe('БИК должен состоять из 9 цифр («0445»).');
  });

  test('a matched line names the reference and warns when the sum differs', () => {
    const bills = [{ orderKey: 'a', reference: 'R12-3-502', name: 'Анна', dueMinor: 1500_00, totalMinor: 1500_00 }];
    const [m] = matchStatement(readStatement(['Перевод +1 000 ₽. Сообщение: R12-3-502'], 'RUB'), bills);
    expect(describeMatch(m, 'ru', 'RUB', new Map([['a', 'R12-3-502']]), new Map([['a', 1500_00]]))).toBe(
      'В назначении платежа есть код R12-3-502. Сумма 1\u00a0000,00\u00a0₽ не совпадает со счётом (1\u00a0500,00\u00a0₽).',
    );
  });
});
