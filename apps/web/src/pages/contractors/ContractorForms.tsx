import type { Contractor, ContractorVisit } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';
import { thisMonth } from '../patrol/PatrolTags';

function useSaved(keys: string[][]) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return () => {
    void message.success(t('contractors.saved'));
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
}

export function ContractModal({ contractor, onClose }: { contractor: Contractor; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const saved = useSaved([['contractors']]);
  const [form] = Form.useForm<{ title: string; scope?: string; range: [Dayjs, Dayjs]; amount: number }>();
  const save = useMutation({
    mutationFn: (v: { title: string; scope?: string; range: [Dayjs, Dayjs]; amount: number }) =>
      api.post(`/api/contractors/${contractor.id}/contracts`, {
        title: v.title,
        scope: v.scope ?? '',
        startsOn: v.range[0].format('YYYY-MM-DD'),
        endsOn: v.range[1].format('YYYY-MM-DD'),
        amountFen: Math.round(v.amount * 100),
        systems: contractor.systems,
      }),
    onSuccess: () => {
      saved();
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  return (
    <Modal
      open
      title={t('contractors.addContract')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="title"
          label={t('contractors.contractTitle')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="scope" label={t('contractors.scope')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="range"
          label={`${t('contractors.startsOn')} – ${t('contractors.endsOn')}`}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('contractors.amount')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface VisitValues {
  visitorName: string;
  headcount: number;
  purpose: string;
  workOrderNumber?: string;
  inspectionTaskId?: number;
  safetyBriefing: boolean;
}

export function SignInModal({ contractor, onClose }: { contractor: Contractor; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const saved = useSaved([['contractor-visits']]);
  const [form] = Form.useForm<VisitValues>();
  const save = useMutation({
    mutationFn: (v: VisitValues) =>
      api.post('/api/contractor-visits', {
        ...v,
        projectId: contractor.projectId,
        contractorId: contractor.id,
        workOrderNumber: v.workOrderNumber || null,
        inspectionTaskId: v.inspectionTaskId ?? null,
      }),
    onSuccess: () => {
      saved();
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  return (
    <Modal
      open
      title={t('contractors.signIn')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<VisitValues>
        form={form}
        layout="vertical"
        initialValues={{
          visitorName: contractor.contacts[0]?.name ?? '',
          headcount: 1,
          safetyBriefing: true,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="visitorName"
          label={t('contractors.visitorName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="headcount" label={t('contractors.headcount')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('contractors.purpose')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="workOrderNumber" label={t('contractors.workOrderNumber')}>
          <Input />
        </Form.Item>
        <Form.Item name="inspectionTaskId" label={t('contractors.inspectionTaskId')}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="safetyBriefing" valuePropName="checked">
          <Checkbox>{t('contractors.safetyBriefing')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SignOutButton({ visit }: { visit: ContractorVisit }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const saved = useSaved([['contractor-visits']]);
  const [checked, setChecked] = useState(true);
  const [open, setOpen] = useState(false);
  const out = useMutation({
    mutationFn: () => api.post(`/api/contractor-visits/${visit.id}/sign-out`, { siteChecked: checked }),
    onSuccess: () => {
      saved();
      setOpen(false);
    },
    onError: (error) => onError(error),
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('contractors.signOut')}
      </Button>
      <Modal
        open={open}
        title={t('contractors.signOut')}
        onCancel={() => setOpen(false)}
        onOk={() => out.mutate()}
        confirmLoading={out.isPending}
      >
        <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
          {t('contractors.siteChecked')}
        </Checkbox>
      </Modal>
    </>
  );
}

type Suggested = {
  items: { key: string; label: string; weight: number; score: number; basis: string }[];
  visits: number;
};

export function EvaluateModal({ contractor, onClose }: { contractor: Contractor; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const saved = useSaved([['contractor-evaluations'], ['contractors']]);
  const [month, setMonth] = useState(dayjs(`${thisMonth()}-01`).subtract(1, 'month').format('YYYY-MM'));
  const [scores, setScores] = useState<Record<string, number>>({});
  const [note, setNote] = useState('');
  const suggestion = useQuery({
    queryKey: ['contractor-evaluations', 'suggest', contractor.id, month],
    queryFn: () =>
      api.get<Suggested>('/api/contractor-evaluations/suggest', { contractorId: contractor.id, month }),
  });
  const items = suggestion.data?.items ?? [];
  const value = (key: string, fallback: number) => scores[key] ?? fallback;
  const total = items.reduce((s, i) => s + value(i.key, i.score), 0);
  const save = useMutation({
    mutationFn: () =>
      api.post('/api/contractor-evaluations', {
        contractorId: contractor.id,
        month,
        note,
        scores: Object.fromEntries(items.map((i) => [i.key, value(i.key, i.score)])),
      }),
    onSuccess: () => {
      saved();
      onClose();
    },
    onError: (error) => onError(error),
  });
  return (
    <Modal
      open
      width={640}
      title={`${t('contractors.evaluate')} · ${contractor.name}`}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
    >
      <DatePicker
        picker="month"
        value={dayjs(`${month}-01`)}
        allowClear={false}
        onChange={(d) => {
          if (!d) return;
          setMonth(d.format('YYYY-MM'));
          setScores({});
        }}
      />
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="key"
        pagination={false}
        loading={suggestion.isLoading}
        dataSource={items}
        columns={[
          { title: t('contractors.item'), dataIndex: 'label' },
          { title: t('contractors.weight'), dataIndex: 'weight' },
          { title: t('contractors.basis'), dataIndex: 'basis' },
          {
            title: t('contractors.score'),
            key: 's',
            render: (_: unknown, i) => (
              <InputNumber
                size="small"
                min={0}
                max={i.weight}
                step={0.5}
                value={value(i.key, i.score)}
                onChange={(n) => setScores((s) => ({ ...s, [i.key]: Number(n ?? 0) }))}
              />
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              {t('contractors.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{Math.round(total * 10) / 10}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Input.TextArea
        style={{ marginTop: 12 }}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('stock.note')}
      />
    </Modal>
  );
}
