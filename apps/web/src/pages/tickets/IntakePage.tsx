import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import type { TicketType } from '@guanjia/shared';
import type { TriageResultDto } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  Radio,
  Row,
  Segmented,
  Select,
  Space,
  Typography,
} from 'antd';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useCategoryOptions, uuid } from '../../api/serviceHooks';
import type { Resident, TicketDetail } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { PriorityTag } from '../../components/ServiceTags';
import { useServiceVocab } from '../../serviceVocab';
import { useVocab } from '../../vocab';
import { IncidentBanner } from '../incidents/IncidentBanner';
import { UnitPicker } from '../residents/UnitPicker';
import { TriageSuggestion } from '../triage/TriageSuggestion';
import { AppointmentField } from './AppointmentField';
import { CallerCard } from './CallerCard';
import { IntakeCategoryField } from './IntakeCategoryField';
import { IntakeCreated, type IntakeValues, UnknownCallerFields } from './IntakeParts';
import { KbSuggestions } from './KbSuggestions';
import { ResidentSearch } from './ResidentSearch';

/** 咨询/表扬/建议 may be answered and closed during the call (首问负责制). */
const ANSWERABLE: readonly TicketType[] = ['咨询', '表扬', '建议'];

const INITIAL: IntakeValues = { type: '报修', channel: 'phone', priority: '一般', description: '' };

