import fc from 'fast-check';
import jsQR from 'jsqr';
import { controlKeyOk, gostPayload, readGostPayload, validatePayee } from '../../src/core/payment/gost';
import { base64ToBytes, bytesToBase64, qrDataUrl, qrGif, utf8Bytes } from '../../src/core/payment/qr';
import { canonicalReference, mentionsReference, paymentReferences } from '../../src/core/payment/reference';

// omggif ships no types: the decoder the tests use to turn the GIF back into pixels.
const { GifReader } = require('omggif') as {
  GifReader: new (bytes: Uint8Array) => {
    width: number;
    height: number;
    decodeAndBlitFrameRGBA(frame: number, pixels: Uint8ClampedArray): void;
  };
};

/** What a phone camera would read from the image: the exact bytes, decoded as UTF-8. */
function scan(gif: Uint8Array): string | null {
  const reader = new GifReader(gif);
  const pixels = new Uint8ClampedArray(reader.width * reader.height * 4);
  reader.decodeAndBlitFrameRGBA(0, pixels);
  const code = jsQR(pixels, reader.width, reader.height);
  return code ? new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(code.binaryData)) : null;
}

describe('payment references', () => {
  const refs = (holders: { orderKey: string; building: string; flat: string; firstSubmittedAt?: number }[]) =>
    Object.fromEntries(paymentReferences('R12', holders));

  test('round, building, flat: short and typeable, Cyrillic spelled in Latin, confusables left out', () => {
    expect(
      refs([
        { orderKey: 'a', building: '3', flat: '502' },
        { orderKey: 'b', building: 'Дом 12А', flat: 'кв. 7' },
        { orderKey: 'c', building: '3к2', flat: '' },
        { orderKey: 'd', building: '', flat: '' },
        { orderKey: 'e', building: '5号楼', flat: '1201室' },
      ]),
    ).toEqual({ a: 'R12-3-502', b: 'R12-12A-7', c: 'R12-3K2-0', d: 'R12-N4', e: 'R12-5-1201' });
  });

  test('two orders from one flat: the earlier keeps the plain reference, the later gets a letter, whatever the input order', () => {
    const holders = [
      { orderKey: 'form:R12:9', building: '3', flat: '502', firstSubmittedAt: 2 },
      { orderKey: 'form:R12:10', building: '3', flat: '502', firstSubmittedAt: 1 },
      { orderKey: 'offline:1', building: 'дом 3', flat: '502', firstSubmittedAt: 3 },
    ];
    const expected = { 'form:R12:10': 'R12-3-502', 'form:R12:9': 'R12-3-502B', 'offline:1': 'R12-3-502C' };
    expect(refs(holders)).toEqual(expected);
    expect(refs([...holders].reverse())).toEqual(expected);
  });

  test('always unique and made of digits, safe capitals and hyphens only', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ building: fc.string({ maxLength: 8 }), flat: fc.string({ maxLength: 5 }) }), { maxLength: 40 }),
        (people) => {
          const out = paymentReferences(
            'R7',
            people.map((p, i) => ({ orderKey: `k${i}`, ...p })),
          );
          const values = [...out.values()];
          expect(new Set(values).size).toBe(people.length);
          for (const v of values) expect(v).toMatch(/^[0-9A-HJKMNP-TV-Z-]+$/);
        },
      ),
    );
  });

  test('found in a purpose line however it was typed, but not inside a longer reference', () => {
    expect(mentionsReference('Оплата закупки r12 3 502', 'R12-3-502')).toBe(true);
    expect(mentionsReference('R12/3/502 за продукты 15.11', 'R12-3-502')).toBe(true);
    expect(mentionsReference('R12-3-502B', 'R12-3-502')).toBe(false);
    expect(mentionsReference('R12-3-5021', 'R12-3-502')).toBe(false);
    expect(mentionsReference('R12-3-502', 'R12-3-50')).toBe(false);
    expect(mentionsReference('转账备注：R12-3К2-0', 'R12-3K2-0')).toBe(true);
    expect(canonicalReference('r12 – 3 / 502')).toBe('R12-3-502');
  });

  test('typed on a Russian keyboard, by look or by sound, it is still found', () => {
    const built = paymentReferences('R12', [{ orderKey: 'a', building: 'Дом 7в', flat: '15' }]).get('a')!;
    expect(built).toBe('R12-7V-15');
    // By look: Cyrillic Р for R; by sound: в as typed in the building's name; a reader of "7V" may type B.
    for (const typed of ['Р12-7в-15', 'Р12-7В-15', 'r12 7v 15', 'R12-7B-15', 'Р12/7b/15'])
      expect(mentionsReference(`перевод ${typed} спасибо`, built)).toBe(true);
    expect(mentionsReference('Р12-3-502', 'R12-3-502')).toBe(true);
    // Н typed for N, С for S, Х for H: each reading of each letter.
    for (const [typed, ref] of [
      ['R3-1Н-2', 'R3-1N-2'],
      ['R3-1H-2', 'R3-1N-2'],
      ['R3-1С-2', 'R3-1S-2'],
      ['R3-1C-2', 'R3-1S-2'],
      ['R3-1Х-2', 'R3-1H-2'],
    ])
      expect(mentionsReference(typed, ref)).toBe(true);
    // Still never inside a longer code, nor another flat.
    expect(mentionsReference('Р12-7в-150', built)).toBe(false);
    expect(mentionsReference('Р12-7в-16', built)).toBe(false);
  });
});

