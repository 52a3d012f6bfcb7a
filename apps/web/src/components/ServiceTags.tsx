import type { TicketPriority, TicketStatus, TicketType, WorkOrderStatus } from '@guanjia/shared';
import { Tag } from 'antd';
import {
  PRIORITY_COLOR,
  TICKET_STATUS_COLOR,
  TYPE_COLOR,
  useServiceVocab,
  WO_STATUS_COLOR,
} from '../serviceVocab';

const tight = { marginInlineEnd: 0 };

export function TicketStatusTag({ status }: { status: TicketStatus }) {
  const vocab = useServiceVocab();
  return (
    <Tag color={TICKET_STATUS_COLOR[status]} style={tight} data-testid="ticket-status" data-status={status}>
      {vocab.ticketStatus(status)}
    </Tag>
  );
}

export function WorkOrderStatusTag({ status }: { status: WorkOrderStatus }) {
  const vocab = useServiceVocab();
  return (
    <Tag color={WO_STATUS_COLOR[status]} style={tight} data-testid="wo-status" data-status={status}>
      {vocab.woStatus(status)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: TicketPriority }) {
  const vocab = useServiceVocab();
  if (priority === '一般') return <Tag style={tight}>{vocab.priority(priority)}</Tag>;
  return (
    <Tag color={PRIORITY_COLOR[priority]} variant="solid" style={tight}>
      {vocab.priority(priority)}
    </Tag>
  );
}

export function TicketTypeTag({ type }: { type: TicketType }) {
  const vocab = useServiceVocab();
  return (
    <Tag color={TYPE_COLOR[type]} variant="outlined" style={tight}>
      {vocab.ticketType(type)}
    </Tag>
  );
}
