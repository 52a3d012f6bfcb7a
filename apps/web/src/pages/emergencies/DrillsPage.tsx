import type { EmergencySummary } from '@guanjia/shared/api';
import { App, Button, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { useEnumLabel } from '../../enumLabel';
import { formatDateTime } from '../../format';
import { useEmergencies } from './hooks';
import { ReportEmergencyForm } from './ReportEmergencyForm';

/** 演习: drills run the real plan, marked 【演习】, announced to residents at least three days ahead (Q65). */
export default function DrillsPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useEmergencies(
    { projectId: projectId ?? undefined, drill: 'true', page, pageSize: 20 },
    Boolean(projectId),
  );
  return (
    <>
      <PageHeader
        title={t('emergencies.drills.title')}
        subTitle={t('emergencies.drills.subtitle')}
        extra={
          can('emergencies.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('emergencies.drills.create')}
            </Button>
          )
        }
      />
      <Table<EmergencySummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('emergencies.fields.number'),
            render: (_, e) => <Link to={`/emergencies/${e.id}`}>{e.number}</Link>,
          },
          { title: t('emergencies.fields.type'), render: (_, e) => label(e.type) },
          { title: t('emergencies.fields.place'), dataIndex: 'place' },
          { title: t('emergencies.fields.drillStartsAt'), render: (_, e) => formatDateTime(e.startedAt) },
          { title: t('emergencies.fields.status'), render: (_, e) => <Tag>{label(e.status)}</Tag> },
        ]}
      />
      <Modal
        open={creating}
        title={t('emergencies.drills.create')}
        footer={null}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        {projectId && (
          <ReportEmergencyForm
            drill
            projectId={projectId}
            onDone={() => {
              setCreating(false);
              void message.success(t('common.saved'));
              void list.refetch();
            }}
          />
        )}
      </Modal>
    </>
  );
}
