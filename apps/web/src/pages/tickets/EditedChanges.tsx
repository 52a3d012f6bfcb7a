import type { TicketPriority, TicketType } from '@guanjia/shared';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../../api/types';
import { formatDateTime } from '../../format';
import { useServiceVocab } from '../../serviceVocab';

type Values = Record<string, unknown>;

/** Fields of a `ticket.edited` event in the order the correction form shows them. */
const FIELDS = [
  'type',
  'priority',
  'appointmentAt',
  'categoryId',
  'unitId',
  'residentId',
  'contactName',
  'contactPhone',
  'description',
] as const;
type Field = (typeof FIELDS)[number];

/**
 * What a correction changed, "类型：咨询 → 报修", from the event's before/after. Contact details are
 * recorded only as changed (the server masks them) and a new description only as edited.
 */
export function EditedChanges({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const before = (event.before && typeof event.before === 'object' ? event.before : {}) as Values;
  const after = (event.after && typeof event.after === 'object' ? event.after : {}) as Values;
  const none = t('tickets.edit.none');
  const shown = (field: Field, side: Values): string => {
    const v = side[field];
    if (v === null || v === undefined) return none;
    switch (field) {
      case 'type':
        return sv.ticketType(v as TicketType);
      case 'priority':
        return sv.priority(v as TicketPriority);
      case 'appointmentAt':
        return formatDateTime(String(v));
      case 'categoryId':
        return typeof side.categoryPath === 'string' ? side.categoryPath.replaceAll('/', ' › ') : `#${v}`;
      case 'unitId':
        return typeof side.unitLabel === 'string' ? side.unitLabel : `#${v}`;
      default:
        return String(v);
    }
  };
  const rows = FIELDS.filter((f) => f in after).map((f) => {
    const label = t(`tickets.edit.fields.${f}`);
    // Personal data and long text: that it changed, not what it says.
    if (f === 'contactName' || f === 'contactPhone' || f === 'description' || f === 'residentId')
      return t(after[f] === null ? 'tickets.edit.fieldCleared' : 'tickets.edit.fieldChanged', {
        field: label,
      });
    return t('tickets.edit.change', { field: label, from: shown(f, before), to: shown(f, after) });
  });
  return (
    <span data-testid="edited-changes" style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
      {rows.map((r) => (
        <span key={r}>{r}</span>
      ))}
    </span>
  );
}
