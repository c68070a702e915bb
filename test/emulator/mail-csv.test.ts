import { Workspace } from '../../local/emulator';
import { NOT_A_BYTE } from '../../local/emulator/utilities';

/**
 * MailApp's inline images and Utilities.parseCsv, as the reference pages describe them:
 * https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)
 * https://developers.google.com/apps-script/reference/utilities/utilities#parseCsv(String,Char)
 * https://developers.google.com/apps-script/guides/services/quotas ("Current limitations")
 */
const GIF = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0xff, 0x80, 0x00];
const signed = (bytes: number[]) => bytes.map((b) => (b > 127 ? b - 256 : b));

describe('MailApp.sendEmail(message) with inlineImages (mail-app#sendEmail(Object))', () => {
  test('records each image under its key with the blob name, content type and exact bytes', () => {
    const ws = new Workspace();
    const blob = ws.utilities.proxy.newBlob(signed(GIF), 'image/gif', 'qr.gif');
    ws.mail.proxy.sendEmail({
      to: 'a@example.org',
      subject: 'Bill',
      body: 'text',
      htmlBody: '<img src="cid:payqr">',
      inlineImages: { payqr: blob },
    });
    expect(ws.mail.sent[0].inlineImages).toEqual({ payqr: { name: 'qr.gif', contentType: 'image/gif', bytes: GIF } });
  });

  test('a value that is not a Blob or BlobSource is refused, and nothing is sent or counted', () => {
    const ws = new Workspace({ mailQuota: 5 });
    const send = (image: unknown) =>
      ws.mail.proxy.sendEmail({
        to: 'a@example.org',
        subject: 's',
        body: 'b',
        htmlBody: '<img src="cid:x">',
        inlineImages: { x: image } as never,
      });
    expect(() => send('data:image/gif;base64,R0lG')).toThrow('Invalid argument: inlineImages');
    expect(() => send({ bytes: GIF })).toThrow('Invalid argument: inlineImages');
    expect(ws.mail.sent).toHaveLength(0);
    expect(ws.mail.proxy.getRemainingDailyQuota()).toBe(5);
  });

  test('inline images "assume the htmlBody parameter is used": without one they are refused (stricter reading)', () => {
    const ws = new Workspace();
    const blob = ws.utilities.proxy.newBlob(signed(GIF), 'image/gif', 'qr.gif');
    expect(() =>
      ws.mail.proxy.sendEmail({ to: 'a@example.org', subject: 's', body: 'b', inlineImages: { x: blob } } as never),
    ).toThrow('Invalid argument: inlineImages');
  });

  test('more than 25 MB of images in one message is refused (quotas: email total attachments size)', () => {
    const ws = new Workspace();
    const big = ws.utilities.proxy.newBlob(new Array(13 * 1024 * 1024).fill(1), 'image/gif', 'big.gif');
    expect(() =>
      ws.mail.proxy.sendEmail({
        to: 'a@example.org',
        subject: 's',
        body: 'b',
        htmlBody: '<img src="cid:a"><img src="cid:b">',
        inlineImages: { a: big, b: big },
      }),
    ).toThrow('Limit Exceeded: Email Total Attachments Size.');
  });
});

describe('Utilities.newBlob(Byte[]) (utilities#newBlob(Byte))', () => {
  test('keeps binary bytes exactly and hands them back as signed Java bytes', () => {
    const blob = new Workspace().utilities.proxy.newBlob(signed(GIF), 'image/gif');
    expect(blob.getBytes()).toEqual(signed(GIF));
  });

  test('a number that is not a Java byte (-128…127) is refused (stricter reading)', () => {
    expect(() => new Workspace().utilities.proxy.newBlob([200] as never)).toThrow(NOT_A_BYTE);
  });
});

describe('Utilities.parseCsv (utilities#parseCsv)', () => {
  test('the reference example: "a,b,c\\nd,e,f" → [[a, b, c], [d, e, f]]', () => {
    expect(new Workspace().utilities.proxy.parseCsv('a,b,c\nd,e,f')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  test('a custom delimiter, quoted fields with the delimiter and doubled quotes, CRLF, no empty last row', () => {
    const csv = 'Дата;Сумма;Назначение\r\n20.11.2026;"1 500,00";"R1-2-15; ""Ноябрь"""\r\n';
    expect(new Workspace().utilities.proxy.parseCsv(csv, ';')).toEqual([
      ['Дата', 'Сумма', 'Назначение'],
      ['20.11.2026', '1 500,00', 'R1-2-15; "Ноябрь"'],
    ]);
  });

  test('a line break inside quotes: split there by default (strict), kept under the RFC 4180 reading', () => {
    const csv = 'a,"two\nlines",c\nd,e,f';
    expect(new Workspace().utilities.proxy.parseCsv(csv)).toEqual([
      ['a', 'two'],
      ['lines"', 'c'],
      ['d', 'e', 'f'],
    ]);
    const lenient = new Workspace({ fidelity: { parseCsvQuotedNewline: 'keepsInField' } });
    expect(lenient.utilities.proxy.parseCsv(csv)).toEqual([
      ['a', 'two\nlines', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  test('a quote still open at the end: refused by default (strict), closed at the end under the other reading', () => {
    expect(() => new Workspace().utilities.proxy.parseCsv('a,"b')).toThrow('Could not parse text.');
    const lenient = new Workspace({ fidelity: { parseCsvOpenQuote: 'closesAtEnd' } });
    expect(lenient.utilities.proxy.parseCsv('a;"b', ';')).toEqual([['a', 'b']]);
  });
});
