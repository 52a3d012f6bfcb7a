import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { SubjectLink } from './SubjectLink';
import { type QaReview, STATUS_COLOR } from './types';
import { usePlan } from './usePlan';

/** 我的质检: the agent's own scored calls and tickets, what was deducted and why, and the appeal. */
export default function MyQualityPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [appealing, setAppealing] = useState<QaReview | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const plan = usePlan(projectId);
  const labelOf = (key: string) => plan.data?.checklist.find((i) => i.key === key)?.label ?? key;
  const list = useQuery({
    queryKey: ['qa-reviews', 'mine', page],
    queryFn: () => api.get<Page<QaReview>>('/api/qa/reviews', { page, pageSize: 20 }),
  });
  const appeal = useMutation({
    mutationFn: (reason: string) =>
      api.post<QaReview>(`/api/qa/reviews/${appealing?.id}/appeal`, { reason, version: appealing?.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['qa-reviews'] });
      void message.success(t('quality.appealed'));
      setAppealing(null);
      form.resetFields();
    },
    onError: (error) => onError(error),
  });
  // Items not yet scored are not findings: the agent sees a review once it has a score.
  const items = (list.data?.items ?? []).filter((r) => r.status !== '待评分');
  return (
    <>
      <PageHeader title={t('quality.mine')} subTitle={t('quality.mineSubtitle')} />
      <Card>
        {!list.isLoading && !items.length ? (
          <Empty description={t('quality.noFindings')} />
        ) : (
          <List<QaReview>
            loading={list.isLoading}
            dataSource={items}
            data-testid="my-reviews"
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
            renderItem={(r) => (
              <List.Item
                data-testid="my-review"
                actions={
                  r.status === '已评分'
                    ? [
                        <Button
                          key="appeal"
                          size="small"
                          onClick={() => setAppealing(r)}
                          data-testid="appeal-open"
                        >
                          {t('quality.appeal')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <SubjectLink review={r} />
                      <Tag color={STATUS_COLOR[r.status]}>{t(`quality.statuses.${r.status}`)}</Tag>
                      <Typography.Text strong data-testid="my-review-total">
                        {t('quality.scoreValue', { total: r.total ?? '—' })}
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <div>{formatDateTime(r.subjectAt)}</div>
                      {Object.entries(r.deductions).map(([key, points]) => (
                        <div key={key} data-testid="finding">
                          {t('quality.findingLine', { item: labelOf(key), points })}
                        </div>
                      ))}
                      {r.comment && <div>“{r.comment}”</div>}
                      {r.appealReason && (
                        <Typography.Text type="secondary">
                          {t('quality.appealReason')}：{r.appealReason}
                        </Typography.Text>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Modal
        open={Boolean(appealing)}
        title={t('quality.appealTitle')}
        okText={t('quality.appeal')}
        cancelText={t('common.cancel')}
        confirmLoading={appeal.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAppealing(null)}
        destroyOnHidden
        okButtonProps={{ id: 'appeal-submit' }}
      >
        <Form form={form} layout="vertical" onFinish={(v) => appeal.mutate(v.reason.trim())}>
          <Form.Item
            name="reason"
            label={t('quality.appealReason')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 6 }}
              maxLength={2000}
              data-testid="appeal-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
