import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** One figure of a home page; a link when there is a list behind it. */
export function HomeStat({
  title,
  value,
  suffix,
  color,
  loading,
  to,
  testId,
}: {
  title: ReactNode;
  value: number | string | undefined;
  suffix?: ReactNode;
  color?: string;
  loading?: boolean;
  to?: string;
  testId?: string;
}) {
  const card = (
    <Card size="small" hoverable={Boolean(to)} loading={loading} data-testid={testId}>
      <Statistic
        title={title}
        value={value ?? 0}
        suffix={suffix}
        valueStyle={color ? { color } : undefined}
      />
    </Card>
  );
  return to ? <Link to={to}>{card}</Link> : card;
}
