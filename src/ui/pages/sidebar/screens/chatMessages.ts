import type { ChatMessage, ChatMessagesScreen } from '../../../../addon/screens/chatMessages';
import { LANGS, LANG_NAMES } from '../../../../core/i18n/lang';
import { append, clear, el, field, notice, select, statusLine } from '../../../shared/dom';
import { copyText } from '../../../shared/clipboard';
import { Screen, ScreenContext } from './context';

/** The choices survive switching tabs: a coordinator posting in a Chinese chat stays in Chinese. */
const chosen: { lang?: string; emoji?: boolean; building?: string } = {};

/** One message: its text, editable before copying, and a copy button that says what happened next to it. */
function messageCard(ctx: ScreenContext, m: ChatMessage): HTMLElement {
  const { tr } = ctx;
  const card = el('div', { className: 'card message', 'data-kind': m.kind }, el('h2', {}, m.label));
  if (!m.text) {
    append(card, notice('info', m.note));
    return card;
  }
  const rows = Math.min(14, Math.max(4, m.text.split('\n').length + 1));
  const area = el('textarea', { rows, spellcheck: 'false', 'aria-label': m.label });
  area.value = m.text;
  const status = statusLine();
  const copy = el('button', { type: 'button', className: 'action' }, tr('ui.messages.copy'));
  copy.addEventListener('click', async () => {
    const how = await copyText(area);
    status.show('ok', tr(how === 'copied' ? 'ui.messages.copied' : 'ui.messages.pressCopy'));
  });
  append(card, area, el('div', { className: 'row copy' }, copy, status.element));
  if (m.kind === 'unpaid') append(card, el('div', { className: 'muted' }, tr('ui.messages.unpaidPrivacy')));
  return card;
}

function controls(ctx: ScreenContext, data: ChatMessagesScreen, reload: () => void): HTMLElement {
  const { tr } = ctx;
  const lang = select(
    LANGS.map((l) => ({ value: l, label: LANG_NAMES[l] })),
    data.lang,
  );
  lang.addEventListener('change', () => {
    chosen.lang = lang.value;
    reload();
  });
  const emoji = el('input', { type: 'checkbox', checked: data.emoji });
  emoji.addEventListener('change', () => {
    chosen.emoji = emoji.checked;
    reload();
  });
  const box = el('div', { className: 'controls' }, field(tr('ui.messages.lang'), lang));
  if (data.canManage) append(box, el('label', { className: 'tick' }, emoji, tr('ui.messages.emoji')));
  if (data.buildings.length > 1 || !data.canManage) {
    const building = select(
      [{ value: '', label: tr('ui.chat.wholeCommunity') }, ...data.buildings.map((b) => ({ value: b, label: b }))],
      data.building,
    );
    building.addEventListener('change', () => {
      chosen.building = building.value;
      reload();
    });
    append(box, field(tr('ui.messages.building'), building));
  }
  return box;
}

/** Ready-to-paste messages for the round's chats, and the 接龙 list to paste back, each with a copy button. */
export const chatMessagesScreen: Screen = async (ctx) => {
  const root = el('section', { className: 'messages', 'aria-label': ctx.tr('ui.tab.messages') });
  const body = el('div');
  const load = async () => {
    const data = await ctx.call('chatMessagesScreen', ctx.roundId(), chosen);
    clear(body);
    append(
      body,
      controls(ctx, data, () => void reload()),
      ...data.messages.map((m) => messageCard(ctx, m)),
    );
  };
  const reload = async () => {
    body.setAttribute('aria-busy', 'true');
    try {
      await load();
    } catch (err) {
      clear(body);
      append(body, notice('error', (err as Error).message));
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  };
  await load();
  append(root, el('h1', {}, ctx.tr('ui.tab.messages')), el('p', { className: 'muted' }, ctx.tr('ui.messages.intro')), body);
  return root;
};
