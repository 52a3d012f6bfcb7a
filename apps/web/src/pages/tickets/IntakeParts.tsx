import type { TicketPriority, TicketType } from '@guanjia/shared';
import type { FormInstance } from 'antd';
import { Alert, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { validPhone } from '../residents/validators';

/** The 受理 form's fields. */
export interface IntakeValues {
  type: TicketType;
  channel: string;
  priority: TicketPriority;
  appointmentAt?: Dayjs | null;
  categoryPath?: number[];
  unitId?: number;
  contactName?: string;
  contactPhone?: string;
  description: string;
  answerNow?: boolean;
  answer?: string;
}

/** The confirmation after an intake: its number and a link to it. */
export function IntakeCreated({
  created,
  onClose,
}: {
  created: { id: number; number: string; closed: boolean };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="intake-created"
      title={
        <Space wrap>
          <span>
            {t(created.closed ? 'intake.createdClosed' : 'intake.created', { number: created.number })}
          </span>
          <Link to={`/tickets/${created.id}`} data-testid="intake-created-link">
            {t('intake.viewTicket')}
          </Link>
        </Space>
      }
    />
  );
}

/** A caller not in the archive: a name and a number to call back (or a unit). */
export function UnknownCallerFields({ form }: { form: FormInstance<IntakeValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="contactName"
        label={t('intake.contactName')}
        rules={[{ max: 50, message: t('validation.max', { max: 50 }) }]}
      >
        <Input data-testid="contact-name" autoFocus />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('intake.contactPhone')}
        rules={[
          {
            validator: async (_r, v: string | undefined) => {
              if (v?.trim() && !validPhone(v)) throw new Error(t('validation.phone'));
              if (!v?.trim() && !form.getFieldValue('unitId')) throw new Error(t('intake.phoneOrUnit'));
            },
          },
        ]}
      >
        <Input data-testid="contact-phone" inputMode="tel" />
      </Form.Item>
    </>
  );
}
