import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import type { InspectionDetail } from '@guanjia/shared/api';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useDepartments } from '../complaints/HandlingDialogs';
import { useInspections, useQualityWrite, useSheets } from './hooks';

/** 检查记录: every inspection of the project; 开始检查 opens the phone form. */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);
  const query = { projectId: projectId ?? undefined, state, page, pageSize: 20 };
  const list = useInspections(query);
  return (
    <>
      <PageHeader
        title={t('qi.list.title')}
        subTitle={t('qi.list.subtitle')}
        extra={
          <Space>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('qi.list.mode')}
              value={state}
              onChange={(v) => {
                setState(v);
                setPage(1);
              }}
              options={['planned', 'in_progress', 'submitted'].map((s) => ({
                value: s,
                label: t(`qi.state.${s}`),
              }))}
            />
            <ExportButton path="/api/inspections" query={{ ...query, format: 'xlsx' }} />
            {can('quality.inspect') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setStarting(true)}
                data-testid="qi-start"
              >
                {t('qi.list.start')}
              </Button>
            )}
          </Space>
        }
      />
      <Table
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          { title: t('qi.list.sheet'), render: (_, r) => `${r.sheetName} v${r.sheetVersion}` },
          {
            title: t('qi.list.mode'),
            dataIndex: 'mode',
            width: 90,
            render: (m: string) => <Tag>{t(`qi.mode.${m}`)}</Tag>,
          },
          { title: '', dataIndex: 'state', width: 80, render: (s: string) => t(`qi.state.${s}`) },
          { title: t('qi.list.department'), dataIndex: 'departmentName', width: 100 },
          { title: t('qi.list.area'), dataIndex: 'area' },
          { title: t('qi.list.inspector'), dataIndex: 'inspectorName', width: 90 },
          {
            title: t('qi.list.submittedAt'),
            dataIndex: 'submittedAt',
            width: 150,
            render: (v: string | null) => formatDateTime(v),
          },
          { title: t('qi.list.total'), dataIndex: 'total', width: 70 },
          { title: t('qi.list.percent'), dataIndex: 'percent', width: 70 },
          {
            title: '',
            width: 150,
            render: (_, r) => (
              <Space>
                <Link to={`/quality/inspect/${r.id}`}>{t('qi.list.open')}</Link>
                {r.state === 'submitted' && (
                  <Button
                    size="small"
                    icon={<FilePdfOutlined />}
                    href={`/api/inspections/${r.id}/report.pdf`}
                    target="_blank"
                  >
                    {t('qi.list.pdf')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {starting && projectId && (
        <StartDialog
          projectId={projectId}
          onClose={() => setStarting(false)}
          onStarted={(id) => navigate(`/quality/inspect/${id}`)}
        />
      )}
    </>
  );
}

export function StartDialog({
  projectId,
  onClose,
  onStarted,
}: {
  projectId: number;
  onClose: () => void;
  onStarted: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sheets = useSheets(projectId);
  const departments = useDepartments(projectId);
  const [form] = Form.useForm<{ sheetId: number; mode: string; departmentId?: number; area?: string }>();
  const start = useQualityWrite(
    (v: { sheetId: number; mode: string; departmentId?: number; area?: string }) =>
      api.post<InspectionDetail>('/api/inspections', { ...v, projectId }),
  );
  return (
    <Modal
      open
      title={t('qi.list.start')}
      onCancel={onClose}
      confirmLoading={start.isPending}
      okButtonProps={{ 'data-testid': 'qi-start-ok' } as Record<`data-${string}`, string>}
      onOk={() =>
        form.validateFields().then(
          (v) =>
            start.mutate(v, {
              onSuccess: (d) => onStarted(d.id),
              onError: (e) => void message.error(e.message),
            }),
          () => undefined,
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ mode: 'open' }}>
        <Form.Item name="sheetId" label={t('qi.list.sheet')} rules={[{ required: true }]}>
          <Select
            data-testid="qi-start-sheet"
            options={(sheets.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} v${s.sheetVersion}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('qi.list.mode')}>
          <Select options={['open', 'mystery'].map((m) => ({ value: m, label: t(`qi.mode.${m}`) }))} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('qi.list.department')}>
          <Select
            allowClear
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="area" label={t('qi.list.area')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
