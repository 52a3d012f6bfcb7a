import { AimOutlined, AuditOutlined, EditOutlined, TeamOutlined } from '@ant-design/icons';
import type { TicketDetail } from '@guanjia/shared/api';
import { Alert, Button, Card, Descriptions, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { useNow } from '../../components/useNow';
import { formatDateTime } from '../../format';
import {
  AssignModal,
  ClassifyModal,
  type HandlingDialog,
  ReviewModal,
  SuperviseModal,
} from './HandlingDialogs';
import { GradeTag, ReviewTag } from './labels';
import { OverdueCauseModal } from './OverdueWeekTab';
import { SupervisionBanner } from './SupervisionBanner';
import { useHandlingCommand } from './useHandlingCommand';

const when = (v: string | null) => (v ? formatDateTime(v).slice(0, 16) : '—');

/**
 * The ticket's 投诉闭环 panel: who answers for it (department, person) and its 督办 for any ticket; for a
 * complaint also its grade and cause, the promised reply time (Q53), the progress replies to the resident
 * (Q54) and the review of its handling result.
 */
export function HandlingPanel({ ticket: tk }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const now = useNow();
  const [dialog, setDialog] = useState<HandlingDialog>(null);
  const close = () => setDialog(null);
  const h = tk.handling;
  const complaint = tk.type === '投诉';
  const open = tk.status !== '已关闭' && tk.status !== '已取消';
  const write = can('tickets.write') && open;
  const supervise = can('complaints.supervise') && open;
  const promiseMissed =
    complaint && h.promisedReplyAt && !h.firstReplyAt && Date.parse(h.promisedReplyAt) < now && open;

  return (
    <Card
      size="small"
      title={complaint ? t('complaints.panel.title') : t('complaints.panel.handlingTitle')}
      style={{ marginBottom: 16 }}
      data-testid="handling-panel"
      extra={
        <Space size={4} wrap>
          {write && (
            <Button
              size="small"
              icon={<TeamOutlined />}
              onClick={() => setDialog('assign')}
              data-testid="action-assign"
            >
              {t('complaints.panel.assign')}
            </Button>
          )}
          {supervise && (
            <Button
              size="small"
              icon={<AimOutlined />}
              onClick={() => setDialog('supervise')}
              data-testid="action-supervise"
            >
              {t('complaints.panel.supervise')}
            </Button>
          )}
          {tk.allowedActions.includes('review') && (
            <Button
              size="small"
              type="primary"
              icon={<AuditOutlined />}
              onClick={() => setDialog('review')}
              data-testid="action-review"
            >
              {t('complaints.panel.review')}
            </Button>
          )}
        </Space>
      }
    >
      {h.supervision && <SupervisionBanner s={h.supervision} />}
      {tk.reviewState === 'pending' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('complaints.panel.reviewPending')}
        />
      )}
      {tk.reviewState === 'rejected' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('complaints.panel.reviewRejected', { note: h.reviewNote ?? '' })}
        />
      )}
      <Descriptions size="small" column={1} style={{ marginBottom: complaint ? 12 : 0 }}>
        <Descriptions.Item label={t('complaints.panel.department')}>
          {h.departmentName ?? t('complaints.panel.unassigned')}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.panel.assignee')}>
          <span data-testid="handling-assignee">{h.assigneeName ?? t('complaints.panel.unassigned')}</span>
        </Descriptions.Item>
        {complaint && (
          <Descriptions.Item label={t('complaints.panel.grade')}>
            <Space size={4}>
              <GradeTag grade={tk.grade} />
              {tk.cause && t(`complaints.causes.${tk.cause}`)}
              <ReviewTag state={tk.reviewState} />
              {write && (
                <Button
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setDialog('classify')}
                >
                  {t('complaints.panel.classify')}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
        )}
        {complaint && (
          <Descriptions.Item label={t('complaints.panel.promised')}>
            <Typography.Text type={promiseMissed ? 'danger' : undefined} data-testid="promised-reply">
              {when(h.promisedReplyAt)}
              {promiseMissed && ` · ${t('complaints.panel.promiseMissed')}`}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {complaint && (
          <Descriptions.Item label={t('complaints.panel.firstReply')}>
            {h.firstReplyAt ? when(h.firstReplyAt) : t('complaints.panel.notReplied')}
          </Descriptions.Item>
        )}
        {h.handlingResult && (
          <Descriptions.Item label={t('complaints.panel.result')}>{h.handlingResult}</Descriptions.Item>
        )}
        {complaint && (h.overdueCause || tk.sla.state === 'breached') && (
          <Descriptions.Item label={t('complaints.panel.overdueCause')}>
            <Space size={4}>
              {h.overdueCause ?? '—'}
              {can('tickets.write') && (
                <Button size="small" type="link" onClick={() => setDialog('overdueCause')}>
                  {t('complaints.panel.recordOverdueCause')}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      {complaint && <Replies ticket={tk} canWrite={can('tickets.write') && tk.status !== '已取消'} />}
      <AssignModal ticket={tk} open={dialog === 'assign'} onClose={close} />
      <SuperviseModal ticket={tk} open={dialog === 'supervise'} onClose={close} />
      <ReviewModal ticket={tk} open={dialog === 'review'} onClose={close} />
      <ClassifyModal ticket={tk} open={dialog === 'classify'} onClose={close} />
      <OverdueCauseModal
        item={
          dialog === 'overdueCause' ? { id: tk.id, version: tk.version, overdueCause: h.overdueCause } : null
        }
        onClose={close}
      />
    </Card>
  );
}

/** Q54: the progress replies sent to the resident, and a box to send the next one. */
function Replies({ ticket: tk, canWrite }: { ticket: TicketDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const send = useHandlingCommand(tk.id, 'replies', t('complaints.panel.replied'), () => setText(''));
  return (
    <>
      <Typography.Text strong>{t('complaints.panel.replies')}</Typography.Text>
      <List
        size="small"
        dataSource={tk.handling.replies}
        locale={{ emptyText: t('complaints.panel.noReplies') }}
        data-testid="complaint-replies"
        renderItem={(r) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Typography.Text>{r.body}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {when(r.createdAt)} · {r.authorName ?? '—'} ·{' '}
                {r.channel
                  ? t('complaints.panel.sentBy', { channel: t(`complaints.panel.channels.${r.channel}`) })
                  : t('complaints.panel.notSent')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {canWrite && (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('complaints.panel.replyPlaceholder')}
            data-testid="reply-input"
          />
          <Button
            type="primary"
            disabled={!text.trim()}
            loading={send.isPending}
            onClick={() => send.mutate({ body: text.trim() })}
            data-testid="reply-send"
          >
            {t('complaints.panel.sendReply')}
          </Button>
        </Space.Compact>
      )}
    </>
  );
}