export default function IntakePage() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const sv = useServiceVocab();
  const { projectId, project, can } = useAuth();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IntakeValues>();
  const [mode, setMode] = useState<'resident' | 'unknown'>('resident');
  const [resident, setResident] = useState<Resident | null>(null);
  const [created, setCreated] = useState<{ id: number; number: string; closed: boolean } | null>(null);
  const idempotencyKey = useRef(uuid());
  const priorityTouched = useRef(false);
  const type = Form.useWatch('type', form) ?? '报修';
  const priority = Form.useWatch('priority', form) ?? '一般';
  const answerNow = Form.useWatch('answerNow', form) ?? false;
  const watchedUnit = Form.useWatch('unitId', form);
  const watchedPath = Form.useWatch('categoryPath', form);
  // An ongoing outage at the caller's unit: link the new ticket to it instead of opening a fresh case.
  const [attachTo, setAttachTo] = useState<number | null>(null);
  const description = Form.useWatch('description', form) ?? '';
  const contactPhone = Form.useWatch('contactPhone', form) as string | undefined;
  const { options, byId } = useCategoryOptions(projectId, Boolean(projectId));
  // Opened from the screen pop: ?residentId= (a known caller) or ?phone= (an unknown one), and the
  // call the ticket is linked to once created.
  const [search] = useSearchParams();
  const fromCall = Number(search.get('callId')) || null;
  const prefillResident = Number(search.get('residentId')) || null;
  const prefillPhone = search.get('phone');
  // The resident 360's "new ticket for this unit" names the unit when the resident has several.
  const prefillUnit = Number(search.get('unitId')) || null;
  useEffect(() => {
    if (prefillResident) {
      void api
        .get<Resident>(`/api/residents/${prefillResident}`)
        .then((r) => {
          setMode('resident');
          setResident(r);
          const chosen = r.units.find((u) => u.unitId === prefillUnit) ?? r.units[0];
          form.setFieldValue('unitId', chosen?.unitId);
        })
        .catch(() => undefined);
    } else if (prefillPhone) {
      setMode('unknown');
      form.setFieldValue('contactPhone', prefillPhone);
    }
  }, [prefillResident, prefillPhone, prefillUnit, form]);

  // 急修 shortcuts: the problems the tree marks urgent (漏水, 停电跳闸, 电梯困人 …), one click each.
  const urgentShortcuts = useMemo(
    () => [...byId.values()].filter((c) => c.level === 3 && c.active && c.defaultPriority === '急'),
    [byId],
  );

  const pickResident = (r: Resident) => {
    setResident(r);
    setCreated(null);
    form.setFieldValue('unitId', r.units[0]?.unitId);
  };

  const reset = () => {
    form.resetFields();
    setResident(null);
    setAttachTo(null);
    priorityTouched.current = false;
    idempotencyKey.current = uuid();
  };

  const chooseCategory = (path: number[] | undefined) => {
    form.setFieldValue('categoryPath', path);
    const leaf = path?.length ? byId.get(path[path.length - 1]!) : undefined;
    // A problem marked urgent makes the ticket urgent unless the agent already chose a priority.
    if (leaf?.defaultPriority && !priorityTouched.current)
      form.setFieldValue('priority', leaf.defaultPriority);
  };

  // 智能分类: the agent takes the suggested type, category (and urgency, unless they chose one).
  // biome-ignore lint/correctness/useExhaustiveDependencies: chooseCategory reads only byId and the form
  const acceptTriage = useCallback(
    (s: TriageResultDto, index: number) => {
      form.setFieldValue('type', s.type);
      const id = s.categories[index]?.id;
      const leaf = id ? byId.get(id) : undefined;
      if (leaf) chooseCategory([...leaf.pathIds]);
      if (s.urgency === 'urgent' && !priorityTouched.current) form.setFieldValue('priority', '急');
    },
    [form, byId],
  );

  const submit = useMutation({
    mutationFn: async (v: IntakeValues) => {
      const categoryId = v.categoryPath?.length ? v.categoryPath[v.categoryPath.length - 1] : undefined;
      const body = {
        projectId,
        type: v.type,
        channel: v.channel,
        priority: v.priority,
        appointmentAt: v.priority === '预约' && v.appointmentAt ? v.appointmentAt.toISOString() : null,
        unitId: v.unitId ?? null,
        residentId: mode === 'resident' ? (resident?.id ?? null) : null,
        contactName: mode === 'unknown' ? v.contactName?.trim() || null : null,
        contactPhone: mode === 'unknown' ? v.contactPhone?.trim() || null : null,
        categoryId: categoryId ?? null,
        description: v.description.trim(),
        // One request, one transaction: the answer given on the phone, the outage and the call links
        // are written with the ticket or not at all.
        answer: ANSWERABLE.includes(v.type) && v.answerNow && v.answer?.trim() ? v.answer.trim() : null,
        incidentId: attachTo && v.unitId ? attachTo : null,
        callId: fromCall,
      };
      return api.post<TicketDetail>('/api/tickets', body, {
        headers: { 'Idempotency-Key': idempotencyKey.current },
      });
    },
    onSuccess: (ticket) => {
      setCreated({ id: ticket.id, number: ticket.number, closed: ticket.status === '已关闭' });
      // What it was suggested and whether the agent corrected it: the retraining signal.
      void api.post(`/api/tickets/${ticket.id}/triage`).catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      reset();
    },
    onError: (error) => onError(error, { form }),
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  if (!projectId) return <Empty style={{ marginTop: 64 }} description={t('dashboard.noProject')} />;

  const unitOptions = resident?.units.map((u) => ({
    value: u.unitId,
    label: `${u.label}（${vocab.relation(u.relation)}）`,
  }));

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Enter submits from any field of the form
    <div onKeyDown={onKeyDown}>
      <PageHeader
        title={t('intake.title')}
        subTitle={project ? `${project.name} · ${t('intake.subtitle')}` : t('intake.subtitle')}
        extra={
          <Typography.Text type="secondary">
            <kbd>Ctrl</kbd> + <kbd>Enter</kbd> {t('intake.submitHint')}
          </Typography.Text>
        }
      />
      {created && <IntakeCreated created={created} onClose={() => setCreated(null)} />}
      <IncidentBanner
        unitId={watchedUnit ?? undefined}
        categoryId={watchedPath?.length ? watchedPath[watchedPath.length - 1] : undefined}
        attachTo={attachTo}
        onAttachChange={setAttachTo}
      />
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onFinish={(v) => submit.mutate(v)}
        data-testid="intake-form"
      >
        <Row gutter={16}>
          <Col xs={24} xl={9}>
            <Card
              title={
                <Space>
                  <PhoneOutlined />
                  {t('intake.caller')}
                </Space>
              }
              extra={
                <Segmented<'resident' | 'unknown'>
                  size="small"
                  value={mode}
                  onChange={(m) => {
                    setMode(m);
                    setResident(null);
                    form.setFieldValue('unitId', undefined);
                  }}
                  options={[
                    { value: 'resident', label: t('intake.knownCaller') },
                    { value: 'unknown', label: t('intake.unknownCaller') },
                  ]}
                  data-testid="caller-mode"
                />
              }
              style={{ marginBottom: 16 }}
            >
              {mode === 'resident' ? (
                <>
                  <ResidentSearch projectId={projectId} onPick={pickResident} autoFocus />
                  {resident ? (
                    <CallerCard
                      resident={resident}
                      onClear={() => {
                        setResident(null);
                        form.setFieldValue('unitId', undefined);
                      }}
                    />
                  ) : (
                    <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                      {t('intake.searchHelp')}
                    </Typography.Paragraph>
                  )}
                </>
              ) : (
                <UnknownCallerFields form={form} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            <Card title={t('intake.request')}>
              <Form.Item name="type" label={t('tickets.fields.type')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={sv.typeOptions}
                  data-testid="intake-type"
                />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="priority" label={t('tickets.fields.priority')}>
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      onChange={() => {
                        priorityTouched.current = true;
                      }}
                      options={sv.priorityOptions}
                      data-testid="intake-priority"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="channel" label={t('tickets.fields.channel')}>
                    <Select options={sv.channelOptions} data-testid="intake-channel" />
                  </Form.Item>
                </Col>
              </Row>
              {priority === '预约' && <AppointmentField testId="intake-appointment" pastDisabled />}
              <IntakeCategoryField
                type={type}
                options={options}
                urgentShortcuts={urgentShortcuts}
                onChoose={chooseCategory}
              />
              <Form.Item
                name="unitId"
                label={t('tickets.fields.unit')}
                extra={mode === 'resident' && !resident ? t('intake.unitFromCaller') : undefined}
              >
                {mode === 'resident' ? (
                  <Select
                    allowClear
                    options={unitOptions}
                    placeholder={t('intake.unitPlaceholder')}
                    data-testid="intake-unit"
                  />
                ) : (
                  <UnitPicker projectId={projectId} known={[]} />
                )}
              </Form.Item>
              <Form.Item
                name="description"
                label={t('tickets.fields.description')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 4000, message: t('validation.max', { max: 4000 }) },
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  placeholder={t('intake.descriptionPlaceholder')}
                  data-testid="intake-description"
                />
              </Form.Item>
              <TriageSuggestion text={description} projectId={projectId} onAccept={acceptTriage} />
              {can('kb.read') && (
                <KbSuggestions text={description} projectId={projectId} callerPhone={contactPhone} />
              )}
              {ANSWERABLE.includes(type) && (
                <>
                  <Form.Item name="answerNow" valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox data-testid="intake-answer-now">{t('intake.answerNow')}</Checkbox>
                  </Form.Item>
                  {answerNow && (
                    <Form.Item
                      name="answer"
                      label={t('tickets.fields.answer')}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="intake-answer" />
                    </Form.Item>
                  )}
                </>
              )}
              <Space>
                <Button
                  type="primary"
                  size="large"
                  htmlType="submit"
                  icon={<PlusOutlined />}
                  loading={submit.isPending}
                  disabled={!can('tickets.write')}
                  data-testid="intake-submit"
                >
                  {answerNow && ANSWERABLE.includes(type) ? t('intake.submitAndClose') : t('intake.submit')}
                </Button>
                <Button size="large" onClick={reset}>
                  {t('common.reset')}
                </Button>
                {priority === '急' && <PriorityTag priority="急" />}
              </Space>
            </Card>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
