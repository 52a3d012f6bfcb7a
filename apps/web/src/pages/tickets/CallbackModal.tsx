import { FrownOutlined, SmileOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, Modal, Radio, Rate, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TicketDetail } from '../../api/types';
import { useApiError } from '../../components/feedback';
import { CategoryCascader } from './CategoryCascader';
import { DialButton } from './DialButton';

interface CallbackValues {
  reached: boolean;
  satisfied?: boolean;
  overall?: number;
  speed?: number;
  attitude?: number;
  comment?: string;
  /** The category of the complaint a dissatisfied callback raises (path of ids, root first). */
  complaintCategory?: number[];
}

/**
 * 回访: reached or not (a retry later), satisfied or not, three 1–5 scores and a comment. Not satisfied
 * reopens the ticket and raises a linked 投诉 ("如不满意按投诉处理"), which the dialog says up front.
 */
export function CallbackModal({
  ticket,
  open,
  onClose,
  onDone,
}: {
  ticket: {
    id: number;
    projectId: number;
    number: string;
    version: number;
    title?: string;
    /** As this role may see it (masked without pii.view); the dial button calls through the server. */
    contactPhone?: string | null;
  } | null;
  open: boolean;
  onClose: () => void;
  onDone?: (detail: TicketDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CallbackValues>();
  const reached = Form.useWatch('reached', form) ?? true;
  const satisfied = Form.useWatch('satisfied', form);

  const save = useMutation({
    mutationFn: (v: CallbackValues) => {
      const scores = Object.fromEntries(
        (['overall', 'speed', 'attitude'] as const)
          .filter((k) => typeof v[k] === 'number' && (v[k] ?? 0) > 0)
          .map((k) => [k, v[k]]),
      );
      return api.post<TicketDetail>(`/api/tickets/${ticket?.id}/callback`, {
        version: ticket?.version,
        reached: v.reached,
        ...(v.reached ? { satisfied: v.satisfied, ...(Object.keys(scores).length ? { scores } : {}) } : {}),
        comment: v.comment?.trim() || null,
        ...(v.reached && v.satisfied === false && v.complaintCategory?.length
          ? { categoryId: v.complaintCategory[v.complaintCategory.length - 1] }
          : {}),
      });
    },
    onSuccess: (detail, v) => {
      queryClient.setQueryData(['ticket', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['callbacks'] });
      void queryClient.invalidateQueries({ queryKey: ['ticket-events', detail.id] });
      void message.success(
        !v.reached
          ? t('callbacks.savedUnreached')
          : v.satisfied
            ? t('callbacks.savedSatisfied')
            : t('callbacks.savedDissatisfied'),
      );
      form.resetFields();
      onDone?.(detail);
      onClose();
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['ticket', ticket?.id] });
          void queryClient.invalidateQueries({ queryKey: ['callbacks'] });
          onClose();
        },
      }),
  });

  return (
    <Modal
      open={open}
      title={t('callbacks.recordTitle', { number: ticket?.number ?? '' })}
      okText={t('callbacks.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'callback-submit' } as ButtonProps}
    >
      {ticket?.title && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {ticket.title}
        </Typography.Paragraph>
      )}
      {ticket && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('desk.dial.phone')}：</Typography.Text>
          <DialButton
            dialUrl={`/api/tickets/${ticket.id}/dial`}
            phone={ticket.contactPhone ?? null}
            testId="callback-dial"
          />
        </div>
      )}
      <Form<CallbackValues>
        form={form}
        layout="vertical"
        initialValues={{ reached: true }}
        onFinish={(v) => save.mutate(v)}
        data-testid="callback-form"
      >
        <Form.Item name="reached" label={t('callbacks.reached')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              {
                value: true,
                label: <span data-testid="callback-reached-yes">{t('callbacks.reachedYes')}</span>,
              },
              {
                value: false,
                label: <span data-testid="callback-reached-no">{t('callbacks.reachedNo')}</span>,
              },
            ]}
          />
        </Form.Item>
        {reached ? (
          <>
            <Form.Item
              name="satisfied"
              label={t('callbacks.satisfied')}
              rules={[{ required: true, message: t('callbacks.satisfiedRequired') }]}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  {
                    value: true,
                    label: (
                      <span data-testid="callback-satisfied">
                        <SmileOutlined /> {t('callbacks.satisfiedYes')}
                      </span>
                    ),
                  },
                  {
                    value: false,
                    label: (
                      <span data-testid="callback-dissatisfied">
                        <FrownOutlined /> {t('callbacks.satisfiedNo')}
                      </span>
                    ),
                  },
                ]}
              />
            </Form.Item>
            {satisfied === false && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('callbacks.dissatisfiedHint')}
              />
            )}
            {satisfied === false && ticket && (
              <Form.Item
                name="complaintCategory"
                label={t('callbacks.complaintCategory')}
                extra={t('callbacks.complaintCategoryHint')}
                rules={[{ required: true, message: t('callbacks.complaintCategoryRequired') }]}
              >
                <CategoryCascader projectId={ticket.projectId} testId="callback-complaint-category" />
              </Form.Item>
            )}
            <Space size={24} wrap>
              {(['overall', 'speed', 'attitude'] as const).map((k) => (
                <Form.Item key={k} name={k} label={t(`callbacks.scores.${k}`)} style={{ marginBottom: 12 }}>
                  <Rate data-testid={`callback-score-${k}`} />
                </Form.Item>
              ))}
            </Space>
          </>
        ) : (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('callbacks.unreachedHint')} />
        )}
        <Form.Item
          name="comment"
          label={t('callbacks.comment')}
          rules={[{ max: 2000, message: t('validation.max', { max: 2000 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="callback-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
