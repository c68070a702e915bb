import { resolveLang } from '../../../core/i18n/lang';
import { MessageKey, t } from '../../../core/i18n/translate';
import { el, append, clear, notice } from '../../shared/dom';
import { call, setServerLang } from '../../shared/server';
import { Screen, ScreenContext, roundPicker } from './screens/context';
import { roundsScreen } from './screens/rounds';
import { tallyScreen } from './screens/tally';
import { offlineScreen } from './screens/offline';
import { participantsScreen } from './screens/participants';
import { emailsScreen } from './screens/emails';
import { settingsScreen } from './screens/settings';
import { chatImportScreen } from './screens/chatImport';
import { chatMessagesScreen } from './screens/chatMessages';
import { receiveScreen } from './screens/receive';
import { moneyScreen } from './screens/money';
import { statementScreen } from './screens/statement';
import { buildingScreen } from './screens/building';
import { checkScreen, lateTickBanner } from './screens/check';
import { complaintsScreen } from './screens/complaints';

const lang = resolveLang(document.body.dataset.lang);
setServerLang(lang);
const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);

const all: Record<string, Screen> = {
  rounds: roundsScreen,
  tally: tallyScreen,
  offline: offlineScreen,
  chat: chatImportScreen,
  messages: chatMessagesScreen,
  participants: participantsScreen,
  receive: receiveScreen,
  money: moneyScreen,
  statement: statementScreen,
  emails: emailsScreen,
  settings: settingsScreen,
  building: buildingScreen,
  check: checkScreen,
  complaints: complaintsScreen,
};
/**
 * Which screens a person sees, by the role the server found (every server call checks it again): the
 * coordinator everything, the treasurer the money, a building volunteer their building and its orders.
 */
const VIEWS: Record<string, string[]> = {
  coordinator: [
    'rounds',
    'tally',
    'offline',
    'chat',
    'messages',
    'participants',
    'receive',
    'money',
    'statement',
    'emails',
    'complaints',
    'settings',
    'check',
  ],
  finance: ['participants', 'money', 'statement', 'complaints'],
  volunteer: ['building', 'offline', 'chat', 'messages', 'complaints'],
};
const view = VIEWS[document.body.dataset.view ?? ''] ?? VIEWS.coordinator;
const screens: Record<string, Screen> = Object.fromEntries(view.map((name) => [name, all[name]]));
const needsRound = new Set(['tally', 'offline', 'chat', 'messages', 'participants', 'receive', 'money', 'emails', 'complaints']);

const tabs = document.getElementById('tabs') as HTMLElement;
const banner = document.getElementById('banner') as HTMLElement;
const picker = document.getElementById('round-picker') as HTMLElement;
const main = document.getElementById('screen') as HTMLElement;
const asked = document.body.dataset.screen === 'newRound' ? 'rounds' : document.body.dataset.screen || view[0];
let current = view.includes(asked) ? asked : view[0];
let roundId = '';
let rounds: { id: string; title: string; state: string }[] = [];

const ctx: ScreenContext = {
  lang,
  tr,
  call,
  roundId: () => roundId,
  setRounds(list) {
    rounds = list;
    if (!roundId || !rounds.some((r) => r.id === roundId)) roundId = rounds[0]?.id ?? '';
  },
  go(screen: string, id?: string) {
    if (id) roundId = id;
    current = screen;
    void show();
    // The hourly check late (its owner gone, out of quota, or needing to authorize again): said on every screen.
    void lateTickBanner(ctx).then((node) => {
      if (node && banner) append(banner, node);
    });
  },
  newRound: document.body.dataset.screen === 'newRound',
  flash(kind, text, anchor) {
    flashed = { kind, text, anchor };
  },
};
let flashed: { kind: 'ok' | 'error'; text: string; anchor?: string } | null = null;

/** The flashed message next to the button that caused it (found by its data-flash mark), else on top. */
function showFlash(node: HTMLElement): void {
  if (!flashed) return;
  const slot = flashed.anchor ? node.querySelector(`[data-flash="${CSS.escape(flashed.anchor)}"]`) : null;
  if (slot) append(slot, notice(flashed.kind, flashed.text));
  else main.insertBefore(notice(flashed.kind, flashed.text), main.firstChild);
  flashed = null;
}

function renderTabs(): void {
  clear(tabs);
  for (const name of Object.keys(screens)) {
    append(
      tabs,
      el(
        'button',
        { type: 'button', role: 'tab', 'aria-selected': String(name === current), onclick: () => ctx.go(name) },
        tr(`ui.tab.${name}` as MessageKey),
      ),
    );
  }
}

function renderPicker(): void {
  clear(picker);
  if (!needsRound.has(current) || rounds.length === 0) return;
  append(picker, roundPicker(ctx, rounds, roundId, current));
}

let shown = 0;

/** Shows the current screen; a newer call supersedes an older one still loading. */
async function show(): Promise<void> {
  const mine = ++shown;
  main.setAttribute('aria-busy', 'true');
  renderTabs();
  if (needsRound.has(current) && !rounds.length) {
    const list = await call('listRounds').catch(() => []);
    if (mine !== shown) return;
    ctx.setRounds(list);
  }
  renderPicker();
  clear(main);
  append(main, notice('info', tr('ui.loading')));
  try {
    if (needsRound.has(current) && !roundId) {
      clear(main);
      append(main, notice('info', tr('ui.round.none')));
      main.setAttribute('aria-busy', 'false');
      return;
    }
    const node = await screens[current](ctx);
    if (mine !== shown) return;
    clear(main);
    append(main, node);
    showFlash(node);
  } catch (err) {
    if (mine !== shown) return;
    clear(main);
    append(main, notice('error', (err as Error).message));
  } finally {
    if (mine === shown) main.setAttribute('aria-busy', 'false');
  }
}

void show();
// The hourly check late (its owner gone, out of quota, or needing to authorize again): said on every screen.
void lateTickBanner(ctx).then((node) => {
  if (node && banner) append(banner, node);
});
