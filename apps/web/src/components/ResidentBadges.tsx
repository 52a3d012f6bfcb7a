import { CrownFilled } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export function VipBadge({ vip }: { vip: boolean }) {
  const { t } = useTranslation();
  if (!vip) return null;
  return (
    <Tooltip title={t('residents.vipHint')}>
      <Tag color="gold" icon={<CrownFilled />} style={{ marginInlineEnd: 0 }} data-testid="vip-badge">
        VIP
      </Tag>
    </Tooltip>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (!tags.length) return null;
  return (
    <Space size={[4, 4]} wrap>
      {tags.map((tag) => (
        <Tag key={tag} color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
          {tag}
        </Tag>
      ))}
    </Space>
  );
}
