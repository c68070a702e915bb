import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CORE = join(__dirname, '..', '..', 'src', 'core');
const SERVICES =
  /\b(SpreadsheetApp|FormApp|MailApp|ScriptApp|LockService|PropertiesService|HtmlService|Session|Utilities|Logger|CacheService|GmailApp|UrlFetchApp|DriveApp)\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('entry-point code reaches Apps Script only through the workspace adapters', () => {
  const offenders: string[] = [];
  for (const file of files(join(CORE, '..', 'addon'))) {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const hit =
      /\b(SpreadsheetApp|FormApp|MailApp|ScriptApp|LockService|PropertiesService|HtmlService|Session|Utilities|CacheService)\./.exec(
        code,
      );
    if (hit) offenders.push(`${file}: ${hit[0]}`);
  }
  expect(offenders).toEqual([]);
});

/**
 * Packages the core may import: pure code bundled into dist/Code.js, with no service, no I/O and no Node
 * or browser global (test/core/payment-bundle.test.ts runs the QR encoder in an empty V8 context).
 */
const PURE_PACKAGES = ['qrcode-generator'];

test('the domain core names no Apps Script service and imports nothing outside core', () => {
  const offenders: string[] = [];
  for (const file of files(CORE)) {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    if (SERVICES.test(code)) offenders.push(`${file}: ${SERVICES.exec(code)?.[0]}`);
    for (const m of code.matchAll(/from '([^']+)'/g))
      if (!m[1].startsWith('.') && !PURE_PACKAGES.includes(m[1])) offenders.push(`${file}: imports ${m[1]}`);
  }
  expect(offenders).toEqual([]);
});
