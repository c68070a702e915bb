import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { Deployment, LoadedAddOn, Workspace, loadBundle, loadState, saveState } from '../emulator';
import { isDate } from '../emulator/guard';
import { displayValue } from '../emulator/spreadsheet/values';
import { Scenario, runSteps } from '../scenario/steps';
import { renderForm } from './formPage';
import { escapeHtml } from '../emulator/html';
import { SHIM } from './shim';
import { columnNumber, sheetNames } from '../../src/workspace/sheets/schema';

export interface PlaygroundOptions {
  root: string;
  port: number;
  reset: boolean;
  /** Where the state lives between runs. */
  stateFile: string;
  /** The browser app (built by start.mjs). */
  appJs: string;
  appCss: string;
  appHtml: string;
  /** 'bound' (one script per community, README "Deploy": the default) or 'addon' (one published add-on). */
  deployment: Deployment;
}

/** One community in the emulator, kept in a file so a restart continues where it stopped. */
export class Playground {
  loaded: LoadedAddOn;
  user: string;
  log: string[] = [];

  constructor(private o: PlaygroundOptions) {
    this.loaded = this.fresh();
    this.user = this.ws.owner;
    if (!o.reset && existsSync(o.stateFile)) {
      loadState(this.ws, JSON.parse(readFileSync(o.stateFile, 'utf8')));
      this.log.push(`restored ${o.stateFile}`);
    } else {
      this.seed();
    }
    this.openSpreadsheet();
  }

  get ws(): Workspace {
    return this.loaded.workspace;
  }

  private fresh(): LoadedAddOn {
    const demo = this.demo();
    const opts = demo.options ?? {};
    // No allowance: the bundle runs under STRICT, as in the tests (local/emulator/fidelity.ts).
    return loadBundle(join(this.o.root, 'dist'), {
      deployment: this.o.deployment,
      timeZone: opts.timeZone,
      locale: opts.locale,
      mailQuota: opts.mailQuota,
      now: opts.now ? Date.parse(opts.now) : undefined,
    });
  }

  private demo(): Scenario {
    return JSON.parse(readFileSync(join(this.o.root, 'scenarios', 'demo-community.json'), 'utf8')) as Scenario;
  }

  seed(): void {
    runSteps(this.ws, this.demo().steps, { line: (l) => this.log.push(l) });
    this.save();
  }

  reset(): void {
    this.loaded = this.fresh();
    this.user = this.ws.owner;
    this.seed();
    this.openSpreadsheet();
  }

  /** Opening the spreadsheet runs onOpen for the current user, which builds the add-on menu. */
  openSpreadsheet(): void {
    this.ws.ui.menus = [];
    this.tryRun('onOpen', [{ authMode: 'LIMITED' }]);
  }

  save(): void {
    mkdirSync(join(this.o.stateFile, '..'), { recursive: true });
    writeFileSync(this.o.stateFile, JSON.stringify(saveState(this.ws)));
  }

  tryRun(fn: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; error: string } {
    try {
      return { ok: true, value: this.ws.run(fn, args, { user: this.user }) };
    } catch (err) {
      return { ok: false, error: String((err as Error)?.message ?? err) };
    }
  }

  callable(): string[] {
    return Object.keys(this.loaded.context.AddOn.entryPoints).filter((n) => !n.endsWith('_'));
  }
}

function hasDate(v: unknown): boolean {
  if (isDate(v)) return true;
  if (Array.isArray(v)) return v.some(hasDate);
  if (v && typeof v === 'object') return Object.values(v).some(hasDate);
  return false;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function html(res: http.ServerResponse, body: string, csp?: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...(csp ? { 'content-security-policy': csp } : {}),
  });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

