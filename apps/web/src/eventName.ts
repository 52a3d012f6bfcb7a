import type { TFunction } from 'i18next';

/**
 * What an event is called in the user's language, for every place that shows one (ticket timeline,
 * record history, audit log): `workorder.dispatched` → 已派单. The timeline's and the mail part's own
 * labels first, then the full list in i18n/parts/events.ts; an action nobody named yet reads as
 * "<thing>变更", never as its code.
 */
export function eventName(t: TFunction, action: string): string {
  const id = action.replace('.', '_');
  const named = t([`timeline.actions.${id}`, `mail.actions.${id}`, `events.${id}`, `audit.actions.${id}`], {
    defaultValue: '',
  });
  if (named) return named;
  const thing = action.split('.')[0] ?? action;
  return t('events.other', {
    entity: t(`events.entities.${thing}`, { defaultValue: t('events.entities.record') }),
  });
}
