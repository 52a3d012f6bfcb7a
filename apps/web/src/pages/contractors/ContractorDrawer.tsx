import type {
  Contract,
  Contractor,
  ContractorEvaluation,
  ContractorVisit,
  EvaluationGrade,
} from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { formatDateTime } from '../../format';
import { MiniBars } from '../patrol/MiniBars';
import { yuan } from '../stock/money';
import { ContractModal, EvaluateModal, SignInModal, SignOutButton } from './ContractorForms';

const GRADE_COLOR: Record<EvaluationGrade, string> = {
  优秀: 'success',
  合格: 'blue',
  待改进: 'warning',
  不合格: 'error',
};

export function GradeTag({ grade }: { grade: EvaluationGrade | null }) {
  const { t } = useTranslation();
  return grade ? <Tag color={GRADE_COLOR[grade]}>{t(`contractors.grades.${grade}`)}</Tag> : null;
}

export function ExpiryTag({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  if (contract.daysLeft < 0) return <Tag>{t('contractors.expired')}</Tag>;
  if (contract.expiring)
    return <Tag color="warning">{t('contractors.expiring', { days: contract.daysLeft })}</Tag>;
  return null;
}

/** One contractor: contacts and credentials, contracts, sign-ins, and the evaluation history. */
export function ContractorDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [modal, setModal] = useState<'contract' | 'visit' | 'evaluate' | null>(null);
  const c = useQuery({
    queryKey: ['contractors', 'one', id],
    queryFn: () => api.get<Contractor>(`/api/contractors/${id}`),
  });
  const visits = useQuery({
    queryKey: ['contractor-visits', id],
    queryFn: () =>
      api.get<{ items: ContractorVisit[] }>('/api/contractor-visits', { contractorId: id, pageSize: 50 }),
  });
  const evaluations = useQuery({
    queryKey: ['contractor-evaluations', id],
    queryFn: () =>
      api.get<{ items: ContractorEvaluation[] }>('/api/contractor-evaluations', {
        contractorId: id,
        pageSize: 24,
      }),
  });
  const x = c.data;
  const writable = can('assets.write');
  return (
    <Drawer open width={860} title={x?.name ?? t('contractors.detail')} onClose={onClose}>
      {x && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('contractors.trade')}>{x.trade}</Descriptions.Item>
          <Descriptions.Item label={t('contractors.systems')}>{x.systems.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('contractors.contacts')}>
            {x.contacts.map((p) => `${p.name}（${p.role}）${p.phone}`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('contractors.credentials')}>{x.credentials || '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Tabs
        items={[
          {
            key: 'contracts',
            label: t('contractors.contracts'),
            children: (
              <>
                {writable && (
                  <Button style={{ marginBottom: 8 }} onClick={() => setModal('contract')}>
                    {t('contractors.addContract')}
                  </Button>
                )}
                <Table<Contract>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={x?.contracts ?? []}
                  columns={[
                    { title: t('contractors.contractTitle'), dataIndex: 'title' },
                    { title: t('contractors.scope'), dataIndex: 'scope' },
                    { title: t('contractors.startsOn'), dataIndex: 'startsOn' },
                    {
                      title: t('contractors.endsOn'),
                      dataIndex: 'endsOn',
                      render: (v: string, k) => (
                        <Space>
                          {v}
                          <ExpiryTag contract={k} />
                        </Space>
                      ),
                    },
                    {
                      title: t('contractors.amount'),
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: (v: number) => yuan(v),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'visits',
            label: t('contractors.visits'),
            children: (
              <>
                {(writable || can('inspections.execute')) && (
                  <Button style={{ marginBottom: 8 }} onClick={() => setModal('visit')}>
                    {t('contractors.signIn')}
                  </Button>
                )}
                <Table<ContractorVisit>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={visits.data?.items ?? []}
                  columns={[
                    {
                      title: t('contractors.signedInAt'),
                      dataIndex: 'signedInAt',
                      render: (v: string) => formatDateTime(v),
                    },
                    {
                      title: t('contractors.visitorName'),
                      dataIndex: 'visitorName',
                      render: (v: string, r) => `${v} ×${r.headcount}`,
                    },
                    { title: t('contractors.purpose'), dataIndex: 'purpose' },
                    {
                      title: t('contractors.workOrderNumber'),
                      dataIndex: 'workOrderNumber',
                      render: (v: string | null, r) =>
                        v ?? (r.inspectionTaskId ? `#${r.inspectionTaskId}` : '—'),
                    },
                    {
                      title: t('contractors.safetyBriefing'),
                      dataIndex: 'safetyBriefing',
                      render: (v: boolean) => (v ? '✓' : <Tag color="warning">✗</Tag>),
                    },
                    {
                      title: t('contractors.escort'),
                      dataIndex: 'escortName',
                      render: (v: string | null) => v ?? '—',
                    },
                    {
                      title: t('contractors.signedOutAt'),
                      dataIndex: 'signedOutAt',
                      render: (v: string | null, r) => (v ? formatDateTime(v) : <SignOutButton visit={r} />),
                    },
                    {
                      title: t('contractors.siteChecked'),
                      dataIndex: 'siteChecked',
                      render: (v: boolean | null) =>
                        v === null ? '—' : v ? '✓' : <Tag color="warning">✗</Tag>,
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'evaluations',
            label: t('contractors.evaluations'),
            children: (
              <>
                {writable && (
                  <Button style={{ marginBottom: 8 }} onClick={() => setModal('evaluate')}>
                    {t('contractors.evaluate')}
                  </Button>
                )}
                <div style={{ fontWeight: 500 }}>{t('contractors.historyChart')}</div>
                <MiniBars
                  testId="evaluation-chart"
                  rows={[...(evaluations.data?.items ?? [])]
                    .reverse()
                    .map((e) => ({ label: e.month, values: [e.total] }))}
                  series={[{ name: t('contractors.total'), color: '#1677ff' }]}
                  height={100}
                />
                <Table<ContractorEvaluation>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={evaluations.data?.items ?? []}
                  expandable={{
                    expandedRowRender: (e) =>
                      e.items.map((i) => `${i.label} ${i.score}/${i.weight}`).join('；'),
                  }}
                  columns={[
                    { title: t('contractors.month'), dataIndex: 'month' },
                    { title: t('contractors.total'), dataIndex: 'total' },
                    {
                      title: t('contractors.grade'),
                      dataIndex: 'grade',
                      render: (g: EvaluationGrade) => <GradeTag grade={g} />,
                    },
                    {
                      title: t('contractors.settlement'),
                      dataIndex: 'settlementPercent',
                      render: (v: number) => `${v}%`,
                    },
                    { title: t('stock.note'), dataIndex: 'note' },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      {x && modal === 'contract' && <ContractModal contractor={x} onClose={() => setModal(null)} />}
      {x && modal === 'visit' && <SignInModal contractor={x} onClose={() => setModal(null)} />}
      {x && modal === 'evaluate' && <EvaluateModal contractor={x} onClose={() => setModal(null)} />}
    </Drawer>
  );
}
