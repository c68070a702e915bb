import fc from 'fast-check';
import { supplierOrderCsv, toCsv } from '../../src/core/csv';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parse(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === sep) endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("files in the coordinator's conventions", () => {
  const lines = [
    {
      supplier: 'ООО «Зерно»',
      code: 'R-1',
      item: 'Рис; круглый',
      unit: 'кг',
      boxes: 2,
      units: 50,
      priceMinor: 99_99,
      totalMinor: 4999_50,
    },
    {
      supplier: 'Ферма',
      code: '',
      item: 'Мёд "липовый"',
      unit: 'шт',
      boxes: 0,
      units: 2.5,
      priceMinor: 450_00,
      totalMinor: 1125_00,
    },
  ];

  test('Russian: BOM, semicolons, decimal comma, Russian headers, quoting', () => {
    const csv = supplierOrderCsv(lines, 'ru', 'RUB');
    expect(csv.startsWith('\ufeffПоставщик;Артикул;Товар;Ед. изм.;Коробок;Количество;Цена;Сумма\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('ООО «Зерно»;R-1;"Рис; круглый";кг;2;50;99,99;4999,50');
    expect(csv.split('\r\n')[2]).toBe('Ферма;;"Мёд ""липовый""";шт;0;2,5;450,00;1125,00');
  });

  test('English and Chinese: commas and dots, headers in the language', () => {
    expect(supplierOrderCsv(lines, 'en', 'RUB').split('\r\n')[1]).toBe('ООО «Зерно»,R-1,Рис; круглый,кг,2,50,99.99,4999.50');
    expect(supplierOrderCsv(lines, 'zh-CN', 'CNY').split('\r\n')[0]).toBe('\ufeff供应商,货号,商品,单位,箱数,数量,单价,金额');
    expect(toCsv(['n'], [[{ minor: 1234, currency: 'JPY' }], [0.1 + 0.2]], 'en')).toBe('\ufeffn\r\n1234\r\n0.3\r\n');
  });

  test('formula injection defused in text cells; signed numbers typed as text left alone', () => {
    const csv = toCsv(['a'], [['=IMPORTDATA("http://x")'], ['+SUM(1)'], ['@cmd'], ['-2+3'], ['-5'], ['+7']], 'en');
    expect(parse(csv.slice(1), ',').map((r) => r[0])).toEqual([
      'a',
      `'=IMPORTDATA("http://x")`,
      "'+SUM(1)",
      "'@cmd",
      "'-2+3",
      '-5',
      '+7',
    ]);
  });

  test('any text survives the round trip through a CSV reader, in both conventions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        fc.constantFrom('ru', 'en') as fc.Arbitrary<'ru' | 'en'>,
        (rows, lang) => {
          const width = Math.max(1, ...rows.map((r) => r.length));
          const full = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
          const header = Array.from({ length: width }, (_, i) => `h${i}`);
          const back = parse(toCsv(header, full, lang).slice(1), lang === 'ru' ? ';' : ',');
          expect(back).toEqual([
            header,
            ...full.map((r) => r.map((s) => (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(s) ? `'${s}` : s))),
          ]);
        },
      ),
    );
  });
});
