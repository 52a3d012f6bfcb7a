import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, Statistic, Table } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { SubjectLink } from './SubjectLink';
import type { ChecklistItem, QaReview } from './types';

interface Values {
  deductions: Record<string, number | null>;
  comment?: string;
}

/**
 * Score a sampled call or ticket against the checklist: a deduction per item, capped at its weight.
 * On an appealed review the same sheet settles the appeal (申诉中 → 已复核).
 */
export function ScoreDrawer({
  review,
  checklist,
  onClose,
}: {
  review: QaReview | null;
  checklist: ChecklistItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const deductions = Form.useWatch('deductions', form) ?? {};
  const deducted = checklist.reduce(
    (sum, i) => sum + Math.min(i.weight, Math.max(0, Number(deductions[i.key] ?? 0) || 0)),
    0,
  );
  useEffect(() => {
    if (review) form.setFieldsValue({ deductions: review.deductions, comment: review.comment ?? '' });
  }, [review, form]);
  const score = useMutation({
    mutationFn: (v: Values) =>
      api.post<QaReview>(`/api/qa/reviews/${review?.id}/score`, {
        deductions: Object.fromEntries(
          Object.entries(v.deductions ?? {}).filter(
            (e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0,
          ),
        ),
        comment: v.comment?.trim() || null,
        version: review?.version,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['qa-reviews'] });
      void queryClient.invalidateQueries({ queryKey: ['qa-monthly'] });
      void message.success(t('quality.scored'));
      onClose();
    },
    onError: (error) => onError(error),
  });
  return (
    <Drawer
      open={Boolean(review)}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={review?.status === '申诉中' ? t('quality.settleTitle') : t('quality.scoreTitle')}
      extra={
        <Button
          type="primary"
          loading={score.isPending}
          onClick={() => form.submit()}
          data-testid="score-save"
        >
          {t('quality.saveScore')}
        </Button>
      }
    >
      {review && (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 12 }}
            items={[
              { key: 's', label: t('quality.subject'), children: <SubjectLink review={review} /> },
              { key: 'a', label: t('quality.agent'), children: review.agentName ?? t('events.unknownStaff') },
              {
                key: 't',
                label: t('quality.subjectAt'),
                children: formatDateTime(review.subjectAt),
              },
              ...(review.subject?.transcript
                ? [{ key: 'tr', label: t('quality.transcript'), children: review.subject.transcript }]
                : []),
            ]}
          />
          {review.status === '申诉中' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('quality.appealReason')}
              description={review.appealReason}
            />
          )}
          <Form form={form} layout="vertical" onFinish={(v) => score.mutate(v)}>
            <Table<ChecklistItem>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={checklist}
              columns={[
                { title: t('quality.item'), dataIndex: 'label' },
                { title: t('quality.weight'), dataIndex: 'weight', width: 70 },
                {
                  title: t('quality.deduction'),
                  key: 'd',
                  width: 110,
                  render: (_: unknown, item) => (
                    <Form.Item name={['deductions', item.key]} noStyle>
                      <InputNumber
                        min={0}
                        max={item.weight}
                        size="small"
                        data-testid={`deduct-${item.key}`}
                      />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <Statistic
              style={{ margin: '12px 0' }}
              title={t('quality.total')}
              value={Math.max(0, 100 - deducted)}
              data-testid="score-total"
            />
            <Form.Item name="comment" label={t('quality.comment')}>
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={2000}
                data-testid="score-comment"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
