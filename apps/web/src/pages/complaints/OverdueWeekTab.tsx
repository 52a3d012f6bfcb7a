import type { ComplaintLedgerItem, ComplaintOverdueWeek } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Input,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { formatDate, formatDateTime } from '../../format';
import { GradeTag } from './labels';

/** 周超期分析 (Q52): the week's late complaints, why each was late (the owner's words), by cause and department. */
export function OverdueWeekTab({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [week, setWeek] = useState<Dayjs | null>(null);
  const [editing, setEditing] = useState<ComplaintLedgerItem | null>(null);
  const data = useQuery({
    queryKey: ['complaints', 'overdue-week', projectId, week?.toISOString() ?? null],
    queryFn: () =>
      api.get<ComplaintOverdueWeek>('/api/complaints/overdue-week', {
        projectId,
        week: week ? week.toISOString() : undefined,
      }),
  });
  const d = data.data;
  const counts = (rows: { label: string; count: number }[]) =>
    rows.length ? (
      <Space wrap>
        {rows.map((r) => (
          <Tag key={r.label}>
            {r.label} · {r.count}
          </Tag>
        ))}
      </Space>
    ) : (
      '—'
    );
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('complaints.week.pick')}</Typography.Text>
        <DatePicker picker="week" value={week} onChange={setWeek} />
        {d && (
          <Typography.Text type="secondary">
            {t('complaints.week.range', {
              from: formatDate(d.from),
              to: formatDate(new Date(Date.parse(d.to) - 1).toISOString()),
            })}
          </Typography.Text>
        )}
      </Space>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('complaints.week.byCause')}>
            {counts(
              (d?.byCause ?? []).map((c) => ({
                label: c.cause in CAUSE_KEYS ? t(`complaints.causes.${c.cause}`) : c.cause,
                count: c.count,
              })),
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('complaints.week.byDepartment')}>
            {counts((d?.byDepartment ?? []).map((c) => ({ label: c.departmentName, count: c.count })))}
          </Card>
        </Col>
      </Row>
      <Table<ComplaintLedgerItem>
        rowKey="id"
        size="middle"
        loading={data.isLoading}
        dataSource={d?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="overdue-week"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.week.empty')} />,
        }}
        columns={[
          {
            title: t('complaints.fields.number'),
            dataIndex: 'number',
            render: (n: string, r) => <Link to={`/tickets/${r.id}`}>{n}</Link>,
          },
          { title: t('complaints.fields.title'), dataIndex: 'title', ellipsis: true, width: 200 },
          { title: t('complaints.fields.grade'), dataIndex: 'grade', render: (g) => <GradeTag grade={g} /> },
          { title: t('complaints.fields.owner'), dataIndex: 'ownerName', render: (v) => v ?? '—' },
          { title: t('complaints.fields.department'), dataIndex: 'departmentName', render: (v) => v ?? '—' },
          {
            title: t('complaints.fields.replyDue'),
            dataIndex: 'replyDueAt',
            render: (v: string | null) => (v ? formatDateTime(v).slice(0, 16) : '—'),
          },
          {
            title: t('complaints.fields.overdueCause'),
            dataIndex: 'overdueCause',
            width: 260,
            render: (v: string | null, r) => (
              <Space>
                {v ? v : <Typography.Text type="warning">{t('complaints.week.noCause')}</Typography.Text>}
                {can('tickets.write') && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {t('complaints.week.recordCause')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <OverdueCauseModal item={editing} onClose={() => setEditing(null)} />
    </>
  );
}

const CAUSE_KEYS: Record<string, true> = {
  服务质量: true,
  房屋质量: true,
  配套设施: true,
  收费: true,
  邻里: true,
  其他: true,
};

/** Why the complaint ran late: written by its owner for the weekly meeting. */
export function OverdueCauseModal({
  item,
  onClose,
}: {
  item: { id: number; version: number; overdueCause: string | null } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(`/api/tickets/${item?.id}/overdue-cause`, { version: item?.version, cause: text.trim() }),
    onSuccess: () => {
      void message.success(t('complaints.week.saved'));
      void queryClient.invalidateQueries({ queryKey: ['complaints'] });
      void queryClient.invalidateQueries({ queryKey: ['ticket', item?.id] });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      onClose();
    },
    onError: (e) => onError(e),
  });
  return (
    <Modal
      open={item !== null}
      title={t('complaints.week.recordCause')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okButtonProps={{ disabled: !text.trim() }}
      confirmLoading={save.isPending}
      afterOpenChange={(open) => open && setText(item?.overdueCause ?? '')}
      destroyOnHidden
    >
      <Input.TextArea
        rows={4}
        maxLength={500}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('complaints.week.causePlaceholder')}
        data-testid="overdue-cause-input"
      />
    </Modal>
  );
}
