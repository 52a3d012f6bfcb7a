import type { EquipmentDetail } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { formatDate, formatDateTime } from '../../../format';
import { STATUS_COLOR, systemLabel, TASK_COLOR } from '../../assets/assetText';

/** What a scanned label opens: the equipment, its open repairs, its next tasks and its history. */
export default function TechEquipmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const detail = useQuery({
    queryKey: ['equipment', 'detail', id],
    queryFn: () => api.get<EquipmentDetail>(`/api/equipment/${id}`),
  });
  const e = detail.data;
  if (!e) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  return (
    <div data-testid="tech-equipment">
      <Button type="link" onClick={() => navigate('/tech/inspections')} style={{ paddingInline: 0 }}>
        ‹ {t('assets.tech.back')}
      </Button>
      <Typography.Title level={4} style={{ margin: '4px 0 8px' }}>
        {e.code} {e.name} <Tag color={STATUS_COLOR[e.status]}>{t(`assets.status.${e.status}`)}</Tag>
      </Typography.Title>
      <Descriptions size="small" column={1} bordered style={{ background: '#fff' }}>
        <Descriptions.Item label={t('assets.fields.system')}>{systemLabel(t, e.system)}</Descriptions.Item>
        <Descriptions.Item label={t('assets.fields.location')}>{e.location}</Descriptions.Item>
        <Descriptions.Item label={t('assets.fields.brandModel')}>{`${e.brand} ${e.model}`}</Descriptions.Item>
        <Descriptions.Item label={t('assets.fields.maintainer')}>{e.maintainer || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('assets.fields.warrantyEnd')}>
          {formatDate(e.warrantyEnd)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('assets.equipment.nextTasks')}
      </Typography.Title>
      <List
        dataSource={e.nextTasks}
        locale={{ emptyText: t('assets.equipment.none') }}
        style={{ background: '#fff', borderRadius: 8 }}
        renderItem={(task) => (
          <List.Item style={{ padding: 12 }}>
            <Button
              block
              size="large"
              type="primary"
              ghost
              onClick={() => navigate(`/tech/inspections/${task.id}`)}
              data-testid={`next-task-${task.id}`}
              style={{ whiteSpace: 'normal', height: 'auto' }}
            >
              {task.title} · {formatDateTime(task.dueAt)}
            </Button>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('assets.equipment.openWorkOrders')}
      </Typography.Title>
      <List
        dataSource={e.openWorkOrders}
        locale={{ emptyText: t('assets.equipment.none') }}
        style={{ background: '#fff', borderRadius: 8 }}
        renderItem={(w) => (
          <List.Item style={{ padding: 12 }} onClick={() => navigate(`/tech/wo/${w.id}`)}>
            {w.number} <Tag>{w.status}</Tag>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('assets.equipment.recentTasks')}
      </Typography.Title>
      <List
        dataSource={e.recentTasks}
        style={{ background: '#fff', borderRadius: 8 }}
        renderItem={(task) => (
          <List.Item style={{ padding: 12 }}>
            {formatDate(task.dueDate)}{' '}
            <Tag color={TASK_COLOR[task.status]}>{t(`assets.taskStatus.${task.status}`)}</Tag> {task.title}
          </List.Item>
        )}
      />
    </div>
  );
}
