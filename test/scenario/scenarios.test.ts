import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import * as XLSX from 'xlsx';
import { runScenarioFile } from '../../local/scenario/runFile';
import { DIST, ROOT, ensureBuilt } from '../harness/bundle';

const shipped = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json'));

// Every scenario under STRICT, in both deployments: one script per community, and one published add-on.
const runs = shipped.flatMap((file) => (['bound', 'addon'] as const).map((deployment) => [file, deployment] as const));

describe.each(runs)('scenario %s (%s)', (file, deployment) => {
  const out = mkdtempSync(join(tmpdir(), 'scenario-'));
  let result: { ok: boolean; log: string[] };

  beforeAll(async () => {
    ensureBuilt();
    result = await runScenarioFile(join(ROOT, 'scenarios', file), out, DIST, { deployment });
  }, 120_000);

  test('runs to the end and writes every output', () => {
    expect(result.log.filter((l) => l.startsWith('FAILED'))).toEqual([]);
    expect(result.ok).toBe(true);
    for (const f of ['workbook.xlsx', 'workbook.json', 'outbox.json', 'calls.json', 'log.txt'])
      expect(readdirSync(out)).toContain(f);
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'calls.json'), 'utf8')))).toContain('Range.setValues');
    expect(readFileSync(join(out, 'log.txt'), 'utf8')).toContain('Executions:');
  });

  test('workbook.xlsx opens in an independent XLSX reader with the same sheets and values', () => {
    const book = XLSX.read(readFileSync(join(out, 'workbook.xlsx')));
    const json = JSON.parse(readFileSync(join(out, 'workbook.json'), 'utf8')) as Record<string, unknown[][]>;
    // Excel allows no ":" and at most 31 characters in a sheet name; the writer adapts the names so.
    const names = Object.keys(json).map((n) => n.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'));
    expect(book.SheetNames).toEqual(names);
    const orders = Object.keys(json).find((n) => /Заказы|订单|Orders/.test(n))!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[orders.slice(0, 31)], { header: 1 });
    expect(rows[0]).toEqual(json[orders][0]);
    expect(rows.length).toBe(json[orders].length);
    expect(rows.filter((r) => r.length).length).toBe(json[orders].filter((r) => r.some((v) => v !== '')).length);
  });

  test('each .eml parses as a real message with the text and HTML parts', async () => {
    const sent = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as {
      to: string;
      subject: string;
      file: string;
      text: string;
    }[];
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent.slice(0, 25)) {
      const parsed = await simpleParser(readFileSync(join(out, m.file)));
      expect(parsed.subject).toBe(m.subject);
      expect((parsed.to as { text: string }).text).toContain(m.to);
      expect(parsed.text?.trim()).toBe(m.text.trim());
      expect(parsed.html).toContain('<body');
    }
  });
});

test('the demo community has what the playground promises', async () => {
  ensureBuilt();
  const out = mkdtempSync(join(tmpdir(), 'demo-'));
  await runScenarioFile(join(ROOT, 'scenarios', 'demo-community.json'), out, DIST);
  const json = JSON.parse(readFileSync(join(out, 'workbook.json'), 'utf8')) as Record<string, unknown[][]>;
  expect(json['Каталог'].length - 1).toBe(15);
  expect(json['Участники'].length - 1).toBe(25);
  expect(new Set(json['Участники'].slice(1).map((r) => r[5]))).toEqual(new Set(['ru', 'zh-CN', 'en']));
  expect(json['Дома и пункты выдачи'].slice(1).map((r) => r[0])).toEqual([
    'дом / подъезд',
    'дом / подъезд',
    'дом / подъезд',
    'пункт выдачи',
    'пункт выдачи',
  ]);
  // States read as words in the sheet's language.
  expect(json['Закупки'][1][2]).toBe('сбор заказов');
  expect(new Set(json['Заказы'].slice(1).map((r) => r[1])).size).toBe(11);
});

test('the demo community keeps every default setting and adds how to pay', async () => {
  ensureBuilt();
  const out = mkdtempSync(join(tmpdir(), 'demo-settings-'));
  await runScenarioFile(join(ROOT, 'scenarios', 'demo-community.json'), out, DIST);
  const json = JSON.parse(readFileSync(join(out, 'workbook.json'), 'utf8')) as Record<string, unknown[][]>;
  const settings = Object.fromEntries(json['Настройки'].slice(1).map((r) => [r[0], r[1]]));
  // Each setting by its name in the sheet's language; a rule chosen from a list reads as words.
  expect(settings['Округление копеек']).toBe('по правилам арифметики (0,5 — вверх)');
  expect(String(settings['Как оплатить'])).toContain('Перевод Ирине');
});
