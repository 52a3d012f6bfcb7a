import type { SendPreview } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { toast } from '../../components/feedback';
import { formatHumanDateTime } from '../../format';

interface Props {
  open: boolean;
  /** Changes whenever the thing to send changes (the preview is fetched again). */
  previewKey: unknown;
  loadPreview: () => Promise<SendPreview>;
  confirming: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The last look before a mass message goes out: how many residents on which channel, the exact text
 * each channel carries, whether it is urgent, whether it will wait for a second person. Nothing is
 * sent until 确认; cancelling sends nothing.
 */
export function ConfirmSend({ open, previewKey, loadPreview, confirming, onConfirm, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const preview = useQuery({
    queryKey: ['send-preview', previewKey],
    queryFn: loadPreview,
    enabled: open,
    gcTime: 0,
    retry: false,
  });
  const p = preview.data;
  return (
    <Modal
      open={open}
      title={t('broadcasts.preview.title')}
      onCancel={onCancel}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel} data-testid="send-cancel">
          {t('broadcasts.preview.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={p?.urgent}
          disabled={!p || p.recipients === 0}
          loading={confirming}
          onClick={onConfirm}
          data-testid="send-confirm"
        >
          {p?.approvalRequired ? t('broadcasts.preview.confirmApproval') : t('broadcasts.preview.confirm')}
        </Button>,
      ]}
    >
      {preview.isLoading && <Spin tip={t('broadcasts.preview.loading')} />}
      {preview.error && <Alert type="error" showIcon message={errorText(preview.error)} />}
      {p && <PreviewBody p={p} t={t} locale={i18n.language} />}
    </Modal>
  );
}

function errorText(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

function PreviewBody({ p, t, locale }: { p: SendPreview; t: TFunction; locale: string }) {
  const rows = Object.entries(p.channels).map(([channel, count]) => ({
    channel,
    count,
    text: p.texts[channel as keyof SendPreview['texts']] ?? '',
  }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="send-preview">
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="send-recipients">
        {p.recipients
          ? t('broadcasts.preview.recipients', { count: p.recipients })
          : t('broadcasts.preview.none')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('broadcasts.preview.subject', { subject: p.subject })}
      </Typography.Text>
      <Alert
        type={p.urgent ? 'warning' : 'info'}
        showIcon
        message={p.urgent ? t('broadcasts.preview.urgent') : t('broadcasts.preview.normal')}
      />
      {p.approvalRequired && (
        <Alert
          type="warning"
          showIcon
          message={t('broadcasts.preview.approval', { threshold: p.threshold })}
          data-testid="send-approval"
        />
      )}
      {p.schedule && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('broadcasts.incident.planned')}>
            {t('broadcasts.preview.schedule', {
              announceAt: formatHumanDateTime(p.schedule.announceAt, locale),
            })}
            <br />
            {p.schedule.reminders.length
              ? t('broadcasts.preview.reminders', {
                  list: p.schedule.reminders.map((r) => formatHumanDateTime(r.at, locale)).join('、'),
                })
              : t('broadcasts.preview.noReminders')}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table
        size="small"
        rowKey="channel"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('broadcasts.preview.channel'),
            dataIndex: 'channel',
            width: 100,
            render: (c: string) => <Tag>{t(`broadcasts.channels.${c}`)}</Tag>,
          },
          { title: t('broadcasts.preview.count'), dataIndex: 'count', width: 80 },
          {
            title: t('broadcasts.preview.text'),
            dataIndex: 'text',
            render: (text: string, r) => (
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                data-testid={`send-text-${r.channel}`}
              >
                {text}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** A send held above the threshold: say so (it is not an error) and return true. */
export function reportHeld(error: unknown, t: TFunction): boolean {
  if (!(error instanceof ApiError) || error.code !== 'approval_required') return false;
  const d = (error.details ?? {}) as { recipients?: number; threshold?: number };
  void toast()?.message.warning(
    t('broadcasts.held', { recipients: d.recipients, threshold: d.threshold }),
    8,
  );
  return true;
}
