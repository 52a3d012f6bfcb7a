import { useQueryClient } from '@tanstack/react-query';
import { type ButtonProps, Col, Form, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoryOptions } from '../../api/serviceHooks';
import type { TicketDetail } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { useServiceVocab } from '../../serviceVocab';
import { type KnownUnit, UnitPicker } from '../residents/UnitPicker';
import { AppointmentField } from './AppointmentField';
import { CategoryCascader, categoryPathOf } from './CategoryCascader';
import { editPayload } from './editPayload';
import { ResidentSearch } from './ResidentSearch';
import { useEditTicket } from './useEditTicket';

interface FormValues {
  type: TicketDetail['type'];
  priority: TicketDetail['priority'];
  appointmentAt?: Dayjs | null;
  categoryPath?: number[];
  unitId?: number | null;
  residentId?: number | null;
  contactName?: string;
  contactPhone?: string;
  description: string;
  reason: string;
}

/**
 * 更正: correct what intake got wrong (type, category, priority, unit/resident, contact, description,
 * appointment), with a reason for the timeline. Only changed fields are sent; a new type, category or
 * priority re-plans the SLA clocks from when the request came in.
 */
export function EditTicketModal({
  ticket,
  open,
  onClose,
}: {
  ticket: TicketDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const { can } = useAuth();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const priority = Form.useWatch('priority', form);
  const { byId } = useCategoryOptions(ticket.projectId, open);
  // The resident picked in this dialog (the ticket's own is named by its contact until changed).
  const [resident, setResident] = useState<{ id: number; name: string; units: KnownUnit[] } | null>(null);
  const residentId = Form.useWatch('residentId', form);
  const save = useEditTicket(() => onClose());
  const pii = can('pii.view');

  const submit = (v: FormValues) => {
    const changes = editPayload(ticket, {
      type: v.type,
      priority: v.priority,
      appointmentAt:
        v.priority === '预约' || v.appointmentAt ? (v.appointmentAt?.toISOString() ?? null) : null,
      categoryPath: v.categoryPath,
      unitId: v.unitId ?? null,
      residentId: v.residentId ?? null,
      contactName: v.contactName ?? null,
      // Without pii.view the field shows a masked number: it is never sent back.
      contactPhone: pii ? (v.contactPhone ?? null) : ticket.contactPhone,
      description: v.description,
    });
    if (!Object.keys(changes).length) {
      form.setFields([{ name: 'type', errors: [t('tickets.edit.nothingChanged')] }]);
      return;
    }
    save.mutate(
      { id: ticket.id, body: { version: ticket.version, reason: v.reason.trim(), ...changes } },
      {
        onError: (error) =>
          onError(error, {
            form,
            onReload: () => {
              void queryClient.invalidateQueries({ queryKey: ['ticket', ticket.id] });
              onClose();
            },
          }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('tickets.edit.title', { number: ticket.number })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      width={680}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'edit-ticket-submit' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('tickets.edit.hint')}
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          type: ticket.type,
          priority: ticket.priority,
          appointmentAt: ticket.appointmentAt ? dayjs(ticket.appointmentAt) : null,
          unitId: ticket.unitId,
          residentId: ticket.residentId,
          contactName: ticket.contactName ?? '',
          contactPhone: ticket.contactPhone ?? '',
          description: ticket.description,
        }}
        onFinish={submit}
        data-testid="edit-ticket-form"
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="type" label={t('tickets.fields.type')}>
              <Select options={sv.typeOptions} data-testid="edit-type" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="priority" label={t('tickets.fields.priority')}>
              <Select options={sv.priorityOptions} data-testid="edit-priority" />
            </Form.Item>
          </Col>
        </Row>
        {priority === '预约' && <AppointmentField />}
        {/* Keyed on the tree: the path of the current category is known once the tree has loaded. */}
        <Form.Item
          key={byId.size}
          name="categoryPath"
          label={t('tickets.fields.category')}
          initialValue={categoryPathOf(byId, ticket.categoryId)}
        >
          <CategoryCascader projectId={ticket.projectId} testId="edit-category" />
        </Form.Item>
        <Form.Item name="unitId" label={t('tickets.fields.unit')}>
          <UnitPicker
            projectId={ticket.projectId}
            known={[
              ...(ticket.unitId && ticket.unitLabel
                ? [{ unitId: ticket.unitId, label: ticket.unitLabel }]
                : []),
              ...(resident?.units ?? []),
            ]}
          />
        </Form.Item>
        <Form.Item name="residentId" hidden>
          <Input />
        </Form.Item>
        <Form.Item label={t('tickets.edit.resident')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {residentId ? (
              <Tag
                closable
                onClose={() => {
                  setResident(null);
                  form.setFieldValue('residentId', null);
                }}
                data-testid="edit-resident"
              >
                {resident?.id === residentId ? resident.name : (ticket.contactName ?? `#${residentId}`)}
              </Tag>
            ) : (
              <Typography.Text type="secondary">{t('tickets.edit.noResident')}</Typography.Text>
            )}
            <ResidentSearch
              projectId={ticket.projectId}
              onPick={(r) => {
                setResident({ id: r.id, name: r.name, units: r.units });
                form.setFieldsValue({
                  residentId: r.id,
                  contactName: r.name,
                  ...(pii && r.phones[0] ? { contactPhone: r.phones[0].number } : {}),
                  ...(r.units[0] ? { unitId: r.units[0].unitId } : {}),
                });
              }}
            />
          </Space>
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="contactName"
              label={t('tickets.edit.contactName')}
              rules={[{ max: 50, message: t('validation.max', { max: 50 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="contactPhone"
              label={t('tickets.edit.contactPhone')}
              extra={pii ? undefined : t('tickets.edit.phoneMasked')}
            >
              <Input disabled={!pii} data-testid="edit-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="description"
          label={t('tickets.fields.description')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 4000, message: t('validation.max', { max: 4000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="edit-description" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('tickets.edit.reason')}
          rules={[
            { required: true, whitespace: true, message: t('tickets.edit.reasonRequired') },
            { max: 200, message: t('validation.max', { max: 200 }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={200}
            showCount
            placeholder={t('tickets.edit.reasonPlaceholder')}
            data-testid="edit-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
