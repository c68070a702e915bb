import { isDate } from './guard';
import { ColumnKey, EmailCollectionType, EmuForm, EmuItem, StoredResponse, TextRule } from './forms';
import { TriggerRecord } from './script';
import { EmuProtection } from './spreadsheet/protection';
import type { GridBox } from './spreadsheet/a1';
import { StoredCell } from './spreadsheet/values';
import { ValidationRule } from './spreadsheet/validation';
import { RecordedChart } from './spreadsheet/chart';
import { SentEmail } from './mail';
import { Workspace } from './workspace';

/**
 * The whole emulated workspace as plain JSON: the playground keeps it in a file so a restart
 * continues where it stopped. Dates are written as {"$date": ms}.
 */
export interface WorkspaceState {
  version: 1;
  now: number;
  spreadsheet: {
    name: string;
    zone: string;
    locale: string;
    sheets: {
      name: string;
      id: number;
      maxRows: number;
      maxColumns: number;
      frozenRows: number;
      hidden: boolean;
      hiddenColumns?: number[];
      columnWidths?: [number, number][];
      /** [row, column, value, formula, kind of a typed date] */
      cells: [number, number, unknown, string?, StoredCell['kind']?][];
      formats: [string, string][];
      validations: [string, ValidationRule][];
      protection: SavedProtection | null;
      rangeProtections?: (SavedProtection & { box: GridBox })[];
      charts: RecordedChart[];
    }[];
    toasts: { message: string; title: string; at: number }[];
  };
  properties: { script: [string, string][]; document: [string, string][]; users: [string, [string, string][]][] };
  triggers: TriggerRecord[];
  forms: {
    id: string;
    title: string;
    description: string;
    accepting: boolean;
    closedMessage: string;
    confirmation: string;
    collectEmail: boolean;
    emailCollection?: EmailCollectionType;
    owner?: string;
    editors?: string[];
    published?: boolean;
    columnKeys?: ColumnKey[];
    allowEdits: boolean;
    destinationSheetId: number | null;
    responses: StoredResponse[];
    items: {
      id: number;
      kind: EmuItem['kind'];
      title: string;
      helpText: string;
      required: boolean;
      choices: string[];
      validation: TextRule | null;
    }[];
  }[];
  mail: { sent: SentEmail[]; used: number; windowStart: number | null; dailyQuota: number };
  locales: [string, string][];
  /** emu-auth: the project's daily trigger runtime per user and who has not authorized (absent in older files). */
  project?: {
    triggerRuntime: [string, { start: number; usedMs: number }][];
    unauthorized: string[];
    grantedEarlier?: [string, string[]][];
  };
}

interface SavedProtection {
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit?: boolean;
}

const saveProtection = (p: EmuProtection): SavedProtection => ({
  description: p.description,
  warningOnly: p.warningOnly,
  editors: p.editors,
  domainEdit: p.domainEdit,
});

const encode = (v: unknown): unknown => (isDate(v) ? { $date: v.getTime() } : v);

export function saveState(ws: Workspace): WorkspaceState {
  const ss = ws.spreadsheet;
  const mail = ws.mail as unknown as { used: number; windowStart: number | null };
  return {
    version: 1,
    now: ws.clock.now(),
    spreadsheet: {
      name: ss.name,
      zone: ss.zone,
      locale: ss.localeName,
      toasts: ss.toasts.slice(-50),
      sheets: ss.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        maxRows: s.maxRows,
        maxColumns: s.maxColumns,
        frozenRows: s.frozenRows,
        hidden: s.hidden,
        ...(s.hiddenColumns.size ? { hiddenColumns: [...s.hiddenColumns] } : {}),
        ...(s.columnWidths.size ? { columnWidths: [...s.columnWidths] } : {}),
        cells: s.cells.flatMap((row, r) =>
          (row ?? []).flatMap((cell, c) =>
            cell
              ? [
                  [
                    r + 1,
                    c + 1,
                    encode(cell.value),
                    ...(cell.formula || cell.kind ? [cell.formula ?? ''] : []),
                    ...(cell.kind ? [cell.kind] : []),
                  ] as [number, number, unknown, string?, StoredCell['kind']?],
                ]
              : [],
          ),
        ),
        formats: [...s.formats],
        validations: [...s.validations],
        protection: s.protection && !s.protection.removed ? saveProtection(s.protection) : null,
        rangeProtections: s.rangeProtections
          .filter((p) => !p.removed && p.box)
          .map((p) => ({ ...saveProtection(p), box: p.box as GridBox })),
        charts: s.charts,
      })),
    },
    properties: {
      script: [...ws.properties.script.data],
      document: [...ws.properties.document.data],
      users: ws.project.userStores.map(([u, data]) => [u, [...data]]),
    },
    triggers: ws.triggers.triggers,
    forms: ws.forms.forms.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      accepting: f.accepting,
      closedMessage: f.closedMessage,
      confirmation: f.confirmation,
      collectEmail: f.collectEmail,
      emailCollection: f.emailCollection,
      owner: f.owner,
      editors: f.editors,
      published: f.published,
      columnKeys: f.columnKeys,
      allowEdits: f.allowEdits,
      destinationSheetId: f.destinationSheetId,
      responses: f.responses,
      items: f.items.map((i) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
        helpText: i.helpText,
        required: i.required,
        choices: i.choices,
        validation: i.validation,
      })),
    })),
    mail: { sent: ws.mail.sent, used: mail.used, windowStart: mail.windowStart, dailyQuota: ws.mail.dailyQuota },
    locales: [...ws.session.locales],
    project: {
      triggerRuntime: ws.project.triggerRuntime.snapshot(),
      unauthorized: [...ws.project.authorization.unauthorized],
      grantedEarlier: [...ws.project.authorization.grantedEarlier].map(([u, scopes]) => [u, [...scopes]]),
    },
  };
}

