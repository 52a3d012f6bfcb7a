import {
  CheckOutlined,
  CloseCircleOutlined,
  CustomerServiceOutlined,
  EditOutlined,
  MessageOutlined,
  PlusOutlined,
  RedoOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { Permission } from '@guanjia/shared';
import { Button } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { TicketAction, TicketDetail } from '../../api/types';

export type Dialog =
  | 'answer'
  | 'reply'
  | 'close'
  | 'cancel'
  | 'reopen'
  | 'callback'
  | 'workOrder'
  | 'edit'
  | null;

/** The ticket page's action buttons: only what the ticket allows now and the user may do. */
export function ticketActionButtons({
  ticket: tk,
  can,
  t,
  open: setDialog,
  confirm,
}: {
  ticket: TicketDetail;
  can: (permission: Permission) => boolean;
  t: TFunction;
  open: (dialog: Dialog) => void;
  confirm: (action: TicketAction, title: string) => void;
}): ReactNode[] {
  const allowed = new Set(tk.allowedActions);
  const write = can('tickets.write');
  const buttons: ReactNode[] = [];
  if (write && allowed.has('accept'))
    buttons.push(
      <Button
        key="accept"
        type="primary"
        icon={<CheckOutlined />}
        onClick={() => confirm('accept', t('tickets.confirm.accept'))}
        data-testid="action-accept"
      >
        {t('tickets.actions.accept')}
      </Button>,
    );
  if (can('callbacks.write') && allowed.has('callback'))
    buttons.push(
      <Button
        key="callback"
        type="primary"
        icon={<CustomerServiceOutlined />}
        onClick={() => setDialog('callback')}
        data-testid="action-callback"
      >
        {t('tickets.actions.callback')}
      </Button>,
    );
  if (write && allowed.has('answer'))
    buttons.push(
      <Button
        key="answer"
        icon={<MessageOutlined />}
        onClick={() => setDialog('answer')}
        data-testid="action-answer"
      >
        {t('tickets.actions.answer')}
      </Button>,
    );
  if (write && allowed.has('resolve'))
    buttons.push(
      <Button
        key="resolve"
        icon={<CheckOutlined />}
        onClick={() =>
          // A complaint is resolved by replying to the resident (the server asks for the text).
          tk.type === '投诉' ? setDialog('reply') : confirm('resolve', t('tickets.confirm.resolve'))
        }
        data-testid="action-resolve"
      >
        {t('tickets.actions.resolve')}
      </Button>,
    );
  if (can('tickets.dispatch') && tk.status === '处理中')
    buttons.push(
      <Button
        key="wo"
        icon={<PlusOutlined />}
        onClick={() => setDialog('workOrder')}
        data-testid="action-add-wo"
      >
        {t('tickets.actions.addWorkOrder')}
      </Button>,
    );
  if (write && allowed.has('close'))
    buttons.push(
      <Button
        key="close"
        icon={<CloseCircleOutlined />}
        onClick={() => setDialog('close')}
        data-testid="action-close"
      >
        {t('tickets.actions.close')}
      </Button>,
    );
  if (write && allowed.has('reopen'))
    buttons.push(
      <Button
        key="reopen"
        icon={<RedoOutlined />}
        onClick={() => setDialog('reopen')}
        data-testid="action-reopen"
      >
        {t('tickets.actions.reopen')}
      </Button>,
    );
  // 更正: what intake got wrong (type, category, priority, contact…), while the ticket is still open.
  if (write && tk.status !== '已关闭' && tk.status !== '已取消')
    buttons.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="action-edit">
        {t('tickets.actions.edit')}
      </Button>,
    );
  if (write && allowed.has('cancel'))
    buttons.push(
      <Button
        key="cancel"
        danger
        icon={<StopOutlined />}
        onClick={() => setDialog('cancel')}
        data-testid="action-cancel"
      >
        {t('tickets.actions.cancel')}
      </Button>,
    );
  return buttons;
}
