import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { Emergency } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { PhotoList } from '../../components/Photos';
import { useEnumLabel } from '../../enumLabel';
import { eventName } from '../../eventName';
import { formatDateTime } from '../../format';
import { useEmergency } from './hooks';
import { ReviewPanel } from './ReviewPanel';
import { StepsTable } from './StepsTable';

const NEXT: Record<string, '已确认' | '已到场' | '已控制' | '已结束' | undefined> = {
  已上报: '已确认',
  已确认: '已到场',
  已到场: '已控制',
  已控制: '已结束',
};

/** POST /api/emergencies/:id/<path> with the answer put into the page's cache. */
function useEmergencyCommand(
  id: number,
  path: string,
  onSuccess: (e: Emergency) => void,
  onError: (e: unknown) => void,
) {
  return useMutation({
    mutationFn: (body: unknown) => api.post<Emergency>(`/api/emergencies/${id}/${path}`, body),
    onSuccess,
    onError,
  });
}

/** One emergency: its steps against the clock, the residents' notice, the 特别事件报告, the review, the PDF. */
export default function EmergencyPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const query = useEmergency(id);
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [reportForm] = Form.useForm();
  const [noticeForm] = Form.useForm<{ residentText: string }>();
  const set = (next: Emergency) => queryClient.setQueryData(['emergency', id], next);
  const onErr = (error: unknown) => onError(error);
  const move = useEmergencyCommand(id, 'status', set, onErr);
  const close = useEmergencyCommand(id, 'close', set, onErr);
  const notify = useEmergencyCommand(id, 'notify', set, onErr);
  const stormDone = useMutation({
    mutationFn: (taskId: number) => api.post<Emergency>(`/api/emergencies/${id}/storm-tasks/${taskId}/done`),
    onSuccess: set,
    onError: onErr,
  });
  const saveReport = useMutation({
    mutationFn: (body: unknown) => api.put<Emergency>(`/api/emergencies/${id}/report`, body),
    onSuccess: set,
    onError: (error) => onError(error, { form: reportForm }),
  });
  const e = query.data;
  if (!e) return <PageSpinner />;
  const active = ['已上报', '已确认', '已到场', '已控制'].includes(e.status);
  const next = NEXT[e.status];
  const needsReview = e.level !== '一般' && !e.review;

  return (
    <>
      <PageHeader
        back={
          <Link to="/emergencies">
            <ArrowLeftOutlined />
          </Link>
        }
        title={`${e.drill ? '【演习】' : ''}${e.number} ${label(e.type)}`}
        subTitle={
          <Space>
            <Tag color={e.level === '重大' ? 'red' : e.level === '较大' ? 'orange' : 'blue'}>
              {label(e.level)}
            </Tag>
            <Tag data-testid="em-status">{label(e.status)}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {next && can('emergencies.report') && (
              <Button onClick={() => move.mutate({ to: next, version: e.version })} data-testid="em-next">
                {t('emergencies.detail.moveTo', { status: label(next) })}
              </Button>
            )}
            {!e.closedAt && ['已控制', '已结束'].includes(e.status) && (
              <Button
                type="primary"
                disabled={needsReview}
                title={needsReview ? t('emergencies.detail.closeNeedsReview') : undefined}
                onClick={() => close.mutate({ version: e.version })}
                data-testid="em-close"
              >
                {t('emergencies.detail.close')}
              </Button>
            )}
            <Button
              icon={<FilePdfOutlined />}
              href={`/api/emergencies/${e.id}/report.pdf`}
              target="_blank"
              data-testid="em-pdf"
            >
              {t('emergencies.detail.pdf')}
            </Button>
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('emergencies.fields.place')}>{e.place}</Descriptions.Item>
              <Descriptions.Item label={t('emergencies.fields.reporter')}>
                {e.reportedByName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('emergencies.fields.startedAt')}>
                {formatDateTime(e.startedAt)}
              </Descriptions.Item>
              <Descriptions.Item
                label={t('emergencies.plans.name')}
              >{`${e.planName} v${e.planVersion}`}</Descriptions.Item>
              <Descriptions.Item label={t('emergencies.fields.description')} span={2}>
                {e.description || '—'}
              </Descriptions.Item>
            </Descriptions>
            {e.photoUploadIds.length > 0 && (
              <PhotoList photos={e.photoUploadIds.map((p) => `/api/uploads/${p}`)} />
            )}
          </Card>
          <Card title={t('emergencies.detail.steps')} size="small" style={{ marginBottom: 16 }}>
            <StepsTable e={e} active={active} />
          </Card>
          <Card title={t('emergencies.detail.notify')} size="small" style={{ marginBottom: 16 }}>
            {e.outageIncidentId ? (
              <Alert
                type="success"
                showIcon
                message={
                  <Link to="/incidents">{t('emergencies.detail.notified', { id: e.outageIncidentId })}</Link>
                }
              />
            ) : active && can('incidents.write') ? (
              <Form
                form={noticeForm}
                layout="vertical"
                initialValues={{
                  residentText: t('emergencies.detail.notifyDefault', {
                    place: e.place,
                    type: label(e.type),
                    resident: { name: '{{resident.name}}' },
                  }),
                }}
                onFinish={(v) => notify.mutate(v)}
              >
                <Form.Item
                  name="residentText"
                  label={t('emergencies.detail.notifyText')}
                  rules={[{ required: true }]}
                >
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={notify.isPending} data-testid="em-notify">
                  {t('emergencies.detail.notify')}
                </Button>
              </Form>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Card>
          <Card title={t('emergencies.detail.report')} size="small" style={{ marginBottom: 16 }}>
            <Form
              form={reportForm}
              layout="vertical"
              initialValues={e.report}
              onFinish={(v) => saveReport.mutate({ ...v, version: e.version })}
            >
              {(['cause', 'handling', 'aftermath', 'result'] as const).map((k) => (
                <Form.Item key={k} name={k} label={t(`emergencies.detail.${k}`)}>
                  <Input.TextArea rows={2} maxLength={4000} data-testid={`report-${k}`} />
                </Form.Item>
              ))}
              <Button htmlType="submit" loading={saveReport.isPending} data-testid="report-save">
                {t('emergencies.detail.saveReport')}
              </Button>
            </Form>
          </Card>
          {(e.review || ['已控制', '已结束', '已复盘'].includes(e.status)) && <ReviewPanel e={e} />}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('emergencies.detail.tickets')} size="small" style={{ marginBottom: 16 }}>
            {e.linkedTicketIds.length ? (
              <Space wrap>
                {e.linkedTicketIds.map((tid) => (
                  <Link key={tid} to={`/tickets/${tid}`}>
                    #{tid}
                  </Link>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('emergencies.detail.noTickets')}</Typography.Text>
            )}
          </Card>
          {e.stormTasks.length > 0 && (
            <Card title={t('emergencies.detail.storm')} size="small" style={{ marginBottom: 16 }}>
              {e.stormTasks.map((s) => (
                <div
                  key={s.id}
                  style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 0' }}
                >
                  <span>{s.title}</span>
                  {s.doneAt ? (
                    <Typography.Text type="success">{t('emergencies.review.done')}</Typography.Text>
                  ) : (
                    <Space size={4}>
                      <Typography.Text type="secondary">{`${s.assigneeName ?? ''} ${formatDateTime(s.dueAt)}`}</Typography.Text>
                      <Button size="small" onClick={() => stormDone.mutate(s.id)}>
                        {t('emergencies.detail.markDone')}
                      </Button>
                    </Space>
                  )}
                </div>
              ))}
            </Card>
          )}
          <Card title={t('emergencies.detail.timeline')} size="small">
            {e.timeline.length ? (
              <Timeline
                items={e.timeline.map((l) => ({
                  children: (
                    <>
                      <div>
                        <Typography.Text strong>{eventName(t, l.action)}</Typography.Text> {l.detail}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(l.at)} · {l.actorName ?? t('emergencies.detail.system')}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
