import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { isIanaTimeZone } from '@guanjia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Segmented,
  Space,
  Switch,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Period, SlaCalendar } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type RangeValue = [Dayjs, Dayjs];
interface CalendarValues {
  name: string;
  scope: 'company' | 'project';
  timezone: string;
  always: boolean;
  isDefault: boolean;
  weekdays: RangeValue[][];
  holidays: Dayjs[];
  extraWorkdays: Dayjs[];
}

// A period may end at 24:00, which a time picker cannot show: 23:59 in the picker stands for it.
const toRange = (p: Period): RangeValue => [
  dayjs(p.start, 'HH:mm'),
  p.end === '24:00' ? dayjs('23:59', 'HH:mm') : dayjs(p.end, 'HH:mm'),
];
const fromRange = ([start, end]: RangeValue): Period => ({
  start: start.format('HH:mm'),
  end: end.format('HH:mm') === '23:59' ? '24:00' : end.format('HH:mm'),
});

const STANDARD: Period[][] = [
  ...Array.from({ length: 5 }, () => [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ]),
  [],
  [],
];

function minutesOf(periods: Period[]): number {
  const m = (v: string) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3));
  return periods.reduce((sum, p) => sum + Math.max(0, m(p.end) - m(p.start)), 0);
}

/** 工作日历: working periods per weekday (lunch breaks), holidays and 调休 working weekends. */
export function CalendarEditor({
  calendar,
  open,
  onClose,
}: {
  calendar: SlaCalendar | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { user, projectId, project } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CalendarValues>();
  const always = Form.useWatch('always', form) ?? false;
  const weekdays = Form.useWatch('weekdays', form);

  const initial = (): CalendarValues => ({
    name: calendar?.name ?? '',
    scope: calendar ? (calendar.projectId === null ? 'company' : 'project') : 'project',
    timezone: calendar?.timezone ?? 'Asia/Shanghai',
    always: calendar?.always ?? false,
    isDefault: calendar?.isDefault ?? false,
    weekdays: (calendar?.weekdays ?? STANDARD).map((day) => day.map(toRange)),
    holidays: (calendar?.holidays ?? []).map((d) => dayjs(d)),
    extraWorkdays: (calendar?.extraWorkdays ?? []).map((d) => dayjs(d)),
  });

  const save = useMutation({
    mutationFn: (v: CalendarValues) => {
      const body = {
        name: v.name.trim(),
        timezone: v.timezone,
        always: v.always,
        isDefault: v.isDefault,
        weekdays: v.weekdays.map((day) => (day ?? []).filter((r) => r?.[0] && r[1]).map(fromRange)),
        holidays: [...new Set(v.holidays.map((d) => d.format('YYYY-MM-DD')))].sort(),
        extraWorkdays: [...new Set(v.extraWorkdays.map((d) => d.format('YYYY-MM-DD')))].sort(),
      };
      return calendar
        ? api.put<SlaCalendar>(`/api/calendars/${calendar.id}`, { ...body, version: calendar.version })
        : api.post<SlaCalendar>('/api/calendars', {
            ...body,
            projectId: v.scope === 'company' ? null : projectId,
          });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['calendars'] });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['calendars'] });
          onClose();
        },
      }),
  });

  const copyMonday = () => {
    const monday = form.getFieldValue(['weekdays', 0]) as RangeValue[] | undefined;
    const all = form.getFieldValue('weekdays') as RangeValue[][];
    form.setFieldValue(
      'weekdays',
      all.map((day, i) => (i >= 1 && i <= 4 ? [...(monday ?? [])] : day)),
    );
  };

  return (
    <Drawer
      open={open}
      size={720}
      title={calendar ? t('calendars.edit', { name: calendar.name }) : t('calendars.create')}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) form.setFieldsValue(initial());
      }}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="calendar-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<CalendarValues>
        form={form}
        layout="vertical"
        initialValues={initial()}
        onFinish={(v) => save.mutate(v)}
      >
        <Space size={16} wrap align="start">
          <Form.Item
            name="name"
            label={t('calendars.fields.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            style={{ width: 260 }}
          >
            <Input maxLength={60} data-testid="calendar-name" />
          </Form.Item>
          <Form.Item name="scope" label={t('slaPolicies.fields.scope')}>
            <Segmented
              disabled={Boolean(calendar)}
              options={[
                { value: 'project', label: project?.name ?? t('settings.scopes.project') },
                ...(user?.allProjects ? [{ value: 'company', label: t('settings.scopes.company') }] : []),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="timezone"
            label={t('calendars.fields.timezone')}
            style={{ width: 160 }}
            // The server refuses any other zone (400); saying so here keeps the dialog open with the reason.
            rules={[
              {
                validator: (_, value: unknown) =>
                  typeof value === 'string' && isIanaTimeZone(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('validation.timeZone'))),
              },
            ]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Space>
        <Space size={24}>
          <Form.Item
            name="always"
            label={t('calendars.fields.always')}
            valuePropName="checked"
            extra={t('calendars.alwaysHint')}
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="isDefault"
            label={t('calendars.fields.isDefault')}
            valuePropName="checked"
            extra={t('calendars.defaultHint')}
          >
            <Switch />
          </Form.Item>
        </Space>
        {!always && (
          <>
            <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
              <Typography.Text strong style={{ flex: 1 }}>
                {t('calendars.weekdays')}
              </Typography.Text>
              <Button size="small" icon={<CopyOutlined />} onClick={copyMonday}>
                {t('calendars.copyMonday')}
              </Button>
            </div>
            {WEEKDAY_KEYS.map((key, day) => (
              <Form.List key={key} name={['weekdays', day]}>
                {(fields, { add, remove }) => (
                  <div
                    style={{
                      display: 'flex',
                      alignItems: 'flex-start',
                      gap: 8,
                      padding: '6px 0',
                      borderTop: '1px solid rgba(5,5,5,.06)',
                    }}
                    data-testid={`weekday-${key}`}
                  >
                    <div style={{ width: 64, paddingTop: 5 }}>
                      <Typography.Text strong={day < 5}>{t(`calendars.days.${key}`)}</Typography.Text>
                    </div>
                    <div style={{ flex: 1 }}>
                      {fields.length === 0 && (
                        <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                          {t('calendars.dayOff')}
                        </Typography.Text>
                      )}
                      <Space orientation="vertical" size={6}>
                        {fields.map((field) => (
                          <Space key={field.key}>
                            <Form.Item
                              name={field.name}
                              noStyle
                              rules={[{ required: true, message: t('validation.required') }]}
                            >
                              <TimePicker.RangePicker
                                format="HH:mm"
                                minuteStep={5}
                                needConfirm={false}
                                order
                              />
                            </Form.Item>
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              onClick={() => remove(field.name)}
                              aria-label={t('common.delete')}
                            />
                          </Space>
                        ))}
                      </Space>
                    </div>
                    <Typography.Text
                      type="secondary"
                      style={{ width: 80, textAlign: 'end', paddingTop: 5, fontSize: 12 }}
                    >
                      {t('calendars.hours', {
                        value:
                          Math.round(
                            (minutesOf(
                              (weekdays?.[day] ?? []).filter((r) => r?.[0] && r[1]).map((r) => fromRange(r)),
                            ) /
                              60) *
                              10,
                          ) / 10,
                      })}
                    </Typography.Text>
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => add()}
                      disabled={fields.length >= 6}
                    >
                      {t('calendars.addPeriod')}
                    </Button>
                  </div>
                )}
              </Form.List>
            ))}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('calendars.endHint')}
            </Typography.Paragraph>
            <Form.Item
              name="holidays"
              label={t('calendars.fields.holidays')}
              extra={t('calendars.holidaysHint')}
            >
              <DatePicker multiple maxTagCount="responsive" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="extraWorkdays"
              label={t('calendars.fields.extraWorkdays')}
              extra={t('calendars.extraHint')}
            >
              <DatePicker multiple maxTagCount="responsive" style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
