import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layers' rules, checked on source text: which layer may import which, where Apps Script services
 * may be named, and that addon never touches a Range or a Sheet. Run on src/ by the boundary test, and on
 * test/boundary-fixtures/ to show that each kind of wrong-way dependency is caught.
 */
export type Layer = 'core' | 'workspace' | 'addon' | 'ui';

const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: ['core'],
  workspace: ['core', 'workspace'],
  addon: ['core', 'workspace', 'addon'],
  ui: ['core', 'ui'],
};
/** Imports allowed for types only: the client takes the server's signatures, never its code. */
const MAY_IMPORT_TYPES: Record<Layer, Layer[]> = { core: [], workspace: [], addon: [], ui: ['addon'] };

const SERVICES =
  /\b(SpreadsheetApp|FormApp|MailApp|ScriptApp|LockService|PropertiesService|HtmlService|Session|Utilities|Logger|CacheService|GmailApp|UrlFetchApp|DriveApp|Charts)\b/;
/** Range and Sheet calls (and the Book's own sheet handles), which addon leaves to workspace. */
const SHEET_CALLS =
  /\.(getRange|getRangeList|getDataRange|getValues?|setValues?|getDisplayValues?|appendRow|getSheetByName|getSheets|insertSheet|createTextFinder|clearContent|setNumberFormat|getLastRow|getLastColumn|getMaxRows|insertRowsAfter|getSheetId|getSheet|setActiveSheet|getSpreadsheetTimeZone|setFrozenRows|protect|newChart|sheet|rows)\s*\(|\.ss\b/;

export interface Violation {
  file: string;
  rule: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, '$1');

interface Import {
  spec: string;
  typeOnly: boolean;
}

function importsOf(code: string): Import[] {
  const out: Import[] = [];
  const from = /\b(?:import|export)\s+(type\s+)?[\w*\s{},$]*?\bfrom\s*['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(from)) out.push({ spec: m[2], typeOnly: !!m[1] });
  // A side-effect import starts a statement; anchoring keeps a path like './import' from looking like one.
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push({ spec: m[1], typeOnly: false });
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

/** The layer a path is in, or where it is when it is outside src/ ('local', 'test', …). */
function placeOf(root: string, path: string): string {
  const parts = relative(root, path).split(sep);
  return parts[0] === 'src' ? (parts[1] ?? 'src') : parts[0];
}

/**
 * Packages the core may import: pure code bundled into dist/Code.js, with no service, no I/O and no Node
 * or browser global (test/core/payment-bundle.test.ts runs the QR encoder in an empty V8 context).
 */
const PURE_PACKAGES = ['qrcode-generator'];

export function checkBoundaries(root: string): Violation[] {
  const src = join(root, 'src');
  const out: Violation[] = [];
  for (const file of files(src)) {
    const layer = placeOf(root, file) as Layer;
    if (!(layer in MAY_IMPORT)) continue;
    const code = withoutComments(readFileSync(file, 'utf8'));
    const name = relative(root, file).split(sep).join('/');
    const flag = (rule: string) => out.push({ file: name, rule });
    for (const { spec, typeOnly } of importsOf(code)) {
      if (!spec.startsWith('.')) {
        if (layer === 'core' && !PURE_PACKAGES.includes(spec)) flag(`core imports the package ${spec}`);
        continue;
      }
      const target = placeOf(root, resolve(dirname(file), spec));
      if (!(target in MAY_IMPORT)) flag(`${layer} imports ${target}/ (outside src)`);
      else if (MAY_IMPORT[layer].includes(target as Layer)) continue;
      else if (typeOnly && MAY_IMPORT_TYPES[layer].includes(target as Layer)) continue;
      else flag(`${layer} imports ${target}${MAY_IMPORT_TYPES[layer].includes(target as Layer) ? ' (not as a type)' : ''}`);
    }
    const service = SERVICES.exec(code);
    if (service && (layer === 'core' || layer === 'addon')) flag(`${layer} names the Apps Script service ${service[1]}`);
    const call = SHEET_CALLS.exec(code);
    if (call && layer === 'addon') flag(`addon touches a sheet: ${call[0].replace(/\s*\($/, '')}`);
  }
  return out;
}
