import { build } from 'esbuild';
import jsQR from 'jsqr';
import vm from 'node:vm';
import { paymentCode } from '../../src/core/payment/instructions';

/**
 * The QR encoder runs inside Apps Script V8, not Node: bundled the way build.mjs bundles the add-on
 * and evaluated in an empty context (no Buffer, TextEncoder, btoa, require or process), it must still
 * draw a code that reads back.
 */
describe('payment QR code in Apps Script V8', () => {
  let bundle = '';
  beforeAll(async () => {
    const out = await build({
      stdin: {
        contents: `import { qrGif } from './src/core/payment/qr'; export const draw = (p) => Array.from(qrGif(p).gif);`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'QR',
      target: 'es2020',
      platform: 'neutral',
      charset: 'utf8',
      logLevel: 'error',
    });
    bundle = out.outputFiles[0].text;
  });

  test('bundles without require or process and draws in a context with no Node or browser globals', () => {
    expect(bundle).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b|\bTextEncoder\b|\batob\(|\bbtoa\(/);
    const context = vm.createContext({});
    vm.runInContext(bundle, context);
    const payload = 'ST00012|Name=Иванова А.П.|Purpose=R12-3-502 团购';
    const gif = Uint8Array.from(vm.runInContext(`QR.draw(${JSON.stringify(payload)})`, context) as number[]);
    const { GifReader } = require('omggif');
    const reader = new GifReader(gif);
    const pixels = new Uint8ClampedArray(reader.width * reader.height * 4);
    reader.decodeAndBlitFrameRGBA(0, pixels);
    const code = jsQR(pixels, reader.width, reader.height);
    expect(new TextDecoder().decode(Uint8Array.from(code!.binaryData))).toBe(payload);
  });
});

describe('what a bill prints beside the code', () => {
  const payee = {
    name: 'Иванова Анна Петровна',
    personalAcc: '40702810000000011692',
    bankName: 'БАНК ГПБ (АО)',
    bic: '044525823',
    correspAcc: '30101810200000000823',
  };

  test('roubles: the bank-transfer code carries amount and reference; the lines say so', () => {
    const r = paymentCode(
      { kind: 'bankTransfer', payee },
      { reference: 'R12-3-502', amountMinor: 66257, currency: 'RUB', purpose: 'Ноябрь' },
      'ru',
    );
    expect(r.ok && r.payload.endsWith('|Sum=66257|Purpose=R12-3-502 Ноябрь')).toBe(true);
    expect(r.ok && r.lines).toEqual([
      'Отсканируйте код в приложении банка, чтобы оплатить 662,57\u00a0₽: реквизиты и назначение заполнятся сами.',
      'Назначение платежа: R12-3-502',
    ]);
  });

  test("yuan: the coordinator's own WeChat code as given, amount and reference as text beside it", () => {
    const r = paymentCode(
      { kind: 'receiveCode', payload: ' wxp://f2f0abc ' },
      { reference: 'R3-5-1201', amountMinor: 286217, currency: 'CNY' },
      'zh-CN',
    );
    expect(r).toEqual({
      ok: true,
      payload: 'wxp://f2f0abc',
      amountText: '¥2,862.17',
      lines: ['扫码支付¥2,862.17，并在备注中填写R3-5-1201。', '转账备注：R3-5-1201'],
    });
  });

  test('details with problems give the problems, not a code a bank app would refuse', () => {
    const r = paymentCode(
      { kind: 'bankTransfer', payee: { ...payee, bic: '0445' } },
      { reference: 'R1-1-1', amountMinor: 1, currency: 'RUB' },
      'en',
    );
    expect(r.ok ? [] : r.problems.map((p) => p.key)).toEqual(['payee.bicDigits']);
  });
});
