import { ThunderboltOutlined } from '@ant-design/icons';
import type { TicketType } from '@guanjia/shared';
import { Button, Cascader, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryOption } from '../../api/serviceHooks';
import type { TicketCategory } from '../../api/types';

interface IntakeCategoryFieldProps {
  type: TicketType;
  options: CategoryOption[];
  /** The problems the tree marks urgent, offered as one-click 急修 shortcuts on a 报修. */
  urgentShortcuts: readonly TicketCategory[];
  onChoose: (path: number[] | undefined) => void;
}

/** 问题分类 of the intake form: the category cascader (required for a 报修) and the 急修 shortcuts. */
export function IntakeCategoryField({ type, options, urgentShortcuts, onChoose }: IntakeCategoryFieldProps) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('tickets.fields.category')} required={type === '报修'}>
      {type === '报修' && urgentShortcuts.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          <Space size={[6, 6]} wrap>
            <Typography.Text type="secondary">
              <ThunderboltOutlined /> {t('intake.urgentShortcuts')}
            </Typography.Text>
            {urgentShortcuts.map((c) => (
              <Button
                key={c.id}
                size="small"
                danger
                onClick={() => onChoose(c.pathIds)}
                data-testid={`shortcut-${c.name}`}
              >
                {c.path.split('/').slice(-2).join('·')}
              </Button>
            ))}
          </Space>
        </div>
      )}
      <Form.Item
        name="categoryPath"
        noStyle
        rules={[
          {
            required: type === '报修',
            message: t('intake.categoryRequired'),
          },
        ]}
      >
        <Cascader
          options={options}
          changeOnSelect={type !== '报修'}
          placeholder={t('intake.categoryPlaceholder')}
          showSearch={{
            filter: (input, path) =>
              path.some((o) => String(o.label).toLowerCase().includes(input.toLowerCase())),
          }}
          onChange={(v) => onChoose(v as number[] | undefined)}
          style={{ width: '100%' }}
          data-testid="intake-category"
        />
      </Form.Item>
    </Form.Item>
  );
}
