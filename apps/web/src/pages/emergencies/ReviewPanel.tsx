import type { Emergency } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { formatDateTime } from '../../format';

interface Values {
  cause: string;
  course: string;
  evaluation: string;
  rewardsPenalties?: string;
  rectifications?: { title: string; ownerId: number; dueDate: Dayjs }[];
}

/** 复盘: per-step compliance from the timers, the review text, and the rectification items to done. */
export function ReviewPanel({ e }: { e: Emergency }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const staff = useStaffNames();
  const [form] = Form.useForm<Values>();
  const done = (next: Emergency) => queryClient.setQueryData(['emergency', e.id], next);
  const write = useMutation({
    mutationFn: (v: Values) =>
      api.post<Emergency>(`/api/emergencies/${e.id}/review`, {
        ...v,
        rectifications: (v.rectifications ?? []).map((r) => ({
          ...r,
          dueDate: r.dueDate.format('YYYY-MM-DD'),
        })),
      }),
    onSuccess: done,
    onError: (error) => onError(error, { form }),
  });
  const tick = useMutation({
    mutationFn: (p: { id: number; done: boolean }) =>
      api.patch<Emergency>(`/api/emergencies/${e.id}/rectifications/${p.id}`, { done: p.done }),
    onSuccess: done,
    onError: (error) => onError(error),
  });
  const canWrite = can('emergencies.manage') && ['已控制', '已结束'].includes(e.status) && !e.closedAt;
  const staffOptions = [...(staff.data ?? new Map<number, string>())].map(([value, label]) => ({
    value,
    label,
  }));

  return (
    <Card title={t('emergencies.review.title')} size="small" data-testid="em-review">
      <Typography.Text strong>{t('emergencies.review.compliance')}</Typography.Text>
      <div style={{ margin: '8px 0 16px' }}>
        {e.compliance.map((c) => (
          <Tag key={c.stepId} color={c.met ? 'green' : 'orange'}>
            {c.title}：
            {c.met
              ? t('emergencies.review.met')
              : t('emergencies.review.lateBy', { minutes: c.lateMinutes ?? 0 })}
          </Tag>
        ))}
      </div>
      {e.review && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('emergencies.review.cause')}>{e.review.cause}</Descriptions.Item>
          <Descriptions.Item label={t('emergencies.review.course')}>{e.review.course}</Descriptions.Item>
          <Descriptions.Item label={t('emergencies.review.evaluation')}>
            {e.review.evaluation}
          </Descriptions.Item>
          <Descriptions.Item label={t('emergencies.review.rewards')}>
            {e.review.rewardsPenalties || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="">
            {t('emergencies.review.by', {
              name: e.review.reviewedByName,
              time: formatDateTime(e.review.reviewedAt),
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {e.rectifications.length > 0 && (
        <List
          header={<Typography.Text strong>{t('emergencies.review.rectifications')}</Typography.Text>}
          dataSource={e.rectifications}
          renderItem={(r) => (
            <List.Item>
              <Space>
                <Checkbox
                  checked={Boolean(r.doneAt)}
                  onChange={(ev) => tick.mutate({ id: r.id, done: ev.target.checked })}
                />
                <span>{r.title}</span>
                <Typography.Text type="secondary">
                  {r.ownerName} · {r.dueDate}
                </Typography.Text>
                {r.doneAt ? (
                  <Tag color="green">{t('emergencies.review.done')}</Tag>
                ) : (
                  r.overdue && <Tag color="red">{t('emergencies.review.overdue')}</Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {canWrite && !e.review && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => write.mutate(v)}>
          <Form.Item name="cause" label={t('emergencies.review.cause')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="review-cause" />
          </Form.Item>
          <Form.Item name="course" label={t('emergencies.review.course')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="review-course" />
          </Form.Item>
          <Form.Item
            name="evaluation"
            label={t('emergencies.review.evaluation')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={2} data-testid="review-evaluation" />
          </Form.Item>
          <Form.Item name="rewardsPenalties" label={t('emergencies.review.rewards')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.List name="rectifications">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}>
                      <Input placeholder={t('emergencies.review.item')} style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'ownerId']} rules={[{ required: true }]}>
                      <Select
                        placeholder={t('emergencies.review.owner')}
                        options={staffOptions}
                        style={{ width: 140 }}
                        showSearch
                        optionFilterProp="label"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true }]}>
                      <DatePicker placeholder={t('emergencies.review.dueDate')} />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>
                      {t('common.delete')}
                    </Button>
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} style={{ marginBottom: 12 }}>
                  {t('emergencies.review.addItem')}
                </Button>
              </>
            )}
          </Form.List>
          <div>
            <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="review-submit">
              {t('emergencies.review.write')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
