import { RECTIFICATION_SOURCES, RECTIFICATION_STATES } from '@guanjia/shared';
import { Checkbox, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useRectifications } from './hooks';
import { RectificationDrawer, stateColor } from './RectificationPanel';

/** 整改单: every source's items, filtered by state, source, overdue and mine; Excel for managers. */
export default function RectificationsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<string | undefined>();
  const [sourceType, setSource] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const query = {
    projectId: projectId ?? undefined,
    state,
    sourceType,
    overdue: overdue ? 'true' : undefined,
    mine: mine ? 'true' : undefined,
    page,
    pageSize: 20,
  };
  const list = useRectifications(query);
  return (
    <>
      <PageHeader
        title={t('qi.rect.title')}
        subTitle={t('qi.rect.subtitle')}
        extra={
          <Space wrap>
            <Select
              allowClear
              style={{ width: 110 }}
              value={state}
              onChange={setState}
              placeholder={t('qi.rstate.open')}
              options={RECTIFICATION_STATES.map((s) => ({ value: s, label: t(`qi.rstate.${s}`) }))}
            />
            <Select
              allowClear
              style={{ width: 120 }}
              value={sourceType}
              onChange={setSource}
              placeholder={t('qi.source.quality_inspection')}
              options={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: t(`qi.source.${s}`) }))}
            />
            <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
              {t('qi.rect.overdue')}
            </Checkbox>
            <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="rect-mine">
              {t('qi.rect.mine')}
            </Checkbox>
            <ExportButton path="/api/rectifications" query={{ ...query, format: 'xlsx' }} />
          </Space>
        }
      />
      <Table
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          {
            title: t('qi.list.sheet'),
            dataIndex: 'sourceType',
            width: 100,
            render: (s: string) => t(`qi.source.${s}`),
          },
          { title: t('qi.form.note'), render: (_, r) => <span data-testid="rect-row">{r.title}</span> },
          { title: t('qi.form.location'), dataIndex: 'location', width: 120 },
          { title: t('qi.rect.department'), dataIndex: 'departmentName', width: 100 },
          { title: t('qi.rect.owner'), dataIndex: 'ownerName', width: 90 },
          {
            title: t('qi.rect.deadline'),
            dataIndex: 'deadline',
            width: 170,
            render: (v: string, r) => (
              <>
                {formatDateTime(v)} {r.overdue && <Tag color="red">{t('qi.rect.overdue')}</Tag>}
              </>
            ),
          },
          {
            title: '',
            dataIndex: 'state',
            width: 90,
            render: (s: string) => <Tag color={stateColor[s]}>{t(`qi.rstate.${s}`)}</Tag>,
          },
          { title: t('qi.rect.round'), dataIndex: 'round', width: 60 },
        ]}
      />
      <RectificationDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
