import { pickupTimeIn } from '../../src/core/i18n/pickupTime';

describe('the pickup time, typed once, read in each reader’s language', () => {
  test.each([
    ['суббота 10:00–12:00', 'zh-CN', '周六 10:00–12:00'],
    ['суббота 10:00–12:00', 'en', 'Saturday 10:00–12:00'],
    ['суббота 10:00–12:00', 'ru', 'суббота 10:00–12:00'],
    ['четверг 18:00–20:00', 'zh-CN', '周四 18:00–20:00'],
    ['в субботу с 10:00 до 12:00', 'zh-CN', '周六 10:00–12:00'],
    ['周六10:00-12:00', 'ru', 'суббота 10:00–12:00'],
    ['星期日 9：30～11：00', 'en', 'Sunday 09:30–11:00'],
    ['Sat 10.00 to 12.00', 'ru', 'суббота 10:00–12:00'],
    ['сб 10:00', 'zh-CN', '周六 10:00'],
    ['сб 10:00', 'ru', 'сб 10:00'],
    ['Sat 10:00-12:00', 'en', 'Sat 10:00-12:00'],
  ] as const)('%s → %s: %s', (typed, lang, read) => {
    expect(pickupTimeIn(typed, lang)).toBe(read);
  });

  test.each(['после обеда, позвоните Ольге', 'завтра 10:00', '10:00–12:00', '', 'суббота, 25 ноября 10:00'])(
    'anything but a weekday and a time stays as the coordinator typed it: %s',
    (typed) => {
      expect(pickupTimeIn(typed, 'zh-CN')).toBe(typed);
    },
  );
});
