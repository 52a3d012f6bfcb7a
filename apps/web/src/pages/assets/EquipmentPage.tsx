import { PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { EQUIPMENT_STATUSES, EQUIPMENT_SYSTEMS } from '@guanjia/shared';
import type { Equipment } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Input, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { STATUS_COLOR, systemLabel } from './assetText';
import { EquipmentDrawer } from './EquipmentDrawer';
import { EquipmentForm } from './EquipmentForm';

/** 设备台账: filters, the ledger, label printing, Excel import and export, and the detail drawer. */
export default function EquipmentPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message, modal } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [q, setQ] = useState('');
  const [system, setSystem] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [warranty, setWarranty] = useState(params.get('warranty') === '1');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Equipment | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const query = {
    projectId: projectId ?? undefined,
    q: q || undefined,
    system,
    status,
    warrantyEnding: warranty ? 'true' : undefined,
    page,
    pageSize: 20,
  };
  const list = useQuery({
    queryKey: ['equipment', query],
    queryFn: () => api.get<Page<Equipment>>('/api/equipment', query),
    enabled: projectId !== null,
  });
  const importFile = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<{ created: number; errors: { row: number; field: string; message: string }[] }>(
        '/api/equipment/import',
        body,
        { query: { projectId } },
      );
    },
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['equipment'] });
      void message.success(t('assets.equipment.imported', { created: r.created }));
      if (r.errors.length)
        modal.warning({
          title: t('assets.equipment.importErrors', { count: new Set(r.errors.map((e) => e.row)).size }),
          content: (
            <ul data-testid="import-errors">
              {r.errors.slice(0, 50).map((e) => (
                <li key={`${e.row}-${e.field}`}>{t('assets.equipment.rowError', e)}</li>
              ))}
            </ul>
          ),
        });
    },
    onError: (error) => onError(error),
  });
  const write = can('assets.write');
  return (
    <div data-testid="equipment-page">
      <PageHeader
        title={t('assets.nav.equipment')}
        extra={
          <Space wrap>
            <Button
              icon={<PrinterOutlined />}
              disabled={!selected.length}
              title={t('assets.equipment.labelsHint')}
              href={`/api/equipment/labels.pdf?ids=${selected.join(',')}`}
              target="_blank"
              data-testid="print-labels"
            >
              {t('assets.equipment.labels')}
            </Button>
            <ExportButton path="/api/equipment" query={{ ...query, format: 'xlsx' }} />
            {write && (
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(f) => {
                  importFile.mutate(f);
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button icon={<UploadOutlined />} loading={importFile.isPending}>
                  {t('assets.equipment.import')}
                </Button>
              </Upload>
            )}
            {write && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setEditing(null);
                  setFormOpen(true);
                }}
              >
                {t('assets.equipment.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('assets.equipment.search')}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 260 }}
          data-testid="equipment-search"
        />
        <Select
          allowClear
          placeholder={t('assets.fields.system')}
          value={system}
          onChange={(v) => {
            setSystem(v);
            setPage(1);
          }}
          options={EQUIPMENT_SYSTEMS.map((s) => ({ value: s, label: systemLabel(t, s) }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('assets.fields.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={EQUIPMENT_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
          style={{ width: 120 }}
        />
        <Checkbox checked={warranty} onChange={(e) => setWarranty(e.target.checked)}>
          {t('assets.equipment.warrantyOnly')}
        </Checkbox>
      </Space>
      <Table<Equipment>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('assets.fields.code'), dataIndex: 'code', width: 110 },
          { title: t('assets.fields.name'), dataIndex: 'name' },
          {
            title: t('assets.fields.system'),
            dataIndex: 'system',
            width: 110,
            render: (v: string) => systemLabel(t, v),
          },
          { title: t('assets.fields.location'), dataIndex: 'location' },
          { title: t('assets.fields.brandModel'), render: (_, r) => `${r.brand} ${r.model}` },
          { title: t('assets.fields.importance'), dataIndex: 'importance', width: 80 },
          {
            title: t('assets.fields.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`assets.status.${v}`)}</Tag>,
          },
          {
            title: t('assets.fields.warrantyEnd'),
            dataIndex: 'warrantyEnd',
            width: 130,
            render: (v: string | null, r) => (
              <span>
                {formatDate(v)}{' '}
                {r.warrantyEnding && <Tag color="gold">{t('assets.equipment.warrantyEnding')}</Tag>}
              </span>
            ),
          },
        ]}
      />
      <EquipmentDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onEdit={(e) => {
          setEditing(e);
          setFormOpen(true);
        }}
      />
      {projectId !== null && (
        <EquipmentForm
          projectId={projectId}
          editing={editing}
          open={formOpen}
          onClose={() => setFormOpen(false)}
        />
      )}
    </div>
  );
}
