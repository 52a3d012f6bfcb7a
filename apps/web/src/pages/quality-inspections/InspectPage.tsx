import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { NONCONFORMANCE_TYPES } from '@guanjia/shared';
import { type InspectionDetail, type SheetItem, uploadIdOf } from '@guanjia/shared/api';
import {
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { PhotoPicker } from '../tech/PhotoPicker';
import { useInspection, useQualityWrite } from './hooks';

interface FindingForm {
  count: number;
  month?: string;
  note: string;
  location?: string;
  ncType?: string;
  photos: string[];
}

/**
 * The inspection on a phone: every section and item with its score, computed live by the server's rules
 * after each finding (R1/R2, pass/fail, veto, N/A rescaling); 提交 freezes the scores and opens the 整改单.
 */
export default function InspectPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const id = Number(useParams().id);
  const q = useInspection(id);
  const [adding, setAdding] = useState<SheetItem | null>(null);
  const [form] = Form.useForm<FindingForm>();
  const add = useQualityWrite((v: FindingForm & { itemId: string }) =>
    api.post<InspectionDetail>(`/api/inspections/${id}/findings`, {
      itemId: v.itemId,
      count: v.count,
      month: v.month,
      note: v.note,
      location: v.location || undefined,
      ncType: v.ncType,
      photoIds: v.photos.map((p) => uploadIdOf(p)).filter((x): x is number => x !== null),
    }),
  );
  const remove = useQualityWrite((findingId: number) =>
    api.delete(`/api/inspections/${id}/findings/${findingId}`),
  );
  const patch = useQualityWrite((v: { version: number; notApplicable: string[] }) =>
    api.patch(`/api/inspections/${id}`, v),
  );
  const submit = useQualityWrite(() => api.post<InspectionDetail>(`/api/inspections/${id}/submit`));
  const d = q.data;
  if (!d) return <Spin style={{ margin: 48 }} />;
  const editable = d.state === 'planned' || d.state === 'in_progress';
  const s = d.scores;
  const itemScore = (key: string) => s.sections.flatMap((x) => x.items).find((i) => i.key === key);
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12, paddingBottom: 88 }} data-testid="qi-form">
      <Space style={{ marginBottom: 8 }}>
        <Link to="/quality/mobile">
          <ArrowLeftOutlined /> {t('qi.form.back')}
        </Link>
      </Space>
      <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 2, marginBottom: 12 }}>
        <Typography.Text strong>{d.sheetName}</Typography.Text> <Tag>v{d.sheetVersion}</Tag>
        <Tag>{t(`qi.mode.${d.mode}`)}</Tag>
        <Tag color={d.state === 'submitted' ? 'green' : 'blue'}>{t(`qi.state.${d.state}`)}</Tag>
        <div style={{ fontSize: 28, fontWeight: 600 }} data-testid="qi-live-total">
          {s.total}
          <span style={{ fontSize: 14, color: '#888' }}>
            {' '}
            / {s.fullPoints} · {s.percent}
          </span>
        </div>
        {s.vetoed && <Tag color="red">{t('qi.form.vetoed')}</Tag>}
        {d.sampledMonths.length > 0 && (
          <div>
            {t('qi.form.months')}: {d.sampledMonths.join('、')}
          </div>
        )}
      </Card>
      {d.sheet.sections.map((sec) => {
        const ss = s.sections.find((x) => x.key === sec.key);
        return (
          <Card
            key={sec.key}
            size="small"
            title={sec.title}
            extra={`${ss?.score ?? 0} / ${ss?.points ?? 0}`}
            style={{ marginBottom: 12 }}
          >
            {sec.items.map((item) => {
              const sc = itemScore(item.key);
              const na = d.notApplicable.includes(item.key);
              const findings = d.findings.filter((f) => f.itemKey === item.key);
              return (
                <div
                  key={item.key}
                  style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
                  data-testid={`qi-item-${item.key}`}
                >
                  <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                    <div>
                      <Typography.Text>{item.title}</Typography.Text>{' '}
                      <Tag style={{ fontSize: 11 }}>{t(`qi.rule.${item.rule}`)}</Tag>
                      <div style={{ fontSize: 12, color: '#888' }}>{item.standard}</div>
                    </div>
                    <Typography.Text strong data-testid={`qi-score-${item.key}`}>
                      {na
                        ? t('qi.form.na')
                        : item.rule === 'veto'
                          ? sc?.defects
                            ? '✗'
                            : '✓'
                          : `${sc?.score ?? 0}/${item.points}`}
                    </Typography.Text>
                  </Space>
                  {findings.map((f) => (
                    <div key={f.id} style={{ fontSize: 13, color: '#cf1322', marginTop: 4 }}>
                      · {f.note}
                      {f.count > 1 ? ` ×${f.count}` : ''}
                      {f.month ? `(${f.month})` : ''}
                      {f.location ? ` @${f.location}` : ''}
                      {editable && (
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove.mutate(f.id)}
                          aria-label={t('qi.form.remove')}
                        />
                      )}
                    </div>
                  ))}
                  {editable && (
                    <Space style={{ marginTop: 4 }}>
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        disabled={na}
                        onClick={() => {
                          form.resetFields();
                          form.setFieldsValue({
                            count: 1,
                            photos: [],
                            month: item.rule === 'record_audit' ? d.sampledMonths[0] : undefined,
                            ncType: item.ncType ?? undefined,
                          });
                          setAdding(item);
                        }}
                        data-testid={`qi-add-${item.key}`}
                      >
                        {t('qi.form.addFinding')}
                      </Button>
                      {item.rule !== 'veto' && (
                        <Checkbox
                          checked={na}
                          disabled={findings.length > 0}
                          onChange={(e) =>
                            patch.mutate({
                              version: d.version,
                              notApplicable: e.target.checked
                                ? [...d.notApplicable, item.key]
                                : d.notApplicable.filter((k) => k !== item.key),
                            })
                          }
                        >
                          {t('qi.form.na')}
                        </Checkbox>
                      )}
                    </Space>
                  )}
                </div>
              );
            })}
          </Card>
        );
      })}
      {editable && (
        <div
          style={{
            position: 'fixed',
            left: 0,
            right: 0,
            bottom: 0,
            padding: 12,
            background: '#fff',
            boxShadow: '0 -2px 8px rgba(0,0,0,.08)',
            zIndex: 3,
          }}
        >
          <Button
            type="primary"
            block
            size="large"
            loading={submit.isPending}
            data-testid="qi-submit"
            onClick={() =>
              modal.confirm({
                title: t('qi.form.submit'),
                content: t('qi.form.submitConfirm'),
                okButtonProps: { 'data-testid': 'qi-submit-ok' } as Record<`data-${string}`, string>,
                onOk: () =>
                  submit.mutateAsync(undefined).then(
                    () => void message.success(t('qi.form.submitted')),
                    (e: Error) => void message.error(e.message),
                  ),
              })
            }
          >
            {t('qi.form.submit')}
          </Button>
        </div>
      )}
      <Drawer
        open={Boolean(adding)}
        placement="bottom"
        height="auto"
        title={adding?.title}
        onClose={() => setAdding(null)}
        extra={
          <Button
            type="primary"
            loading={add.isPending}
            data-testid="qi-finding-save"
            onClick={() =>
              form
                .validateFields()
                .then((v) =>
                  add.mutate(
                    { ...v, itemId: adding!.key },
                    { onSuccess: () => setAdding(null), onError: (e) => void message.error(e.message) },
                  ),
                )
            }
          >
            {t('qi.form.save')}
          </Button>
        }
      >
        <Form form={form} layout="vertical">
          {adding?.rule !== 'pass_fail' && adding?.rule !== 'veto' && (
            <Form.Item name="count" label={t('qi.form.count')}>
              <InputNumber min={1} max={100} style={{ width: '100%' }} data-testid="qi-finding-count" />
            </Form.Item>
          )}
          {adding?.rule === 'record_audit' && (
            <Form.Item name="month" label={t('qi.form.month')}>
              <Select options={d.sampledMonths.map((m) => ({ value: m, label: m }))} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('qi.form.note')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="qi-finding-note" />
          </Form.Item>
          <Form.Item name="location" label={t('qi.form.location')}>
            <Input />
          </Form.Item>
          <Form.Item name="ncType" label={t('qi.form.ncType')}>
            <Select
              allowClear
              options={NONCONFORMANCE_TYPES.map((n) => ({ value: n, label: t(`qi.nc.${n}`) }))}
            />
          </Form.Item>
          <Form.Item name="photos" label={t('qi.form.photos')} valuePropName="value">
            <PhotoPicker
              value={form.getFieldValue('photos') ?? []}
              onChange={(v) => form.setFieldValue('photos', v)}
              testId="qi-photos"
              projectId={d.projectId}
              max={6}
            />
          </Form.Item>
        </Form>
      </Drawer>
    </div>
  );
}
