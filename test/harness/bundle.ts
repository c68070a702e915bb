import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LoadedAddOn, WorkspaceOptions, loadBundle } from '../../local/emulator';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let checked = false;

/** Builds dist/ when it is missing or older than src/ (npm test builds first, so this is usually a no-op). */
export function ensureBuilt(): void {
  if (checked) return;
  const code = join(DIST, 'Code.js');
  const stale =
    !existsSync(code) ||
    statSync(code).mtimeMs < Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'build.mjs')).mtimeMs);
  if (stale) execFileSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  checked = true;
}

/** A fresh emulated community with the built add-on loaded through gas-local: what `clasp push` would upload. */
export function loadAddOn(options: WorkspaceOptions = {}): LoadedAddOn {
  ensureBuilt();
  return loadBundle(DIST, options);
}
