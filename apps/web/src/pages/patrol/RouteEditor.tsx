import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { PatrolRoute } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

interface Values {
  name: string;
  kind: PatrolRoute['kind'];
  from: string;
  to: string;
  everyMinutes: number;
  toleranceMinutes: number;
  active: boolean;
  points: {
    code: string;
    name: string;
    place?: string;
    offsetMinutes?: number | null;
    clockFrom?: string;
    clockTo?: string;
  }[];
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** New or edited route: schedule, tolerance and the ordered points (relative offset or a clock window). */
export function RouteEditor({
  projectId,
  route,
  onClose,
}: {
  projectId: number;
  route: PatrolRoute | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = route && route !== 'new' ? route : null;
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name,
        kind: v.kind,
        schedule: {
          from: v.from,
          to: v.to,
          everyMinutes: v.everyMinutes,
          weekdays: existing?.schedule.weekdays ?? [],
        },
        toleranceMinutes: v.toleranceMinutes,
        active: v.active,
        points: v.points.map((p) => ({
          code: p.code,
          name: p.name,
          place: p.place ?? '',
          offsetMinutes: p.clockFrom && p.clockTo ? null : (p.offsetMinutes ?? 0),
          clockFrom: p.clockFrom || null,
          clockTo: p.clockTo || null,
        })),
      };
      return existing
        ? api.patch(`/api/patrol-routes/${existing.id}`, { ...body, version: existing.version })
        : api.post('/api/patrol-routes', { ...body, projectId });
    },
    onSuccess: () => {
      void message.success(t('patrol.saved'));
      void queryClient.invalidateQueries({ queryKey: ['patrol-routes'] });
      void queryClient.invalidateQueries({ queryKey: ['patrols'] });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  return (
    <Modal
      open={route !== null}
      width={860}
      title={existing ? t('patrol.edit') : t('patrol.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: existing?.name ?? '',
          kind: existing?.kind ?? 'security',
          from: existing?.schedule.from ?? '20:00',
          to: existing?.schedule.to ?? '06:00',
          everyMinutes: existing?.schedule.everyMinutes ?? 120,
          toleranceMinutes: existing?.toleranceMinutes ?? 10,
          active: existing?.active ?? true,
          points: existing?.points.map((p) => ({
            ...p,
            clockFrom: p.clockFrom ?? '',
            clockTo: p.clockTo ?? '',
          })) ?? [{ code: '', name: '', offsetMinutes: 0 }],
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap>
          <Form.Item
            name="name"
            label={t('patrol.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('patrol.kind')}>
            <Select
              style={{ width: 130 }}
              options={(['security', 'engineering'] as const).map((k) => ({
                value: k,
                label: t(`patrol.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="from" label={t('patrol.from')} rules={[{ pattern: TIME, message: 'HH:MM' }]}>
            <Input style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="to" label={t('patrol.to')} rules={[{ pattern: TIME, message: 'HH:MM' }]}>
            <Input style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="everyMinutes" label={t('patrol.every')}>
            <InputNumber min={15} max={10080} />
          </Form.Item>
          <Form.Item name="toleranceMinutes" label={t('patrol.tolerance')}>
            <InputNumber min={0} max={240} />
          </Form.Item>
          <Form.Item name="active" label={t('patrol.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.List name="points">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" wrap>
                  <span style={{ width: 20 }}>{i + 1}</span>
                  <Form.Item
                    name={[field.name, 'code']}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Input placeholder={t('patrol.code')} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Input placeholder={t('patrol.pointName')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'place']}>
                    <Input placeholder={t('patrol.place')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'offsetMinutes']}>
                    <InputNumber placeholder={t('patrol.offset')} min={0} max={1440} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'clockFrom']} rules={[{ pattern: TIME, message: 'HH:MM' }]}>
                    <Input placeholder={t('patrol.clockFrom')} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'clockTo']} rules={[{ pattern: TIME, message: 'HH:MM' }]}>
                    <Input placeholder={t('patrol.clockTo')} style={{ width: 90 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', name: '', offsetMinutes: fields.length * 10 })}
              >
                {t('patrol.addPoint')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