/** Loads a saved state into a fresh workspace (its script must be attached already). */
export function loadState(ws: Workspace, state: WorkspaceState): void {
  ws.clock.set(Math.max(ws.clock.now(), state.now));
  const ss = ws.spreadsheet;
  ss.name = state.spreadsheet.name;
  ss.zone = state.spreadsheet.zone;
  ss.localeName = state.spreadsheet.locale;
  ss.toasts = state.spreadsheet.toasts;
  ss.sheets = [];
  for (const s of state.spreadsheet.sheets) {
    const sheet = ss.addSheet(s.name);
    Object.assign(sheet, {
      id: s.id,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      frozenRows: s.frozenRows,
      hidden: s.hidden,
      hiddenColumns: new Set(s.hiddenColumns ?? []),
      columnWidths: new Map(s.columnWidths ?? []),
      charts: s.charts,
    });
    sheet.formats = new Map(s.formats);
    sheet.validations = new Map(s.validations);
    for (const [r, c, v, formula, kind] of s.cells) {
      const value =
        v && typeof v === 'object' && '$date' in (v as object) ? ws.runtime.newDate((v as { $date: number }).$date) : v;
      const cell: StoredCell = {
        value: value as StoredCell['value'],
        ...(formula ? { formula } : {}),
        ...(kind ? { kind } : {}),
      };
      (sheet.cells[r - 1] ??= [])[c - 1] = cell;
    }
    if (s.protection) sheet.protection = Object.assign(new EmuProtection(sheet.protectionHost, 'SHEET'), s.protection);
    sheet.rangeProtections = (s.rangeProtections ?? []).map(({ box, ...p }) =>
      Object.assign(new EmuProtection(sheet.protectionHost, 'RANGE', box), p),
    );
  }
  (ss as unknown as { nextSheetId: number }).nextSheetId = Math.max(0, ...ss.sheets.map((s) => s.id)) + 1;
  const fill = (store: { data: Map<string, string> }, entries: [string, string][]) => {
    store.data.clear();
    for (const [k, v] of entries) store.data.set(k, v);
  };
  fill(ws.properties.script, state.properties.script);
  fill(ws.properties.document, state.properties.document);
  for (const [user, entries] of state.properties.users) fill(ws.properties.user(user), entries);
  // Files saved before clock triggers had no source kept the creating file in sourceId.
  ws.triggers.triggers = state.triggers.map((t) =>
    t.source === 'CLOCK' && t.documentId === undefined ? { ...t, documentId: t.sourceId || ws.spreadsheet.id, sourceId: '' } : t,
  );
  if (state.project) {
    ws.project.triggerRuntime.restore(state.project.triggerRuntime);
    for (const u of state.project.unauthorized) ws.project.authorization.unauthorized.add(u);
    for (const [u, scopes] of state.project.grantedEarlier ?? []) ws.project.authorization.grantedEarlier.set(u, new Set(scopes));
  }
  ws.forms.forms.length = 0;
  for (const f of state.forms) {
    const form = new EmuForm(ws.forms, f.id);
    Object.assign(form, {
      title: f.title,
      description: f.description,
      accepting: f.accepting,
      closedMessage: f.closedMessage,
      confirmation: f.confirmation,
      emailCollection: f.emailCollection ?? (f.collectEmail ? ws.fidelity.collectEmailMeans : 'DO_NOT_COLLECT'),
      owner: f.owner ?? ws.owner,
      editors: f.editors ?? [],
      published: f.published ?? true,
      columnKeys: f.columnKeys ?? [],
      allowEdits: f.allowEdits,
      destinationSheetId: f.destinationSheetId,
      responses: f.responses,
    });
    form.items = f.items.map((i) =>
      Object.assign(new EmuItem(form, i.id, i.kind), {
        title: i.title,
        helpText: i.helpText,
        required: i.required,
        choices: i.choices,
        validation: i.validation,
      }),
    );
    // Item ids are never reused, also for questions deleted before the save.
    const seen = [...f.items.map((i) => i.id), ...(f.columnKeys ?? []).map((k) => Number(k.split(':')[1]) || 0)];
    form.nextItemId = Math.max(1000, ...seen) + 1;
    ws.forms.forms.push(form);
  }
  ws.mail.sent.length = 0;
  ws.mail.sent.push(...state.mail.sent);
  Object.assign(ws.mail, { used: state.mail.used, windowStart: state.mail.windowStart, dailyQuota: state.mail.dailyQuota });
  for (const [u, l] of state.locales) ws.session.locales.set(u, l);
}
