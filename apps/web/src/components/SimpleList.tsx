import { Empty, Spin } from 'antd';
import type { CSSProperties, Key, ReactNode } from 'react';

/**
 * A plain bordered list (antd 6.6 deprecates List; Listy is a virtual list for huge data).
 * Rows are separated by hairlines; loading and empty states match the tables.
 */
export function SimpleList<T>({
  items,
  rowKey,
  render,
  loading,
  empty,
  onItemClick,
  itemStyle,
  testId,
}: {
  items: T[];
  rowKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  loading?: boolean;
  empty?: ReactNode;
  onItemClick?: (item: T) => void;
  itemStyle?: (item: T) => CSSProperties | undefined;
  testId?: string;
}) {
  return (
    <Spin spinning={Boolean(loading)}>
      <div data-testid={testId}>
        {items.length === 0 && !loading ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          items.map((item, index) => {
            const content = render(item);
            const style: CSSProperties = {
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 12,
              padding: '10px 0',
              borderTop: index === 0 ? undefined : '1px solid rgba(5, 5, 5, 0.06)',
              ...itemStyle?.(item),
            };
            return onItemClick ? (
              <button
                type="button"
                key={rowKey(item)}
                onClick={() => onItemClick(item)}
                style={{
                  border: 'none',
                  background: 'transparent',
                  textAlign: 'start',
                  cursor: 'pointer',
                  font: 'inherit',
                  width: '100%',
                  ...style,
                }}
              >
                {content}
              </button>
            ) : (
              <div key={rowKey(item)} style={style}>
                {content}
              </div>
            );
          })
        )}
      </div>
    </Spin>
  );
}
