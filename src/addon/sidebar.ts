import { itemName } from '../core/catalog';
import { formatNumber } from '../core/i18n/format';
import { Lang } from '../core/i18n/lang';
import { ROLES, Role } from '../core/i18n/labels';
import { t } from '../core/i18n/translate';
import { unitsOf } from '../core/quantity';
import { DEFAULT_SETTINGS, SETTING_KEYS, SettingKey, parseSettings } from '../core/settings';
import {
  readCatalog,
  readPlaceRows,
  readPlaces,
  readSettingTexts,
  readVolunteers,
  writePlaces,
  writeSettings,
  writeVolunteers,
} from '../workspace/community';
import { DocumentStore } from '../workspace/properties/store';
import { readRounds } from '../workspace/rounds';
import { userLang } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { showRoundSheet } from '../workspace/results';
import { UserError } from './context';
import { loadRound } from './roundData';
import { RoundView, locked, toView } from './rounds';
import { supplierOrder } from './receiving';
import { alert, showDialog, showSidebarPage } from '../workspace/ui/dialogs';

export type ScreenName = 'rounds' | 'newRound' | 'tally' | 'offline' | 'participants' | 'emails' | 'settings';

/** Menu: opens the coordinator's panel (optionally on a given screen). */
export function showSidebar(screen: ScreenName = 'rounds'): void {
  const lang = userLang();
  showSidebarPage('Sidebar', t(lang, 'app.name'), { lang, screen });
}

export function showNewRound(): void {
  showSidebar('newRound');
}

export function showSettings(): void {
  showSidebar('settings');
}

export interface CatalogChoice {
  id: string;
  name: string;
  unit: string;
  priceMinor: number;
  box: number;
  problem: string;
}

export interface RoundsScreen {
  lang: Lang;
  rounds: RoundView[];
  catalog: CatalogChoice[];
  pickupPoints: string[];
  currency: string;
  deliverySplit: string;
  feePercent: number;
  timeZone: string;
}

/** Rounds screen: the list and everything the "new round" form needs, in one call. */
export function roundsScreen(): RoundsScreen {
  return locked((ctx) => {
    const catalog = readCatalog(ctx.book, ctx.settings, ctx.lang);
    const problems = new Map(catalog.problems.map((p) => [p.itemId, `${p.cell}: ${p.message}`]));
    const choices: CatalogChoice[] = [...catalog.items.values()].map((i) => ({
      id: i.id,
      name: itemName(i, ctx.lang),
      unit: i.unit,
      priceMinor: i.priceMinor,
      box: unitsOf(i.boxSteps, i.stepMilli),
      problem: problems.get(i.id) ?? '',
    }));
    for (const p of catalog.problems)
      if (!catalog.items.has(p.itemId))
        choices.push({ id: p.itemId, name: p.itemId, unit: '', priceMinor: 0, box: 1, problem: `${p.cell}: ${p.message}` });
    return {
      lang: ctx.lang,
      rounds: readRounds(ctx.book).map(toView).reverse(),
      catalog: choices,
      pickupPoints: readPlaces(ctx.book).pickup,
      currency: ctx.settings.currency,
      deliverySplit: ctx.settings.deliverySplit,
      feePercent: ctx.settings.feeBasisPoints / 100,
      timeZone: ctx.book.timeZone(),
    };
  });
}

export interface TallyItem {
  id: string;
  name: string;
  unit: string;
  ordered: number;
  extras: number;
  box: number;
  boxes: number;
  fullBoxes: number;
  toComplete: number;
  minimum: number;
  status: string;
  minimumReached: boolean;
  toBuy: number;
}

export interface TallyScreen {
  round: RoundView;
  items: TallyItem[];
  participants: number;
  goodsMinor: number;
  totalMinor: number;
}

