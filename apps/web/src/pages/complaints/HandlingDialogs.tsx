import { COMPLAINT_CAUSES, COMPLAINT_GRADES } from '@guanjia/shared';
import type { Department, TicketDetail } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useHandlingCommand } from './useHandlingCommand';

export type HandlingDialog = 'assign' | 'supervise' | 'review' | 'classify' | 'overdueCause' | null;

interface Props {
  ticket: TicketDetail;
  open: boolean;
  onClose: () => void;
}

export function useDepartments(projectId: number) {
  return useQuery({
    queryKey: ['departments', projectId],
    queryFn: () => api.get<{ items: Department[] }>('/api/departments', { projectId }),
  });
}

/** Hand the ticket to a department and a person among its members. */
export function AssignModal({ ticket, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ departmentId?: number | null; assigneeId?: number | null }>();
  const departments = useDepartments(ticket.projectId);
  const chosen = Form.useWatch('departmentId', form);
  const all = departments.data?.items ?? [];
  const pool = chosen ? all.filter((d) => d.id === chosen) : all;
  const people = new Map<number, string>();
  for (const d of pool) for (const m of d.members) people.set(m.id, m.name);
  const save = useHandlingCommand(ticket.id, 'assign', t('complaints.panel.assigned'), onClose);
  return (
    <Modal
      open={open}
      title={t('complaints.panel.assignTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ departmentId: ticket.departmentId, assigneeId: ticket.assigneeId }}
        onFinish={(v) =>
          save.mutate({
            version: ticket.version,
            departmentId: v.departmentId ?? null,
            assigneeId: v.assigneeId ?? null,
          })
        }
      >
        <Form.Item name="departmentId" label={t('complaints.panel.department')}>
          <Select
            allowClear
            data-testid="assign-department"
            options={all.map((d) => ({ value: d.id, label: d.name }))}
            onChange={() => form.setFieldValue('assigneeId', null)}
          />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('complaints.panel.assignee')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            data-testid="assign-person"
            options={[...people].map(([id, name]) => ({ value: id, label: name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 督办: a deadline and what is expected, on the responsible person's list with a banner. */
export function SuperviseModal({ ticket, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ deadline: Dayjs; note: string }>();
  const save = useHandlingCommand(ticket.id, 'supervise', t('complaints.panel.supervised'), onClose);
  return (
    <Modal
      open={open}
      title={t('complaints.panel.superviseTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'supervise-submit' } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ deadline: dayjs().add(1, 'day').hour(17).minute(30).second(0) }}
        onFinish={(v) =>
          save.mutate({ version: ticket.version, deadline: v.deadline.toISOString(), note: v.note.trim() })
        }
      >
        <Form.Item name="deadline" label={t('complaints.panel.deadline')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('complaints.panel.note')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="supervise-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The 班长/主管 approves the handling result or sends it back with what to redo. */
export function ReviewModal({ ticket, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ approve: boolean; note?: string }>();
  const approve = Form.useWatch('approve', form);
  const save = useHandlingCommand(ticket.id, 'review', t('complaints.panel.reviewed'), onClose);
  return (
    <Modal
      open={open}
      title={t('complaints.panel.reviewTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ approve: true }}
        onFinish={(v) =>
          save.mutate({ version: ticket.version, approve: v.approve, note: v.note?.trim() || null })
        }
      >
        <Form.Item label={t('complaints.panel.result')}>{ticket.handling.handlingResult}</Form.Item>
        <Form.Item name="approve">
          <Radio.Group
            options={[
              { value: true, label: t('complaints.panel.approve') },
              { value: false, label: t('complaints.panel.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('complaints.panel.reviewNote')}
          rules={
            approve === false
              ? [{ required: true, whitespace: true, message: t('complaints.panel.rejectNeedsNote') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A complaint's grade and cause, corrected through the ticket's edit (PATCH, with a reason). */
export function ClassifyModal({ ticket, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ grade: string; cause: string | null }>();
  const save = useHandlingCommand(ticket.id, '', t('complaints.panel.classified'), onClose);
  return (
    <Modal
      open={open}
      title={t('complaints.panel.classify')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ grade: ticket.grade ?? 'normal', cause: ticket.cause }}
        onFinish={(v) =>
          save.mutate({ version: ticket.version, reason: t('complaints.panel.classifyReason'), ...v })
        }
      >
        <Form.Item name="grade" label={t('complaints.panel.grade')}>
          <Radio.Group
            optionType="button"
            options={COMPLAINT_GRADES.map((g) => ({ value: g, label: t(`complaints.grades.${g}`) }))}
          />
        </Form.Item>
        <Form.Item name="cause" label={t('complaints.panel.cause')}>
          <Select
            allowClear
            options={COMPLAINT_CAUSES.map((c) => ({ value: c, label: t(`complaints.causes.${c}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
