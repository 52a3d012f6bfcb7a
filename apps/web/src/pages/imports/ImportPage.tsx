import {
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
  ReloadOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  type TableProps,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ImportJob, ImportProgress, ImportState, Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useLive } from '../../live/LiveProvider';
import { fromJob, isFinished, latest, percent } from './progress';

const MAX_BYTES = 20 * 1024 * 1024;
const STATE_COLOR: Record<ImportState, string> = {
  pending: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

export default function ImportPage() {
  const { t } = useTranslation();
  const { projects, projectId: currentProjectId } = useAuth();
  const { connected, subscribe } = useLive();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [projectId, setProjectId] = useState<number | null>(currentProjectId);
  const [file, setFile] = useState<File | null>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [pushed, setPushed] = useState<ImportProgress | null>(null);

  useEffect(() => {
    if (projectId === null && currentProjectId !== null) setProjectId(currentProjectId);
  }, [projectId, currentProjectId]);

  // Live progress from /api/live; polling below covers a closed socket.
  useEffect(() => {
    if (activeId === null) return;
    return subscribe((msg) => {
      if (msg.type !== 'import.progress' || Number(msg.entityId) !== activeId || !msg.data) return;
      const data = msg.data as ImportProgress;
      setPushed(data);
      if (isFinished(data.state)) {
        void queryClient.invalidateQueries({ queryKey: ['import', activeId] });
        void queryClient.invalidateQueries({ queryKey: ['imports'] });
      }
    });
  }, [activeId, subscribe, queryClient]);

  const job = useQuery({
    queryKey: ['import', activeId],
    queryFn: () => api.get<ImportJob>(`/api/imports/${activeId}`),
    enabled: activeId !== null,
    // Every second while the socket is closed; a slow safety net while it is open.
    refetchInterval: (query) => (isFinished(query.state.data?.state) ? false : connected ? 5000 : 1000),
  });

  const history = useQuery({
    queryKey: ['imports', projectId],
    queryFn: () => api.get<Page<ImportJob>>('/api/imports', { projectId, page: 1, pageSize: 50 }),
    enabled: projectId !== null,
  });

  const progress = latest(fromJob(job.data), pushed);
  const finished = isFinished(progress?.state);
  useEffect(() => {
    if (finished) {
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      void queryClient.invalidateQueries({ queryKey: ['residents'] });
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void queryClient.invalidateQueries({ queryKey: ['estate', 'tree'] });
      void queryClient.invalidateQueries({ queryKey: ['total'] });
    }
  }, [finished, queryClient]);

  const upload = useMutation({
    mutationFn: () => {
      const body = new FormData();
      if (file) body.append('file', file, file.name);
      return api.post<ImportJob>('/api/imports', body, { query: { projectId } });
    },
    onSuccess: (created) => {
      setPushed(null);
      setActiveId(created.id);
      queryClient.setQueryData(['import', created.id], created);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      void message.success(t('imports.started'));
    },
    onError: (error) => onError(error),
  });

  const reset = () => {
    setActiveId(null);
    setPushed(null);
    setFile(null);
  };

  const step = activeId === null ? (file ? 2 : 1) : finished ? 3 : 2;
  const errorReport = (id: number) => `/api/imports/${id}/errors.xlsx`;

  const columns: TableProps<ImportJob>['columns'] = [
    { title: 'ID', dataIndex: 'id', width: 70 },
    { title: t('imports.history.file'), dataIndex: 'filename', render: (v?: string) => v ?? '—' },
    {
      title: t('imports.history.state'),
      dataIndex: 'state',
      width: 110,
      render: (v: ImportState) => <Tag color={STATE_COLOR[v]}>{t(`imports.states.${v}`)}</Tag>,
    },
    { title: t('imports.history.rows'), dataIndex: 'totalRows', width: 90, align: 'right' },
    { title: t('imports.created'), dataIndex: 'createdCount', width: 90, align: 'right' },
    { title: t('imports.updated'), dataIndex: 'updatedCount', width: 90, align: 'right' },
    {
      title: t('imports.errors'),
      dataIndex: 'errorCount',
      width: 90,
      align: 'right',
      render: (v?: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : (v ?? 0)),
    },
    {
      title: t('imports.history.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v?: string) => formatDateTime(v),
    },
    {
      title: t('imports.history.finishedAt'),
      dataIndex: 'finishedAt',
      width: 170,
      render: (v?: string | null) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_: unknown, row) => (
        <Space size={4}>
          {(row.errorCount ?? 0) > 0 && (
            <Typography.Link href={errorReport(row.id)} target="_blank" rel="noopener">
              {t('imports.errorReport')}
            </Typography.Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader title={t('imports.title')} subTitle={t('imports.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('imports.steps.template') },
            { title: t('imports.steps.file') },
            { title: t('imports.steps.progress') },
            { title: t('imports.steps.result') },
          ]}
        />
        <Row gutter={24}>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Alert type="info" showIcon title={t('imports.templateHint')} />
              <Button
                icon={<FileExcelOutlined />}
                href="/api/imports/template.xlsx"
                target="_blank"
                rel="noopener"
                data-testid="import-template"
              >
                {t('imports.downloadTemplate')}
              </Button>
              <div>
                <Typography.Text strong>{t('imports.project')}</Typography.Text>
                <Select<number>
                  style={{ width: '100%', marginTop: 8 }}
                  value={projectId ?? undefined}
                  onChange={setProjectId}
                  options={projects.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
                  placeholder={t('imports.projectPlaceholder')}
                  disabled={activeId !== null && !finished}
                  data-testid="import-project"
                />
              </div>
            </Space>
          </Col>
          <Col xs={24} lg={14}>
            {activeId === null ? (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <Upload.Dragger
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  multiple={false}
                  maxCount={1}
                  showUploadList={false}
                  beforeUpload={(f) => {
                    if (!f.name.toLowerCase().endsWith('.xlsx')) {
                      void message.error(t('imports.onlyXlsx'));
                      return Upload.LIST_IGNORE;
                    }
                    if (f.size > MAX_BYTES) {
                      void message.error(t('imports.tooLarge'));
                      return Upload.LIST_IGNORE;
                    }
                    setFile(f);
                    return false;
                  }}
                  data-testid="import-dropzone"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{file ? file.name : t('imports.dropHere')}</p>
                  <p className="ant-upload-hint">
                    {file
                      ? t('imports.fileSize', { size: (file.size / 1024).toFixed(1) })
                      : t('imports.dropHint')}
                  </p>
                </Upload.Dragger>
                <Button
                  type="primary"
                  icon={<UploadOutlined />}
                  disabled={!file || !projectId}
                  loading={upload.isPending}
                  onClick={() => upload.mutate()}
                  data-testid="import-start"
                >
                  {t('imports.start')}
                </Button>
              </Space>
            ) : (
              <div data-testid="import-panel">
                <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
                  <Typography.Text strong>{t('imports.progressTitle', { id: activeId })}</Typography.Text>
                  {progress && (
                    <Tag
                      color={STATE_COLOR[progress.state]}
                      data-testid="import-state"
                      data-state={progress.state}
                    >
                      {t(`imports.states.${progress.state}`)}
                    </Tag>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {connected ? t('imports.viaLive') : t('imports.viaPolling')}
                  </Typography.Text>
                </div>
                <Progress
                  percent={percent(progress)}
                  status={
                    progress?.state === 'failed'
                      ? 'exception'
                      : progress?.state === 'done'
                        ? 'success'
                        : 'active'
                  }
                  data-testid="import-progress"
                />
                <Typography.Text type="secondary">
                  {t('imports.rowsProcessed', {
                    processed: progress?.processedRows ?? 0,
                    total: progress?.totalRows ?? 0,
                  })}
                </Typography.Text>
                <Row gutter={16} style={{ marginTop: 16 }}>
                  <Col span={8}>
                    <Statistic
                      title={t('imports.created')}
                      value={progress?.createdCount ?? 0}
                      styles={{ content: { color: '#52c41a' } }}
                      data-testid="import-created"
                    />
                  </Col>
                  <Col span={8}>
                    <Statistic
                      title={t('imports.updated')}
                      value={progress?.updatedCount ?? 0}
                      styles={{ content: { color: '#1677ff' } }}
                      data-testid="import-updated"
                    />
                  </Col>
                  <Col span={8}>
                    <Statistic
                      title={t('imports.errors')}
                      value={progress?.errorCount ?? 0}
                      styles={{ content: { color: progress?.errorCount ? '#ff4d4f' : undefined } }}
                      data-testid="import-errors"
                    />
                  </Col>
                </Row>
                {finished && progress && (
                  <Result
                    style={{ padding: '24px 0 0' }}
                    icon={
                      progress.state === 'done' ? (
                        <CheckCircleFilled style={{ color: progress.errorCount ? '#faad14' : '#52c41a' }} />
                      ) : (
                        <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                      )
                    }
                    title={
                      progress.state === 'failed'
                        ? t('imports.failed')
                        : progress.errorCount
                          ? t('imports.doneWithErrors', { count: progress.errorCount })
                          : t('imports.doneOk')
                    }
                    subTitle={
                      progress.state === 'failed'
                        ? (job.data?.message ?? undefined)
                        : t('imports.summary', {
                            created: progress.createdCount,
                            updated: progress.updatedCount,
                            errors: progress.errorCount,
                          })
                    }
                    extra={
                      <Space>
                        {progress.errorCount > 0 && (
                          <Button
                            icon={<DownloadOutlined />}
                            href={errorReport(activeId)}
                            target="_blank"
                            rel="noopener"
                            data-testid="import-error-report"
                          >
                            {t('imports.errorReport')}
                          </Button>
                        )}
                        <Button type="primary" icon={<ReloadOutlined />} onClick={reset}>
                          {t('imports.again')}
                        </Button>
                      </Space>
                    }
                  />
                )}
              </div>
            )}
          </Col>
        </Row>
      </Card>
      <Card title={t('imports.history.title')} size="small">
        <Table<ImportJob>
          rowKey="id"
          size="small"
          loading={history.isFetching}
          columns={columns}
          dataSource={history.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={false}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.history.empty')} />
            ),
          }}
          data-testid="import-history"
        />
      </Card>
    </div>
  );
}
