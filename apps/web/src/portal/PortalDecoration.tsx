import type { PortalMe } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, List, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { portalApi } from './api';

interface Values {
  unitId: number;
  company?: string;
  scope: string;
  period: [Dayjs, Dayjs];
}

/** 装修申请 from the portal (owners): the desk then signs the agreement and takes the deposit. */
export function PortalDecoration({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const owned = me.units.filter((u) => u.relation === '业主');
  const list = useQuery({
    queryKey: ['portal', 'decorations'],
    queryFn: () =>
      portalApi.get<{ items: { id: number; number: string; unitLabel: string; state: string }[] }>(
        '/api/portal/decorations',
      ),
  });
  const apply = useMutation({
    mutationFn: (v: Values) =>
      portalApi.post('/api/portal/decorations', {
        unitId: v.unitId,
        applicantName: me.residents[0]?.name ?? '',
        applicantPhone: me.phone,
        company: v.company ?? '',
        scope: v.scope,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['portal', 'decorations'] });
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('fds.portal.apply')}>
        {apply.isSuccess && (
          <Alert type="success" message={t('fds.portal.applied')} style={{ marginBottom: 8 }} />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => apply.mutate(v)}>
          <Form.Item name="unitId" label={t('fds.unit')} rules={[{ required: true }]}>
            <Select options={owned.map((u) => ({ value: u.id, label: u.label }))} />
          </Form.Item>
          <Form.Item name="company" label={t('fds.dec.company')}>
            <Input />
          </Form.Item>
          <Form.Item name="scope" label={t('fds.dec.scope')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="period" label={t('fds.dec.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={apply.isPending} disabled={!owned.length}>
            {t('fds.portal.apply')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('fds.portal.myDecorations')}>
        <List
          dataSource={list.data?.items ?? []}
          renderItem={(d) => (
            <List.Item>
              {d.number} {d.unitLabel} <Tag>{t(`fds.dec.states.${d.state}`)}</Tag>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