describe('ГОСТ Р 56042-2014 payment QR', () => {
  const payee = {
    name: 'Иванова Анна Петровна',
    personalAcc: '40702810000000011692',
    bankName: 'БАНК ГПБ (АО)',
    bic: '044525823',
    correspAcc: '30101810200000000823',
  };

  test('the payload: header, the five mandatory fields in order, the sum in kopecks, the purpose with the reference', () => {
    const r = gostPayload(payee, 2862_17, 'R12-3-502 Закупка «Ноябрь»');
    expect(r).toEqual({
      ok: true,
      payload:
        'ST00012|Name=Иванова Анна Петровна|PersonalAcc=40702810000000011692|BankName=БАНК ГПБ (АО)|BIC=044525823' +
        '|CorrespAcc=30101810200000000823|Sum=286217|Purpose=R12-3-502 Закупка «Ноябрь»',
    });
  });

  test('our own purpose never carries the separator; the INN goes in when given; no sum when nothing is due', () => {
    const r = gostPayload({ ...payee, payeeInn: '7707 083 893' }, 0, 'R1-1-1 | a\nb');
    expect(r.ok && readGostPayload(r.payload)).toEqual({
      Name: payee.name,
      PersonalAcc: payee.personalAcc,
      BankName: payee.bankName,
      BIC: payee.bic,
      CorrespAcc: payee.correspAcc,
      Purpose: 'R1-1-1 a b',
      PayeeINN: '7707083893',
    });
  });

  test('Settings hear every problem with the details, as message keys', () => {
    const problems = validatePayee({
      name: '',
      personalAcc: '4070281',
      bankName: 'Банк|X',
      bic: '04452582',
      correspAcc: 'abc',
      payeeInn: '123',
    });
    expect(problems.map((p) => [p.field, p.key])).toEqual([
      ['name', 'payee.nameMissing'],
      ['bic', 'payee.bicDigits'],
      ['personalAcc', 'payee.accountDigits'],
      ['correspAcc', 'payee.correspDigits'],
      ['payeeInn', 'payee.innDigits'],
      ['bankName', 'payee.separator'],
    ]);
    expect(gostPayload({ ...payee, bic: '12345' }, 100, 'x').ok).toBe(false);
  });

  test('a one-digit typo in an account is caught by the Bank of Russia control key', () => {
    expect(controlKeyOk('044525823', '40702810000000011692', false)).toBe(true);
    expect(controlKeyOk('044525225', '30101810400000000225', true)).toBe(true);
    expect(validatePayee({ ...payee, personalAcc: '40702810000000011693' }).map((p) => p.key)).toEqual(['payee.accountKey']);
    expect(validatePayee({ ...payee, correspAcc: '30101810200000000832' }).map((p) => p.key)).toEqual(['payee.correspKey']);
    expect(validatePayee({ ...payee, correspAcc: '0' })).toEqual([]);
  });
});

describe('QR images drawn in the bundle', () => {
  test.each([
    [
      'a Russian payment',
      'ST00012|Name=Иванова Анна Петровна|PersonalAcc=40702810000000011692|Sum=286217|Purpose=R12-3-502 Закупка «Ноябрь»',
    ],
    ['a WeChat receive link', 'wxp://f2f0abcDEF123_-xyz'],
    ['Chinese text', '团购第12期 3号楼502室 ¥2,862.17 备注：R12-3-502'],
    ['emoji beyond the basic plane', 'Спасибо 🙏 谢谢'],
  ])('%s reads back exactly from the GIF', (_what, payload) => {
    const img = qrGif(payload);
    expect(img.gif.slice(0, 6)).toEqual(Uint8Array.from([...'GIF87a'].map((c) => c.charCodeAt(0))));
    expect(img.size).toBe((img.modules + 8) * 4);
    expect(scan(img.gif)).toBe(payload);
  });

  test('a quiet zone of four modules stays white around the code', () => {
    const img = qrGif('R1-1-1', { cellSize: 2 });
    const reader = new GifReader(img.gif);
    const pixels = new Uint8ClampedArray(reader.width * reader.height * 4);
    reader.decodeAndBlitFrameRGBA(0, pixels);
    const band = 4 * 2;
    for (let y = 0; y < reader.height; y++)
      for (let x = 0; x < reader.width; x++)
        if (x < band || y < band || x >= reader.width - band || y >= reader.height - band)
          expect(pixels[(y * reader.width + x) * 4]).toBe(255);
  });

  test('UTF-8 and base64 without TextEncoder or btoa agree with the platform', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.uint8Array({ maxLength: 50 }), (text, bytes) => {
        expect(utf8Bytes(text)).toEqual([...new TextEncoder().encode(text)]);
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
        expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes]);
      }),
    );
    expect(qrDataUrl('x').startsWith('data:image/gif;base64,R0lGOD')).toBe(true);
  });
});
