import {
  CALLBACK_POLICIES,
  CALLBACK_RULES,
  type CallbackRule,
  DISPATCH_MODES,
  type DispatchMode,
  HANDOFF_REASONS,
  NOTIFICATION_KINDS,
  SLA_CLOCK_KINDS,
  SLA_CLOCK_STATES,
  type SlaClockKind,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
  WORK_ORDER_STATUSES,
  type WorkOrderStatus,
} from '@guanjia/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Option } from './vocab';

// Ticket vocabularies are stored in Chinese (they are data, as the estate's are); these keys name them.
export const TICKET_TYPE_KEY: Record<TicketType, string> = {
  报修: 'repair',
  投诉: 'complaint',
  咨询: 'consult',
  建议: 'suggestion',
  求助: 'help',
  表扬: 'praise',
};
export const TICKET_STATUS_KEY: Record<TicketStatus, string> = {
  待受理: 'pending',
  处理中: 'inProgress',
  待回访: 'awaitingCallback',
  已关闭: 'closed',
  已取消: 'cancelled',
};
export const PRIORITY_KEY: Record<TicketPriority, string> = {
  急: 'urgent',
  一般: 'normal',
  预约: 'appointment',
};
export const CHANNEL_KEY: Record<TicketChannel, string> = {
  phone: 'phone',
  'walk-in': 'walkIn',
  portal: 'portal',
  email: 'email',
  app: 'app',
  voicemail: 'voicemail',
  patrol: 'patrol',
  inspection: 'inspection',
};
export const WO_STATUS_KEY: Record<WorkOrderStatus, string> = {
  待派单: 'pending',
  已派单: 'dispatched',
  已接单: 'accepted',
  已到场: 'arrived',
  处理中: 'working',
  挂起: 'paused',
  已完成: 'done',
  已取消: 'cancelled',
};
export const DISPATCH_MODE_KEY: Record<DispatchMode, string> = {
  assign: 'assign',
  grab: 'grab',
  'round-robin': 'roundRobin',
  'least-load': 'leastLoad',
};
export const INELIGIBILITY = ['missing-skill', 'off-duty', 'at-cap'] as const;
export const INELIGIBILITY_KEY: Record<(typeof INELIGIBILITY)[number], string> = {
  'missing-skill': 'missingSkill',
  'off-duty': 'offDuty',
  'at-cap': 'atCap',
};

export const TICKET_STATUS_COLOR: Record<TicketStatus, string> = {
  待受理: 'orange',
  处理中: 'processing',
  待回访: 'purple',
  已关闭: 'success',
  已取消: 'default',
};
export const WO_STATUS_COLOR: Record<WorkOrderStatus, string> = {
  待派单: 'orange',
  已派单: 'blue',
  已接单: 'geekblue',
  已到场: 'cyan',
  处理中: 'processing',
  挂起: 'gold',
  已完成: 'success',
  已取消: 'default',
};
export const PRIORITY_COLOR: Record<TicketPriority, string> = { 急: 'red', 一般: 'default', 预约: 'blue' };
export const TYPE_COLOR: Record<TicketType, string> = {
  报修: 'blue',
  投诉: 'volcano',
  咨询: 'cyan',
  建议: 'geekblue',
  求助: 'magenta',
  表扬: 'green',
};

/** Keys built at run time from these vocabularies (the i18n test checks they all exist). */
export const SERVICE_DYNAMIC_KEYS: string[] = [
  ...TICKET_TYPES.map((v) => `vocab.ticketType.${TICKET_TYPE_KEY[v]}`),
  ...TICKET_STATUSES.map((v) => `vocab.ticketStatus.${TICKET_STATUS_KEY[v]}`),
  ...TICKET_PRIORITIES.map((v) => `vocab.priority.${PRIORITY_KEY[v]}`),
  ...TICKET_CHANNELS.map((v) => `vocab.ticketChannel.${CHANNEL_KEY[v]}`),
  ...WORK_ORDER_STATUSES.map((v) => `vocab.woStatus.${WO_STATUS_KEY[v]}`),
  ...SLA_CLOCK_KINDS.map((v) => `vocab.clockKind.${v}`),
  ...SLA_CLOCK_STATES.map((v) => `vocab.clockState.${v}`),
  ...DISPATCH_MODES.map((v) => `vocab.dispatchMode.${DISPATCH_MODE_KEY[v]}`),
  ...CALLBACK_RULES.map((v) => `vocab.callbackRule.${v}`),
  ...CALLBACK_POLICIES.map((v) => `vocab.callbackPolicy.${v}`),
  ...HANDOFF_REASONS.map((v) => `vocab.handoff.${v}`),
  ...INELIGIBILITY.map((v) => `vocab.ineligible.${INELIGIBILITY_KEY[v]}`),
  ...NOTIFICATION_KINDS.map((v) => `notifications.kinds.${v.replace('.', '_')}`),
  ...['ok', 'warning', 'breached'].map((v) => `sla.badge.${v}`),
];

function lookup<K extends string>(map: Record<K, string>, prefix: string, t: (key: string) => string) {
  return (value: string | null | undefined): string =>
    value && value in map ? t(`${prefix}.${map[value as K]}`) : (value ?? '—');
}

/** Display names of the service vocabularies in the user's language, and options for selects. */
export function useServiceVocab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const ticketType = lookup(TICKET_TYPE_KEY, 'vocab.ticketType', t);
    const ticketStatus = lookup(TICKET_STATUS_KEY, 'vocab.ticketStatus', t);
    const priority = lookup(PRIORITY_KEY, 'vocab.priority', t);
    const channel = lookup(CHANNEL_KEY, 'vocab.ticketChannel', t);
    const woStatus = lookup(WO_STATUS_KEY, 'vocab.woStatus', t);
    const dispatchMode = lookup(DISPATCH_MODE_KEY, 'vocab.dispatchMode', t);
    const clockKind = (v: SlaClockKind) => t(`vocab.clockKind.${v}`);
    const clockState = (v: string) => t(`vocab.clockState.${v}`, { defaultValue: v });
    const callbackRule = (v: CallbackRule | null | undefined) => (v ? t(`vocab.callbackRule.${v}`) : '—');
    const callbackPolicy = (v: string | null | undefined) =>
      v ? t(`vocab.callbackPolicy.${v}`, { defaultValue: v }) : '—';
    const handoff = (v: string | null | undefined) =>
      v ? t(`vocab.handoff.${v}`, { defaultValue: v }) : t('workOrders.holding');
    const ineligible = (v: string) =>
      v in INELIGIBILITY_KEY
        ? t(`vocab.ineligible.${INELIGIBILITY_KEY[v as keyof typeof INELIGIBILITY_KEY]}`)
        : v;
    const opts = <T extends string>(values: readonly T[], label: (v: T) => string): Option<T>[] =>
      values.map((value) => ({ value, label: label(value) }));
    return {
      language,
      ticketType,
      ticketStatus,
      priority,
      channel,
      woStatus,
      dispatchMode,
      clockKind,
      clockState,
      callbackRule,
      callbackPolicy,
      handoff,
      ineligible,
      typeOptions: opts(TICKET_TYPES, ticketType),
      statusOptions: opts(TICKET_STATUSES, ticketStatus),
      priorityOptions: opts(TICKET_PRIORITIES, priority),
      channelOptions: opts(TICKET_CHANNELS, channel),
      woStatusOptions: opts(WORK_ORDER_STATUSES, woStatus),
      dispatchModeOptions: opts(DISPATCH_MODES, dispatchMode),
      callbackPolicyOptions: opts(CALLBACK_POLICIES, callbackPolicy),
    };
  }, [t, language]);
}
