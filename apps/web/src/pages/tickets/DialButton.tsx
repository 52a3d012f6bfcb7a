import { PhoneOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TicketDial } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';

/**
 * 回访 / 回电: the number as this role may see it and a dial button. The server decides how to call
 * (POST …/dial): through the PBX when the project links one (the agent's extension rings, the number stays
 * masked), otherwise it hands back the number for a tel: link — logged, since a masked role then sees it.
 */
export function DialButton({
  dialUrl,
  phone,
  testId = 'dial',
}: {
  /** `/api/tickets/:id/dial` or `/api/residents/:id/dial`. */
  dialUrl: string;
  phone: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const [tel, setTel] = useState<string | null>(null);
  const dial = useMutation({
    mutationFn: () => api.post<TicketDial>(dialUrl, undefined),
    onSuccess: (d) => {
      if (d.mode === 'pbx') void message.success(t('desk.dial.ringing'));
      else setTel(d.number);
    },
    onError: (error) => onError(error),
  });
  return (
    <Space size={8} wrap>
      <Typography.Text data-testid={`${testId}-phone`}>{phone ?? '—'}</Typography.Text>
      {can('calls.handle') &&
        (tel ? (
          <a href={`tel:${tel}`} data-testid={`${testId}-tel`}>
            <PhoneOutlined /> {t('desk.dial.tel', { number: tel })}
          </a>
        ) : (
          <Button
            size="small"
            icon={<PhoneOutlined />}
            loading={dial.isPending}
            onClick={() => dial.mutate()}
            data-testid={`${testId}-button`}
          >
            {t('desk.dial.call')}
          </Button>
        ))}
    </Space>
  );
}
