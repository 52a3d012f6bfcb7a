import { AlertOutlined } from '@ant-design/icons';
import type { EmergencySummary } from '@guanjia/shared/api';
import { App, Button, Card, Col, Empty, Modal, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useNow } from '../../components/useNow';
import { useEnumLabel } from '../../enumLabel';
import { formatDateTime } from '../../format';
import { spanText, useEmergencies, useRoster } from './hooks';
import { ReportEmergencyForm } from './ReportEmergencyForm';

const LEVEL_COLOR: Record<string, string> = { 一般: 'blue', 较大: 'orange', 重大: 'red' };
const today = () => new Date().toISOString().slice(0, 10);

/** 应急指挥: what is running now, the next deadline of each, and who is on duty. */
export default function EmergencyBoardPage() {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const now = useNow();
  const [active, setActive] = useState(true);
  const [page, setPage] = useState(1);
  const [reporting, setReporting] = useState(false);
  const query = {
    projectId: projectId ?? undefined,
    active: active ? 'true' : undefined,
    drill: 'false',
    page,
    pageSize: 20,
  };
  const list = useEmergencies(query, Boolean(projectId));
  const roster = useRoster(projectId, today(), today());
  const en = i18n.language === 'en';

  const countdown = (e: EmergencySummary) => {
    if (!e.nextDueAt) return '—';
    const left = Date.parse(e.nextDueAt) - now;
    return (
      <Tag color={left < 0 ? 'red' : left < 120_000 ? 'orange' : 'green'} data-testid="em-countdown">
        {left < 0
          ? t('emergencies.board.overdue', { time: spanText(left, en) })
          : t('emergencies.board.dueIn', { time: spanText(left, en) })}
      </Tag>
    );
  };

  return (
    <>
      <PageHeader
        title={t('emergencies.board.title')}
        subTitle={t('emergencies.board.subtitle')}
        extra={
          <Space>
            <ExportButton path="/api/emergencies" query={{ ...query, format: 'xlsx' }} />
            {can('emergencies.report') && (
              <Button
                type="primary"
                danger
                icon={<AlertOutlined />}
                onClick={() => setReporting(true)}
                data-testid="em-report"
              >
                {t('emergencies.board.report')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={18}>
          <Segmented
            style={{ marginBottom: 12 }}
            value={active ? 'active' : 'all'}
            options={[
              { value: 'active', label: t('emergencies.board.active') },
              { value: 'all', label: t('emergencies.board.all') },
            ]}
            onChange={(v) => {
              setActive(v === 'active');
              setPage(1);
            }}
          />
          <Table<EmergencySummary>
            rowKey="id"
            size="middle"
            data-testid="em-board"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('emergencies.board.empty')} /> }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
            columns={[
              {
                title: t('emergencies.fields.number'),
                dataIndex: 'number',
                render: (v: string, e) => <Link to={`/emergencies/${e.id}`}>{v}</Link>,
              },
              {
                title: t('emergencies.fields.type'),
                render: (_, e) => (
                  <Space size={4}>
                    {label(e.type)}
                    <Tag color={LEVEL_COLOR[e.level]}>{label(e.level)}</Tag>
                  </Space>
                ),
              },
              { title: t('emergencies.fields.place'), dataIndex: 'place' },
              { title: t('emergencies.fields.status'), render: (_, e) => <Tag>{label(e.status)}</Tag> },
              { title: t('emergencies.board.next'), render: (_, e) => e.nextStepTitle ?? '—' },
              { title: '', render: (_, e) => countdown(e) },
              { title: t('emergencies.fields.startedAt'), render: (_, e) => formatDateTime(e.startedAt) },
            ]}
          />
        </Col>
        <Col xs={24} lg={6}>
          <Card title={t('emergencies.board.onDuty')} size="small" data-testid="em-on-duty">
            {roster.data?.onDuty.length ? (
              roster.data.onDuty.map((d) => (
                <div
                  key={`${d.role}-${d.userId}`}
                  style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0' }}
                >
                  <Typography.Text type="secondary">{t(`emergencies.roles.${d.role}`)}</Typography.Text>
                  <span>{d.userName}</span>
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">{t('emergencies.board.nobody')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={reporting}
        title={t('emergencies.board.report')}
        footer={null}
        onCancel={() => setReporting(false)}
        destroyOnHidden
      >
        {projectId && (
          <ReportEmergencyForm
            projectId={projectId}
            onDone={(e) => {
              setReporting(false);
              void message.success(t('emergencies.phone.sent'));
              void navigate(`/emergencies/${e.id}`);
            }}
          />
        )}
      </Modal>
    </>
  );
}