/** Live tally: per item how full its boxes are and whether the minimum is reached. */
export function tallyScreen(roundId: string): TallyScreen {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    const items = data.tally.items.map((a) => {
      const item = data.items.get(a.itemId)!;
      const u = (s: number) => unitsOf(s, item.stepMilli);
      return {
        id: a.itemId,
        name: itemName(item, ctx.lang),
        unit: item.unit,
        ordered: u(a.orderedSteps),
        extras: u(a.extraSteps),
        box: u(item.boxSteps),
        boxes: a.boxes,
        fullBoxes: Math.floor(a.orderedSteps / item.boxSteps),
        toComplete: u(a.toCompleteBoxSteps),
        minimum: u(item.minimumSteps),
        status: t(ctx.lang, `status.${a.status}`),
        minimumReached: a.minimumReached,
        toBuy: u(a.boughtSteps),
      };
    });
    return {
      round: toView(data.record),
      items,
      participants: data.tally.participants.filter((p) => Object.keys(p.items).length > 0).length,
      goodsMinor: data.tally.money.goodsMinor,
      totalMinor: data.tally.money.totalMinor,
    };
  });
}

export interface OfflineScreen {
  round: RoundView;
  items: { id: string; name: string; unit: string; step: string; limit: string; box: number }[];
  buildings: string[];
  pickupPoints: string[];
  orders: {
    orderKey: string;
    name: string;
    building: string;
    flat: string;
    phone: string;
    email: string;
    lang: string;
    enteredBy: string;
    source: string;
    quantities: Record<string, number>;
    extras: Record<string, number>;
  }[];
}

