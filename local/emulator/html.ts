import { guarded } from './guard';
import { Runtime } from './runtime';

/** Where templates run: the script's own global scope (so `include()` and other globals resolve). */
export interface ScriptRealm {
  evaluate(code: string): unknown;
}

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type OutputMembers =
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'setTitle'
  | 'getTitle'
  | 'setWidth'
  | 'getWidth'
  | 'setHeight'
  | 'getHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag';

export class EmuHtmlOutput implements Pick<GoogleAppsScript.HTML.HtmlOutput, OutputMembers> {
  readonly proxy: GoogleAppsScript.HTML.HtmlOutput;
  title = '';
  width = 300;
  height = 400;
  metaTags: Record<string, string> = {};

  constructor(
    public content: string,
    readonly fileName?: string,
  ) {
    this.proxy = guarded(this, 'HtmlOutput');
  }

  getContent() {
    return this.content;
  }

  setContent(content: string) {
    this.content = content;
    return this.proxy;
  }

  append(addedContent: string) {
    this.content += addedContent;
    return this.proxy;
  }

  appendUntrusted(addedContent: string) {
    this.content += escapeHtml(addedContent);
    return this.proxy;
  }

  setTitle(title: string) {
    this.title = title;
    return this.proxy;
  }

  getTitle() {
    return this.title;
  }

  setWidth(width: number) {
    this.width = width;
    return this.proxy;
  }

  getWidth() {
    return this.width;
  }

  setHeight(height: number) {
    this.height = height;
    return this.proxy;
  }

  getHeight() {
    return this.height;
  }

  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode) {
    return this.proxy;
  }

  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode) {
    return this.proxy;
  }

  addMetaTag(name: string, content: string) {
    this.metaTags[name] = content;
    return this.proxy;
  }
}

/**
 * Compiles HtmlService template syntax to a function: `<?= x ?>` prints x HTML-escaped, `<?!= x ?>`
 * prints it raw, `<? code ?>` runs code. https://developers.google.com/apps-script/guides/html/templates
 */
export function compileTemplate(source: string): string {
  let code = 'var __out = ""; with (__vars) {\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    code += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__out += __escape(${m[2]});\n`;
    else if (m[1] === '!=') code += `__out += String(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\n} return __out;`;
  return `(function (__vars, __escape) {\n${code}\n})`;
}

class EmuHtmlTemplate implements Pick<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getCode'> {
  readonly proxy: GoogleAppsScript.HTML.HtmlTemplate;
  [variable: string]: unknown;

  constructor(
    private runtime: Runtime,
    private realm: () => ScriptRealm,
    private source: string,
    private fileName?: string,
  ) {
    this.proxy = guarded(this, 'HtmlTemplate');
  }

  getCode() {
    return compileTemplate(this.source);
  }

  evaluate() {
    this.runtime.call('html', 'HtmlTemplate.evaluate');
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(this)) {
      if (!['proxy', 'runtime', 'realm', 'source', 'fileName'].includes(key)) vars[key] = this[key];
    }
    const fn = this.realm().evaluate(compileTemplate(this.source)) as (v: object, e: (x: unknown) => string) => string;
    return new EmuHtmlOutput(fn(vars, escapeHtml), this.fileName).proxy;
  }
}

type ServiceMembers =
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'SandboxMode'
  | 'XFrameOptionsMode';

export class EmuHtmlService implements Pick<GoogleAppsScript.HTML.HtmlService, ServiceMembers> {
  readonly proxy: GoogleAppsScript.HTML.HtmlService;
  readonly SandboxMode = {
    IFRAME: 'IFRAME',
    NATIVE: 'NATIVE',
    EMULATED: 'EMULATED',
  } as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = {
    ALLOWALL: 'ALLOWALL',
    DEFAULT: 'DEFAULT',
  } as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

  constructor(
    private runtime: Runtime,
    private files: Record<string, string>,
    private realm: () => ScriptRealm,
  ) {
    this.proxy = guarded(this, 'HtmlService');
  }

  private file(name: string): string {
    const content = this.files[name.replace(/\.html$/, '')];
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return content;
  }

  createHtmlOutput(html?: any) {
    if (html !== undefined && typeof html !== 'string') throw new Error('not emulated: HtmlService.createHtmlOutput(blob)');
    this.runtime.call('html', 'HtmlService.createHtmlOutput');
    return new EmuHtmlOutput(html ?? '').proxy;
  }

  createHtmlOutputFromFile(filename: string) {
    this.runtime.call('html', 'HtmlService.createHtmlOutputFromFile');
    return new EmuHtmlOutput(this.file(filename), filename).proxy;
  }

  createTemplate(html: any) {
    if (typeof html !== 'string') throw new Error('not emulated: HtmlService.createTemplate(blob)');
    this.runtime.call('html', 'HtmlService.createTemplate');
    return new EmuHtmlTemplate(this.runtime, this.realm, html).proxy;
  }

  createTemplateFromFile(filename: string) {
    this.runtime.call('html', 'HtmlService.createTemplateFromFile');
    return new EmuHtmlTemplate(this.runtime, this.realm, this.file(filename), filename).proxy;
  }
}
