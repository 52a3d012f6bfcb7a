import { TagsOutlined } from '@ant-design/icons';
import type { TicketChannel, TicketPriority, TicketType } from '@guanjia/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Popover, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoryOptions } from '../../api/serviceHooks';
import type { TicketSummary } from '../../api/types';
import { useApiError } from '../../components/feedback';
import { useServiceVocab } from '../../serviceVocab';
import { CategoryCascader, categoryPathOf } from './CategoryCascader';
import { editPayload } from './editPayload';
import { useEditTicket } from './useEditTicket';

/** Requests that arrive in writing are logged as they come and classified afterwards, from the list. */
export const CLASSIFIED_LATER: readonly TicketChannel[] = ['email', 'portal'];

/**
 * 分类 from the ticket list: click, pick type and category (its usual priority comes along), save —
 * an e-mail or portal request classified without opening it. Sent as a correction (PATCH) with a
 * standard reason, so the SLA clocks are re-planned from when the request came in.
 */
export function ClassifyPopover({ ticket }: { ticket: TicketSummary }) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { byId } = useCategoryOptions(ticket.projectId, open);
  const [type, setType] = useState<TicketType>(ticket.type);
  const [path, setPath] = useState<number[] | undefined>(undefined);
  const [priority, setPriority] = useState<TicketPriority>(ticket.priority);
  const save = useEditTicket(() => setOpen(false));
  const shownPath = path ?? categoryPathOf(byId, ticket.categoryId);

  const choose = (next: number[] | undefined) => {
    setPath(next);
    // A category may name its usual urgency (爆管 → 急): take it unless the request is by appointment.
    const usual = next?.length ? byId.get(next[next.length - 1]!)?.defaultPriority : null;
    if (usual && priority !== '预约') setPriority(usual);
  };
  // The list has no description: both sides empty, so the body never carries one.
  const changes = editPayload(
    { ...ticket, description: '' },
    {
      type,
      priority,
      appointmentAt: ticket.appointmentAt,
      categoryPath: shownPath,
      unitId: ticket.unitId,
      residentId: ticket.residentId,
      contactName: ticket.contactName,
      contactPhone: ticket.contactPhone,
      description: '',
    },
  );

  const content = (
    <Space orientation="vertical" style={{ width: 300 }} data-testid="classify-form">
      <Select<TicketType>
        value={type}
        onChange={setType}
        options={sv.typeOptions}
        style={{ width: '100%' }}
        data-testid="classify-type"
      />
      <CategoryCascader
        projectId={ticket.projectId}
        value={shownPath}
        onChange={choose}
        testId="classify-category"
      />
      <Select<TicketPriority>
        value={priority}
        onChange={setPriority}
        // 预约 needs a time, which only the full correction form asks for.
        options={sv.priorityOptions.filter((o) => o.value !== '预约' || ticket.priority === '预约')}
        style={{ width: '100%' }}
        data-testid="classify-priority"
      />
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tickets.classify.hint')}
        </Typography.Text>
        <Button
          type="primary"
          size="small"
          loading={save.isPending}
          disabled={!Object.keys(changes).length}
          onClick={() =>
            save.mutate(
              {
                id: ticket.id,
                body: { version: ticket.version, reason: t('tickets.classify.reason'), ...changes },
              },
              {
                onError: (error) =>
                  onError(error, {
                    onReload: () => void queryClient.invalidateQueries({ queryKey: ['tickets'] }),
                  }),
              },
            )
          }
          data-testid="classify-save"
        >
          {t('common.save')}
        </Button>
      </Space>
    </Space>
  );

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setType(ticket.type);
          setPath(undefined);
          setPriority(ticket.priority);
        }
      }}
      trigger="click"
      title={t('tickets.classify.title', { number: ticket.number })}
      content={content}
      destroyOnHidden
    >
      <Button
        type="link"
        size="small"
        icon={<TagsOutlined />}
        style={{ paddingInline: 0 }}
        data-testid={`classify-${ticket.number}`}
      >
        {t('tickets.classify.action')}
      </Button>
    </Popover>
  );
}
