import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkBoundaries } from '../harness/boundaries';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'boundary-fixtures');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('the layers hold in src: core ← workspace ← addon, ui takes only types from addon, addon touches no sheet', () => {
  expect(checkBoundaries(ROOT)).toEqual([]);
});

describe('the checker catches each kind of wrong-way dependency (test/boundary-fixtures)', () => {
  const found = checkBoundaries(FIXTURES);
  const fixtures = sources(join(FIXTURES, 'src')).map((file) => ({
    file: relative(FIXTURES, file).split(sep).join('/'),
    expected: /^\/\/ boundary: (.+)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '(no expectation)',
  }));

  test.each(fixtures)('$file → $expected', ({ file, expected }) => {
    const rules = found.filter((v) => v.file === file).map((v) => v.rule);
    expect(rules).toEqual(expected === 'none' ? [] : [expected]);
  });

  test('every wrong-way import between layers has a fixture that makes it', () => {
    const wrongWay = [
      'core imports workspace',
      'core imports addon',
      'core imports ui',
      'workspace imports addon',
      'workspace imports ui',
      'addon imports ui',
      'ui imports workspace',
      'ui imports addon (not as a type)',
    ];
    const reported = new Set(found.map((v) => v.rule));
    expect(wrongWay.filter((rule) => !reported.has(rule))).toEqual([]);
  });
});
