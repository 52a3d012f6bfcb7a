import type { FeeItem, Page } from '@guanjia/shared/api';
import {
  FEE_AREA_BASES,
  FEE_ITEM_FORMULAS,
  FEE_ITEM_KINDS,
  FEE_ITEM_PAYERS,
  FEE_ROUNDINGS,
} from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { AttachModal } from './AttachModal';
import { parseTiers, priceToYuan, tiersText, yuan, yuanToFen, yuanToPrice } from './money';

interface FormValues {
  code: string;
  name: string;
  kind: FeeItem['kind'];
  payer: FeeItem['payer'];
  formula: FeeItem['formula'];
  areaBasis: FeeItem['areaBasis'];
  unitPrice?: number | null;
  fixedAmount?: number | null;
  tiers?: string;
  rounding: FeeItem['rounding'];
  startDate: dayjs.Dayjs;
  dueDays: number;
  lateFeeRate: number;
  lateFeeGraceDays?: number;
  lateFeeCapPercent: number;
  priority: number;
  active: boolean;
}

/** 收费项目: the fee items of the project with their formula editor and bulk attachment to units. */
export default function FeeItemsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<FeeItem | 'new' | null>(null);
  const [attaching, setAttaching] = useState<FeeItem | null>(null);
  const [form] = Form.useForm<FormValues>();
  const formula = Form.useWatch('formula', form);
  const list = useQuery({
    queryKey: ['fee-items', projectId],
    queryFn: () =>
      api.get<Page<FeeItem>>('/api/fee-items', {
        projectId: projectId ?? undefined,
        all: 'true',
        pageSize: 200,
      }),
    enabled: Boolean(projectId),
  });
  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const body = {
        name: v.name,
        kind: v.kind,
        payer: v.payer,
        formula: v.formula,
        areaBasis: v.areaBasis,
        unitPrice: yuanToPrice(v.unitPrice),
        fixedAmount: yuanToFen(v.fixedAmount),
        tiers: v.tiers ? parseTiers(v.tiers) : null,
        rounding: v.rounding,
        startDate: v.startDate.format('YYYY-MM-DD'),
        dueDays: v.dueDays,
        lateFeeRate: v.lateFeeRate,
        lateFeeGraceDays: v.lateFeeGraceDays,
        lateFeeCapPercent: v.lateFeeCapPercent,
        priority: v.priority,
      };
      if (editing === 'new') return api.post('/api/fee-items', { ...body, projectId, code: v.code });
      return api.patch(`/api/fee-items/${editing?.id}`, {
        ...body,
        active: v.active,
        version: editing?.version,
      });
    },
    onSuccess: () => {
      void message.success(t('billing.feeItems.saved'));
      void queryClient.invalidateQueries({ queryKey: ['fee-items'] });
      setEditing(null);
    },
    onError: (e) => onError(e, { form }),
  });
  const open = (item: FeeItem | 'new') => {
    setEditing(item);
    form.resetFields();
    if (item === 'new')
      form.setFieldsValue({
        kind: 'monthly',
        payer: 'unit',
        formula: 'area',
        areaBasis: 'building',
        rounding: 'fen',
        startDate: dayjs().startOf('month'),
        dueDays: 30,
        lateFeeRate: 0,
        lateFeeCapPercent: 0,
        priority: 100,
        active: true,
      });
    else
      form.setFieldsValue({
        ...item,
        unitPrice: priceToYuan(item.unitPrice),
        fixedAmount: item.fixedAmount === null ? null : item.fixedAmount / 100,
        tiers: tiersText(item.tiers),
        startDate: dayjs(item.startDate),
      });
  };
  const price = (i: FeeItem) =>
    i.formula === 'fixed'
      ? yuan(i.fixedAmount)
      : i.tiers?.length
        ? tiersText(i.tiers).replace(/\n/g, ' / ')
        : `¥${priceToYuan(i.unitPrice)}`;
  const finance = can('billing.finance');
  if (!projectId) return <Empty description={t('billing.noProject')} />;
  return (
    <div>
      <PageHeader
        title={t('billing.feeItems.title')}
        subTitle={t('billing.feeItems.subtitle')}
        extra={
          finance && (
            <Button type="primary" onClick={() => open('new')} data-testid="fee-item-add">
              {t('billing.feeItems.add')}
            </Button>
          )
        }
      />
      <Card>
        <Table<FeeItem>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('billing.feeItems.code'), dataIndex: 'code', width: 90 },
            {
              title: t('billing.feeItems.name'),
              dataIndex: 'name',
              render: (n: string, r) =>
                r.active ? (
                  n
                ) : (
                  <Space>
                    {n}
                    <Tag>{t('billing.feeItems.active')} ✗</Tag>
                  </Space>
                ),
            },
            {
              title: t('billing.feeItems.kind'),
              dataIndex: 'kind',
              width: 80,
              render: (k: FeeItem['kind']) => t(`billing.kinds.${k}`),
            },
            {
              title: t('billing.feeItems.formula'),
              dataIndex: 'formula',
              render: (f: FeeItem['formula'], r) =>
                `${t(`billing.formulas.${f}`)}${f === 'area' ? `（${t(`billing.areaBases.${r.areaBasis}`)}）` : ''}`,
            },
            { title: t('billing.feeItems.price'), key: 'price', render: (_: unknown, r) => price(r) },
            { title: t('billing.feeItems.units'), dataIndex: 'unitCount', width: 110 },
            {
              key: 'actions',
              width: 180,
              render: (_: unknown, r) =>
                finance && (
                  <Space>
                    <Button size="small" onClick={() => open(r)}>
                      {t('common.edit')}
                    </Button>
                    <Button size="small" onClick={() => setAttaching(r)}>
                      {t('billing.feeItems.attach')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('billing.feeItems.add') : t('billing.feeItems.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Space wrap>
            <Form.Item name="code" label={t('billing.feeItems.code')} rules={[{ required: true }]}>
              <Input disabled={editing !== 'new'} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="name" label={t('billing.feeItems.name')} rules={[{ required: true }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('billing.feeItems.kind')}>
              <Select
                style={{ width: 110 }}
                options={FEE_ITEM_KINDS.map((k) => ({ value: k, label: t(`billing.kinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="payer" label={t('billing.feeItems.payer')}>
              <Select
                style={{ width: 110 }}
                options={FEE_ITEM_PAYERS.map((k) => ({ value: k, label: t(`billing.payers.${k}`) }))}
              />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="formula" label={t('billing.feeItems.formula')}>
              <Select
                style={{ width: 150 }}
                options={FEE_ITEM_FORMULAS.map((k) => ({ value: k, label: t(`billing.formulas.${k}`) }))}
              />
            </Form.Item>
            {formula === 'area' && (
              <Form.Item name="areaBasis" label={t('billing.feeItems.areaBasis')}>
                <Select
                  style={{ width: 120 }}
                  options={FEE_AREA_BASES.map((k) => ({ value: k, label: t(`billing.areaBases.${k}`) }))}
                />
              </Form.Item>
            )}
            {formula === 'fixed' ? (
              <Form.Item name="fixedAmount" label={t('billing.feeItems.fixedAmount')}>
                <InputNumber min={0} precision={2} />
              </Form.Item>
            ) : formula !== 'tiered' ? (
              <Form.Item name="unitPrice" label={t('billing.feeItems.unitPrice')}>
                <InputNumber min={0} precision={4} step={0.01} />
              </Form.Item>
            ) : null}
            <Form.Item name="rounding" label={t('billing.feeItems.rounding')}>
              <Select
                style={{ width: 100 }}
                options={FEE_ROUNDINGS.map((k) => ({ value: k, label: t(`billing.roundings.${k}`) }))}
              />
            </Form.Item>
          </Space>
          {(formula === 'tiered' || formula === 'apportion') && (
            <Form.Item
              name="tiers"
              label={t('billing.feeItems.tiers')}
              extra={t('billing.feeItems.tiersHint')}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          <Space wrap>
            <Form.Item name="startDate" label={t('billing.feeItems.startDate')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="dueDays" label={t('billing.feeItems.dueDays')}>
              <InputNumber min={0} max={366} />
            </Form.Item>
            <Form.Item name="priority" label={t('billing.feeItems.priority')}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="lateFeeRate" label={t('billing.feeItems.lateFeeRate')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="lateFeeGraceDays" label={t('billing.feeItems.lateFeeGraceDays')}>
              <InputNumber min={0} max={366} />
            </Form.Item>
            <Form.Item name="lateFeeCapPercent" label={t('billing.feeItems.lateFeeCapPercent')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            {editing !== 'new' && (
              <Form.Item name="active" label={t('billing.feeItems.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
          </Space>
        </Form>
      </Modal>
      <AttachModal item={attaching} projectId={projectId} onClose={() => setAttaching(null)} />
    </div>
  );
}
