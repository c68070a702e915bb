import { LOCK_TIMEOUT_ERROR, MAIL_QUOTA_ERROR, Workspace } from '../../local/emulator';

describe('PropertiesService', () => {
  test('values are strings, per store', () => {
    const ws = new Workspace();
    const props = ws.properties.proxy;
    props.getScriptProperties().setProperty('n', 42 as unknown as string);
    expect(props.getScriptProperties().getProperty('n')).toBe('42');
    expect(props.getDocumentProperties().getProperty('n')).toBeNull();
  });

  test('user properties belong to each user', () => {
    const ws = new Workspace({ user: 'a@example.org' });
    ws.properties.proxy.getUserProperties().setProperty('lang', 'ru');
    ws.runtime.user = 'b@example.org';
    expect(ws.properties.proxy.getUserProperties().getProperty('lang')).toBeNull();
  });

  test("a value over 9 KB is refused with Apps Script's message and nothing changes", () => {
    const store = new Workspace().properties.proxy.getScriptProperties();
    store.setProperty('k', 'old');
    expect(() => store.setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(store.getProperty('k')).toBe('old');
  });

  test('a store over 500 KB is refused', () => {
    const store = new Workspace().properties.proxy.getScriptProperties();
    const chunk = 'x'.repeat(9000);
    expect(() => {
      for (let i = 0; i < 60; i++) store.setProperty(`k${i}`, chunk);
    }).toThrow('You have exceeded the property storage quota');
    expect(store.getKeys().length).toBeLessThan(60);
  });
});

describe('LockService', () => {
  test("waitLock times out with Apps Script's message when another process holds the lock", () => {
    const ws = new Workspace();
    ws.locks.holdElsewhere('script', 60_000);
    const start = ws.clock.now();
    expect(() => ws.lockService.proxy.getScriptLock().waitLock(10_000)).toThrow(LOCK_TIMEOUT_ERROR);
    expect(ws.clock.now() - start).toBeGreaterThanOrEqual(10_000);
  });

  test('waitLock waits on the virtual clock when the other process finishes in time', () => {
    const ws = new Workspace();
    ws.locks.holdElsewhere('script', 3_000);
    const start = ws.clock.now();
    const lock = ws.lockService.proxy.getScriptLock();
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    expect(ws.clock.now() - start).toBeGreaterThanOrEqual(3_000);
  });

  test('tryLock answers false instead of throwing', () => {
    const ws = new Workspace();
    ws.locks.holdElsewhere('document', 60_000);
    expect(ws.lockService.proxy.getDocumentLock().tryLock(100)).toBe(false);
    expect(ws.lockService.proxy.getScriptLock().tryLock(100)).toBe(true);
  });
});

describe('MailApp', () => {
  test('sends, records and counts recipients against the daily quota', () => {
    const ws = new Workspace({ mailQuota: 3 });
    const mail = ws.mail.proxy;
    mail.sendEmail('a@example.org', 'Receipt', 'text');
    mail.sendEmail({ to: 'b@example.org,c@example.org', subject: 'Bill', body: 'text', htmlBody: '<p>x</p>' });
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(ws.mail.sent.map((m) => m.subject)).toEqual(['Receipt', 'Bill']);
    expect(() => mail.sendEmail('d@example.org', 'One more', 'text')).toThrow(MAIL_QUOTA_ERROR);
    expect(ws.mail.sent).toHaveLength(2);
  });

  test('the quota comes back 24 hours after the window started', () => {
    const ws = new Workspace({ mailQuota: 1 });
    ws.mail.proxy.sendEmail('a@example.org', 's', 'b');
    ws.advance(23 * 3600_000);
    expect(ws.mail.proxy.getRemainingDailyQuota()).toBe(0);
    ws.advance(3600_000);
    expect(ws.mail.proxy.getRemainingDailyQuota()).toBe(1);
  });

  test('a malformed address is refused', () => {
    const ws = new Workspace();
    expect(() => ws.mail.proxy.sendEmail('not-an-email', 's', 'b')).toThrow('Invalid email: not-an-email');
  });
});

describe('Utilities and Session', () => {
  test('formatDate uses real time zones and Java patterns', () => {
    const ws = new Workspace();
    const d = new Date(Date.UTC(2026, 10, 25, 10, 5));
    expect(ws.utilities.proxy.formatDate(d, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm EEE')).toBe('2026-11-25 18:05 Wed');
    expect(ws.utilities.proxy.formatDate(d, 'Europe/Moscow', "dd.MM.yyyy 'в' H:mm XXX")).toBe('25.11.2026 в 13:05 +03:00');
  });

  test('sleep moves the virtual clock', () => {
    const ws = new Workspace();
    const before = ws.clock.now();
    ws.utilities.proxy.sleep(1500);
    expect(ws.clock.now() - before).toBeGreaterThanOrEqual(1500);
  });

  test('newBlob holds CSV text', () => {
    const blob = new Workspace().utilities.proxy.newBlob('item;qty\nрис;2', 'text/csv', 'order.csv');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName()]).toEqual(['item;qty\nрис;2', 'text/csv', 'order.csv']);
  });

  test('Session reports the user, their locale and the script time zone', () => {
    const ws = new Workspace({ user: 'org@example.org', timeZone: 'Asia/Shanghai' });
    ws.session.locales.set('org@example.org', 'zh_CN');
    const s = ws.session.proxy;
    expect([s.getActiveUser().getEmail(), s.getActiveUserLocale(), s.getScriptTimeZone()]).toEqual([
      'org@example.org',
      'zh_CN',
      'Asia/Shanghai',
    ]);
  });
});