/** Offline order screen: the round's items, the lists, and existing orders to edit. */
export function offlineScreen(roundId: string): OfflineScreen {
  return locked((ctx) => {
    const data = loadRound(ctx, String(roundId));
    return {
      round: toView(data.record),
      items: data.snapshot.items.map((i) => ({
        id: i.id,
        name: itemName(i, ctx.lang),
        unit: i.unit,
        step: formatNumber(unitsOf(1, i.stepMilli), ctx.lang),
        limit: i.limitSteps === null ? '' : formatNumber(unitsOf(i.limitSteps, i.stepMilli), ctx.lang),
        box: unitsOf(i.boxSteps, i.stepMilli),
      })),
      buildings: data.snapshot.buildings,
      pickupPoints: data.snapshot.pickupPoints,
      orders: data.orders
        .map((o) => ({
          orderKey: o.order.key,
          name: o.order.participant.name,
          building: o.order.participant.building,
          flat: o.order.participant.flat,
          phone: o.order.participant.phone,
          email: o.order.participant.email ?? '',
          lang: o.order.participant.lang,
          enteredBy: o.order.participant.enteredBy ?? '',
          source: o.order.source,
          quantities: Object.fromEntries(
            o.order.lines.map((l) => [l.itemId, unitsOf(l.steps, data.items.get(l.itemId)?.stepMilli ?? 1000)]),
          ),
          extras: Object.fromEntries(
            o.order.lines
              .filter((l) => l.extraSteps)
              .map((l) => [l.itemId, unitsOf(l.extraSteps, data.items.get(l.itemId)?.stepMilli ?? 1000)]),
          ),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}

export interface SettingsScreen {
  settings: Record<SettingKey, string>;
  notes: Record<SettingKey, string>;
  places: { kind: 'building' | 'pickup'; name: string; notes: string }[];
  volunteers: { email: string; name: string; role: Role; building: string }[];
}

export function settingsScreen(): SettingsScreen {
  return locked((ctx) => {
    const raw: Record<string, string> = { ...DEFAULT_SETTINGS, ...readSettingTexts(ctx.book) };
    return {
      settings: Object.fromEntries(SETTING_KEYS.map((k) => [k, raw[k]])) as Record<SettingKey, string>,
      notes: Object.fromEntries(SETTING_KEYS.map((k) => [k, t(ctx.lang, `setting.${k}`)])) as Record<SettingKey, string>,
      places: readPlaceRows(ctx.book)
        .map((p) => ({ ...p, kind: p.kind ?? ('building' as const) }))
        .filter((p) => p.name),
      volunteers: readVolunteers(ctx.book)
        .map((v) => ({ ...v, role: v.role ?? ('volunteer' as const) }))
        .filter((v) => v.email || v.name),
    };
  });
}

/** Saves the Settings, Buildings & pickup points and Volunteers sheets from the sidebar, each in one write. */
export function saveSettings(input: Partial<SettingsScreen>): SettingsScreen {
  locked((ctx) => {
    if (input.settings) {
      const values = { ...DEFAULT_SETTINGS, ...input.settings };
      const checked = parseSettings(SETTING_KEYS.map((k) => [k, values[k]]));
      const problems: string[] = [];
      if (String(values.currency).trim().toUpperCase() !== checked.currency)
        problems.push(t(ctx.lang, 'settings.currencyInvalid', { value: values.currency }));
      if (!checked.reminderOffsetsHours.length && String(values.reminderOffsetsHours).trim())
        problems.push(t(ctx.lang, 'settings.offsetsInvalid', { value: values.reminderOffsetsHours }));
      if (problems.length) throw new UserError(problems.join('\n'));
      writeSettings(
        ctx.book,
        Object.fromEntries(SETTING_KEYS.map((k) => [k, String(values[k] ?? '')])) as Record<SettingKey, string>,
      );
    }
    if (input.places)
      writePlaces(
        ctx.book,
        input.places
          .filter((p) => String(p.name ?? '').trim())
          .map((p) => ({
            kind: p.kind === 'pickup' ? 'pickup' : 'building',
            name: String(p.name).trim(),
            notes: String(p.notes ?? ''),
          })),
      );
    if (input.volunteers)
      writeVolunteers(
        ctx.book,
        input.volunteers
          .filter((v) => String(v.email ?? '').trim() || String(v.name ?? '').trim())
          .map((v) => ({
            email: String(v.email ?? '').trim(),
            name: String(v.name ?? '').trim(),
            role: ROLES.includes(v.role) ? v.role : 'volunteer',
            building: String(v.building ?? '').trim(),
          })),
      );
  });
  return settingsScreen();
}

/** Menu: the current round's form link, in a small dialog (a script cannot open a browser tab). */
export function showFormLink(): void {
  const lang = userLang();
  const open = readRounds(Book.open(DocumentStore.open()))
    .filter((r) => r.formUrl)
    .pop();
  showDialog(
    'Link',
    t(lang, 'menu.formLink'),
    {
      lang,
      title: open ? open.title : t(lang, 'menu.noRound'),
      url: open?.formUrl ?? '',
      editUrl: open?.formEditUrl ?? '',
      copyLabel: t(lang, 'ui.copy'),
      editLabel: t(lang, 'ui.editForm'),
    },
    { width: 420, height: 200 },
  );
}

/** Menu: printable distribution lists (A4, one building per page) for the latest closed round. */
export function showDistributionLists(roundId?: string): void {
  const lang = userLang();
  const rounds = readRounds(Book.open(DocumentStore.open()));
  const round = roundId
    ? rounds.find((r) => r.id === roundId)
    : [...rounds].reverse().find((r) => !['draft', 'open', 'cancelled'].includes(r.state));
  if (!round) {
    alert(t(lang, 'menu.noClosedRound'));
    return;
  }
  showDialog(
    'Print',
    t(lang, 'menu.distribution'),
    { lang, roundId: round.id, title: round.title, currency: round.currency },
    { width: 800, height: 600 },
  );
}

/** Menu: makes the latest closed round's supplier order and shows its sheet. */
export function showSupplierOrder(): void {
  const lang = userLang();
  const rounds = readRounds(Book.open(DocumentStore.open()));
  const round = [...rounds].reverse().find((r) => ['closed', 'ordered', 'arrived', 'distributed'].includes(r.state));
  if (!round) {
    alert(t(lang, 'menu.noClosedRound'));
    return;
  }
  supplierOrder(round.id);
  showRoundSheet(Book.open(DocumentStore.open()), round.id, 'supplier');
}
