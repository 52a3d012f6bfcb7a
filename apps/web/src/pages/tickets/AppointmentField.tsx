import { DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The 预约 time of a ticket (required when the priority is 预约), in 15-minute steps. */
export function AppointmentField({ testId, pastDisabled }: { testId?: string; pastDisabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="appointmentAt"
      label={t('tickets.fields.appointmentAt')}
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <DatePicker
        showTime={{ format: 'HH:mm', minuteStep: 15 }}
        format="YYYY-MM-DD HH:mm"
        disabledDate={pastDisabled ? (d) => d.isBefore(dayjs().startOf('day')) : undefined}
        style={{ width: 260 }}
        data-testid={testId}
      />
    </Form.Item>
  );
}
