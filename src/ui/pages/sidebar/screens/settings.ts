import { LANGS, LANG_NAMES } from '../../../../core/i18n/lang';
import { placeKindLabel, roleLabel } from '../../../../core/i18n/labels';
import { actionButton, append, el, field, select, statusLine } from '../../../shared/dom';
import { Screen } from './context';

/** Community settings, buildings and pickup points, volunteers and their roles. */
export const settingsScreen: Screen = async (ctx) => {
  const { tr, lang } = ctx;
  const data = await ctx.call('settingsScreen');
  const status = statusLine();
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const settingsBox = el('div');
  for (const [key, value] of Object.entries(data.settings)) {
    const choices = data.choices[key as keyof typeof data.choices];
    // A value typed by hand in the sheet that is not on the list stays, as typed, so saving loses nothing.
    const input = choices
      ? select(choices.some((c) => c.value === value) || !value ? choices : [...choices, { value, label: value }], value)
      : el('input', { type: 'text', value });
    inputs.set(key, input);
    append(settingsBox, field(data.notes[key as keyof typeof data.notes] || key, input));
  }
  const placeRows = el('div');
  const addPlace = (p = { kind: 'building' as 'building' | 'pickup', name: '', notes: '' }) => {
    const kind = select(
      [
        { value: 'building', label: placeKindLabel('building', lang) },
        { value: 'pickup', label: placeKindLabel('pickup', lang) },
      ],
      p.kind,
    );
    const name = el('input', { type: 'text', value: p.name, 'aria-label': tr('ui.settings.placeName') });
    kind.setAttribute('aria-label', tr('ui.settings.placeKind'));
    append(placeRows, el('div', { className: 'row place' }, kind, name));
  };
  data.places.forEach((p) => addPlace(p));
  const volunteerRows = el('div');
  const addVolunteer = (
    v: (typeof data.volunteers)[number] = { email: '', name: '', role: 'volunteer', building: '', lang: '' },
  ) => {
    const role = select(
      (['coordinator', 'volunteer', 'finance'] as const).map((r) => ({ value: r, label: roleLabel(r, lang) })),
      v.role,
    );
    role.setAttribute('aria-label', tr('ui.settings.role'));
    // The language of the volunteer's tab and emailed list.
    const speaks = select(
      [{ value: '', label: tr('ui.settings.communityLang') }, ...LANGS.map((l) => ({ value: l, label: LANG_NAMES[l] }))],
      v.lang,
    );
    speaks.setAttribute('aria-label', tr('ui.settings.volunteerLang'));
    append(
      volunteerRows,
      el(
        'div',
        { className: 'card volunteer' },
        el('input', { type: 'email', value: v.email, placeholder: 'email', 'aria-label': tr('ui.offline.email') }),
        el('input', { type: 'text', value: v.name, placeholder: tr('ui.offline.name'), 'aria-label': tr('ui.offline.name') }),
        role,
        el('input', {
          type: 'text',
          value: v.building,
          placeholder: tr('ui.offline.building'),
          'aria-label': tr('ui.offline.building'),
        }),
        speaks,
      ),
    );
  };
  data.volunteers.forEach((v) => addVolunteer(v));
  const save = actionButton(
    tr('ui.save'),
    async () => {
      try {
        await ctx.call('saveSettings', {
          settings: Object.fromEntries([...inputs].map(([k, i]) => [k, i.value])) as typeof data.settings,
          places: [...placeRows.querySelectorAll('.place')].map((row) => {
            const [kind, name] = row.querySelectorAll('select, input') as unknown as [HTMLSelectElement, HTMLInputElement];
            return { kind: kind.value as 'building', name: name.value, notes: '' };
          }),
          volunteers: [...volunteerRows.querySelectorAll('.volunteer')].map((row) => {
            const [email, name, role, building, speaks] = row.querySelectorAll('input, select') as unknown as [
              HTMLInputElement,
              HTMLInputElement,
              HTMLSelectElement,
              HTMLInputElement,
              HTMLSelectElement,
            ];
            return {
              email: email.value,
              name: name.value,
              role: role.value as 'volunteer',
              building: building.value,
              lang: speaks.value as 'ru' | '',
            };
          }),
        });
        status.show('ok', tr('ui.saved'));
      } catch (err) {
        status.show('error', (err as Error).message);
      }
    },
    'primary',
    tr('ui.working'),
  );
  return el(
    'form',
    { 'aria-label': tr('ui.tab.settings'), onsubmit: (e: Event) => e.preventDefault() },
    status.element,
    el('h1', {}, tr('ui.tab.settings')),
    settingsBox,
    el('h2', {}, tr('ui.settings.places')),
    placeRows,
    el('button', { type: 'button', className: 'secondary', onclick: () => addPlace() }, tr('ui.settings.addPlace')),
    el('h2', {}, tr('ui.settings.volunteers')),
    volunteerRows,
    el('button', { type: 'button', className: 'secondary', onclick: () => addVolunteer() }, tr('ui.settings.addVolunteer')),
    el('div', { className: 'row' }, save),
  );
};
