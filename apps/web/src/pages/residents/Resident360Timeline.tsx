import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ResidentOverview } from '../../api/types';
import { formatDateTime } from '../../format';

const COLOR: Record<string, string> = {
  ticket: 'blue',
  call: 'green',
  callback: 'purple',
  notice: 'gray',
  binding: 'cyan',
  note: 'orange',
};

/** One line per contact across every section of the 360, newest first (times on the project clock). */
export function Resident360Timeline({ items }: { items: ResidentOverview['timeline'] }) {
  const { t } = useTranslation();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.r360.none')} />;
  const label = (i: (typeof items)[number]) =>
    i.kind === 'call' ? t(`calls.direction.${i.label}`, { defaultValue: i.label }) : i.label;
  return (
    <Timeline
      data-testid="r360-timeline"
      items={items.map((i) => ({
        key: `${i.kind}-${i.id}`,
        color: COLOR[i.kind],
        children: (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(i.at).slice(0, 16)} · {t(`desk.r360.kinds.${i.kind}`)}
            </Typography.Text>
            <div>{i.ticketId ? <Link to={`/tickets/${i.ticketId}`}>{label(i)}</Link> : label(i)}</div>
          </div>
        ),
      }))}
    />
  );
}
