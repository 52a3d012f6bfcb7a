import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page: title, optional subtitle and actions on the right. */
export function PageHeader({
  title,
  subTitle,
  extra,
  back,
}: {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  back?: ReactNode;
}) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16, flexWrap: 'wrap' }}>
      {back}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      <div style={{ flex: 1 }} />
      {extra}
    </div>
  );
}