export function startServer(p: Playground, o: PlaygroundOptions): http.Server {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      const ws = p.ws;
      if (req.method === 'GET' && path === '/') return html(res, o.appHtml);
      if (path === '/app.js') return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(o.appJs);
      if (path === '/app.css') return void res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(o.appCss);

      if (path === '/api/state') {
        const ss = ws.spreadsheet;
        const volunteers = ss.sheets.find((s) => sheetNames('volunteers').includes(s.name));
        const email = columnNumber('volunteers', 'email');
        const users = [ws.owner];
        if (volunteers)
          for (let r = 2; r <= volunteers.dataExtent().rows; r++)
            if (volunteers.read(r, email)) users.push(String(volunteers.read(r, email)));
        return json(res, 200, {
          now: ws.clock.now(),
          timeZone: ss.zone,
          locale: ss.localeName,
          user: p.user,
          users,
          userLocale: ws.session.locales.get(p.user) ?? 'en',
          sheets: ss.sheets.map((s) => ({ name: s.name, rows: s.dataExtent().rows })),
          menus: ws.ui.menus,
          toasts: ss.toasts.slice(-3),
          alerts: ws.ui.alerts.slice(-3),
          pages: ws.ui.pages.map((pg, n) => ({ n, kind: pg.kind, title: pg.title })),
          quota: ws.mail.dailyQuota - (ws.mail as unknown as { used: number }).used,
          forms: ws.forms.forms.map((f) => ({ id: f.id, title: f.title, accepting: f.accepting })),
          executions: ws.executions
            .slice(-40)
            .reverse()
            .map((e) => ({
              fn: e.functionName,
              cause: e.cause,
              user: e.user,
              at: e.startedAt,
              ms: (e.endedAt ?? e.startedAt) - e.startedAt,
              error: e.error ?? '',
            })),
          triggers: ws.triggers.triggers.map((t) => ({
            handler: t.handler,
            type: t.type,
            user: t.user,
            nextAt: t.nextAt ?? null,
          })),
        });
      }
      if (path === '/api/sheet') {
        const sheet = ws.spreadsheet.sheet(url.searchParams.get('name') ?? '');
        if (!sheet) return json(res, 404, { error: 'no such sheet' });
        const { rows, columns } = sheet.dataExtent();
        const shownRows = Math.min(rows, 600);
        const values: string[][] = [];
        const formulas: string[][] = [];
        for (let r = 1; r <= shownRows; r++) {
          const line: string[] = [];
          const fl: string[] = [];
          for (let c = 1; c <= Math.max(columns, 1); c++) {
            const cell = sheet.cell(r, c);
            line.push(displayValue(cell, sheet.formats.get(sheet.key(r, c)), ws.spreadsheet.localeName, ws.spreadsheet.zone));
            fl.push(cell?.formula ?? '');
          }
          values.push(line);
          formulas.push(fl);
        }
        // What a phone needs to draw the cells people may tick or pick from (Sheets mobile draws checkboxes
        // and dropdowns from the cells' data validation) and the columns it hides.
        const controls: Record<string, { kind: 'checkbox' } | { kind: 'list'; values: string[] }> = {};
        for (const [key, rule] of sheet.validations) {
          const [r] = key.split(',').map(Number);
          if (r > shownRows) continue;
          if (rule.kind === 'checkbox') controls[key] = { kind: 'checkbox' };
          else if (rule.kind === 'list') controls[key] = { kind: 'list', values: rule.values.map(String) };
        }
        return json(res, 200, {
          name: sheet.name,
          rows,
          columns,
          values,
          formulas,
          frozen: sheet.frozenRows,
          truncated: rows > shownRows,
          controls,
          hiddenColumns: [...sheet.hiddenColumns],
          columnWidths: Object.fromEntries(sheet.columnWidths),
          protectedFor: sheet.protection && !sheet.protection.allows(p.user) ? p.user : null,
        });
      }
      if (path === '/api/edit' && req.method === 'POST') {
        // A person edits a cell on their phone (Sheets mobile app): protections, validation and the edit
        // triggers with the real event object, as local/emulator/userEdit.ts plays them.
        const { sheet, row, column, value } = JSON.parse(await readBody(req)) as {
          sheet: string;
          row: number;
          column: number;
          value: unknown;
        };
        const result = ws.edit(p.user, sheet, [row, column], value);
        p.save();
        return json(res, 200, {
          ok: result.ok,
          error: result.error ?? '',
          runs: result.runs.map((r) => ({ fn: r.functionName, user: r.user, error: r.error ?? '' })),
        });
      }
      if (path === '/api/menu' && req.method === 'POST') {
        const { fn } = JSON.parse(await readBody(req)) as { fn: string };
        if (!p.callable().includes(fn)) return json(res, 400, { ok: false, error: `not a menu function: ${fn}` });
        const before = ws.ui.pages.length;
        const result = p.tryRun(fn, []);
        p.save();
        return json(res, 200, { ...result, page: ws.ui.pages.length > before ? ws.ui.pages.length - 1 : null });
      }
      if (path === '/api/run' && req.method === 'POST') {
        const { fn, args } = JSON.parse(await readBody(req)) as { fn: string; args: unknown[] };
        if (!p.callable().includes(fn)) return json(res, 200, { ok: false, error: `Script function not found: ${fn}` });
        const result = p.tryRun(fn, Array.isArray(args) ? args : []);
        p.save();
        if (result.ok && hasDate(result.value))
          return json(res, 200, { ok: false, error: 'Illegal value: Date objects cannot be returned to the client.' });
        return json(res, 200, result.ok ? { ok: true, value: result.value === undefined ? null : result.value } : result);
      }
      if (path === '/api/as' && req.method === 'POST') {
        const { user, locale } = JSON.parse(await readBody(req)) as { user?: string; locale?: string };
        if (user) p.user = user;
        if (locale) ws.session.locales.set(p.user, locale);
        p.openSpreadsheet();
        p.save();
        return json(res, 200, { ok: true });
      }
      if (path === '/api/clock' && req.method === 'POST') {
        const { hours, toDeadline } = JSON.parse(await readBody(req)) as { hours?: number; toDeadline?: boolean };
        let target = ws.clock.now() + (hours ?? 0) * 3600_000;
        if (toDeadline) {
          const rounds = ws.spreadsheet.sheets.find((s) => ['Закупки', '团购期数', 'Rounds'].includes(s.name));
          const deadlines: number[] = [];
          if (rounds)
            for (let r = 2; r <= rounds.dataExtent().rows; r++) {
              const d = rounds.read(r, 4);
              if (rounds.read(r, 3) === 'open' && isDate(d)) deadlines.push(d.getTime());
            }
          target = deadlines.length ? Math.min(...deadlines) + 65 * 60_000 : target;
        }
        const fired = ws.advanceTo(Math.max(target, ws.clock.now()));
        p.save();
        return json(res, 200, { now: ws.clock.now(), fired: fired.map((f) => ({ fn: f.functionName, error: f.error ?? '' })) });
      }
      if (path === '/api/reset' && req.method === 'POST') {
        p.reset();
        return json(res, 200, { ok: true });
      }
      if (path === '/api/outbox') {
        return json(res, 200, {
          sent: ws.mail.sent.map((m, i) => ({ i, to: m.to, subject: m.subject, sentAt: m.sentAt })).reverse(),
          quota: ws.mail.dailyQuota - (ws.mail as unknown as { used: number }).used,
          dailyQuota: ws.mail.dailyQuota,
        });
      }
      const mail = /^\/mail\/(\d+)(\.txt)?$/.exec(path);
      if (mail) {
        const m = ws.mail.sent[Number(mail[1])];
        if (!m) return json(res, 404, { error: 'no such email' });
        if (mail[2]) return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(m.body);
        // An email's HTML is shown as a mail client would: no scripts may run in it, and an inline image
        // (cid:key) is the part MailApp attached under that key.
        const inline = (body: string) =>
          body.replace(/cid:([\w-]+)/g, (all, key: string) => {
            const image = m.inlineImages?.[key];
            return image ? `data:${image.contentType ?? 'image/gif'};base64,${Buffer.from(image.bytes).toString('base64')}` : all;
          });
        return html(
          res,
          m.htmlBody ? inline(m.htmlBody) : `<pre>${escapeHtml(m.body)}</pre>`,
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        );
      }
      const page = /^\/page\/(\d+)$/.exec(path);
      if (page) {
        const shown = ws.ui.pages[Number(page[1])];
        if (!shown) return json(res, 404, { error: 'no such page' });
        return html(res, shown.html.getContent().replace(/<head>/i, `<head>${SHIM}`));
      }
      const form = /^\/form\/([\w-]+)$/.exec(path);
      if (form) {
        const f = ws.forms.byId(form[1]);
        if (!f) return json(res, 404, { error: 'no such form' });
        if (req.method === 'POST') {
          const fields = new URLSearchParams(await readBody(req));
          const answers: Record<string, string> = {};
          f.items.forEach((item, n) => (answers[item.title] = fields.get(`q${n}`) ?? ''));
          const editId = fields.get('edit') || undefined;
          const email = fields.get('email') ?? (editId ? f.responses.find((r) => r.id === editId)?.email : '') ?? '';
          const result = ws.submitForm(f.id, { answers, email, editResponseId: editId });
          p.save();
          if (!result.ok)
            return html(
              res,
              renderForm(f, {
                answers,
                email,
                errors: result.errors,
                editId,
                notice: result.closed ? `<p class="closed">${escapeHtml(result.closed)}</p>` : undefined,
              }),
            );
          const link = `/form/${f.id}?edit=${encodeURIComponent(result.responseId)}`;
          return html(
            res,
            renderForm(f, {
              notice: `<div class="done"><p>${escapeHtml(f.confirmation || 'Your response has been recorded.')}</p><p><a id="edit-link" href="${link}">Edit your response</a></p></div>`,
            }),
          );
        }
        const editId = url.searchParams.get('edit') ?? undefined;
        const response = editId ? f.responses.find((r) => r.id === editId) : undefined;
        return html(res, renderForm(f, { answers: response?.answers, email: response?.email, editId: response?.id }));
      }
      json(res, 404, { error: 'not found' });
    } catch (err) {
      json(res, 500, { error: String((err as Error)?.stack ?? err) });
    }
  });
  return server;
}
