import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import gas from 'gas-local';
import { Workspace, WorkspaceOptions } from './workspace';

export interface LoadedAddOn {
  workspace: Workspace;
  /** The script's global scope, as Apps Script would see it. */
  context: Record<string, any>;
}

export function readHtmlFiles(distDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(distDir)) if (f.endsWith('.html')) files[f.slice(0, -5)] = readFileSync(join(distDir, f), 'utf8');
  return files;
}

/**
 * Loads dist/Code.js through gas-local into a fresh context whose globals are only the emulated
 * services: gas-local's default mock object is shared between loads and would leak state.
 */
export function loadBundle(distDir: string, options: WorkspaceOptions = {}): LoadedAddOn {
  const workspace = new Workspace({ htmlFiles: readHtmlFiles(distDir), ...options });
  const context = gas.require(distDir, workspace.globals(), { filter: (f: string) => f.endsWith('Code.js') });
  workspace.attach({
    fn: (name) => (typeof context[name] === 'function' ? context[name] : undefined),
    evaluate: (code) => vm.runInContext(code, context),
    DateCtor: vm.runInContext('Date', context),
  });
  return { workspace, context };
}

/** Loads a snippet of Apps Script code (for emulator tests) the same way, without gas-local's folder walk. */
export function loadScript(code: string, options: WorkspaceOptions = {}): LoadedAddOn {
  const workspace = new Workspace(options);
  const context = vm.createContext(workspace.globals());
  vm.runInContext(code, context);
  workspace.attach({
    fn: (name) => (typeof context[name] === 'function' ? context[name] : undefined),
    evaluate: (src) => vm.runInContext(src, context),
    DateCtor: vm.runInContext('Date', context),
  });
  return { workspace, context };
}
