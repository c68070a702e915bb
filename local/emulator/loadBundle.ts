import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import gas from 'gas-local';
import { LEGACY_ALLOWANCES } from './fidelity';
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
  // The built add-on runs with the allowances it still needs (see fidelity.ts); a caller may pass STRICT.
  const fidelity = { ...LEGACY_ALLOWANCES, ...(options.fidelity ?? {}) };
  // The scopes are the manifest's, as `clasp push` uploads it: explicit oauthScopes are all the script gets.
  const workspace = new Workspace({ htmlFiles: readHtmlFiles(distDir), manifest: readManifest(distDir), ...options, fidelity });
  const context = scriptRealm(workspace);
  // gas-local contextifies the object it is given; it is already a context, so it is used as is.
  gas.require(distDir, context, { filter: (f: string) => f.endsWith('Code.js') });
  attach(workspace, context);
  return { workspace, context };
}

/** dist/appsscript.json, or nothing when absent (Apps Script then detects the scopes from the code). */
export function readManifest(distDir: string): { oauthScopes?: string[] } | undefined {
  const path = join(distDir, 'appsscript.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { oauthScopes?: string[] }) : undefined;
}

/**
 * A fresh V8 context holding only Apps Script's globals, whose Date reads the emulator's virtual
 * clock: in Apps Script `new Date()` is the time of the execution, and here that time is virtual.
 */
export function scriptRealm(workspace: Workspace): Record<string, any> {
  const context = vm.createContext(workspace.globals());
  const install = vm.runInContext(
    `(function (clock) {
    var RealDate = Date;
    function VirtualDate() {
      if (!new.target) return new RealDate(clock()).toString();
      return arguments.length ? new (Function.prototype.bind.apply(RealDate, [null].concat([].slice.call(arguments))))() : new RealDate(clock());
    }
    VirtualDate.prototype = RealDate.prototype;
    Object.defineProperty(RealDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
    VirtualDate.now = function () { return clock(); };
    VirtualDate.UTC = RealDate.UTC;
    VirtualDate.parse = RealDate.parse;
    globalThis.Date = VirtualDate;
  })`,
    context,
  ) as (clock: () => number) => void;
  install(() => workspace.clock.now());
  return context;
}

export function attach(workspace: Workspace, context: Record<string, any>): void {
  workspace.attach({
    fn: (name) => (typeof context[name] === 'function' ? context[name] : undefined),
    evaluate: (code) => vm.runInContext(code, context),
    DateCtor: vm.runInContext('Date', context),
  });
}

/** Loads a snippet of Apps Script code (for emulator tests) the same way, without gas-local's folder walk. */
export function loadScript(code: string, options: WorkspaceOptions = {}): LoadedAddOn {
  const workspace = new Workspace(options);
  const context = scriptRealm(workspace);
  vm.runInContext(code, context);
  attach(workspace, context);
  return { workspace, context };
}
