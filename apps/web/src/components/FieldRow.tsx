import type { ReactNode } from 'react';

/** Form items side by side in equal columns (wraps to one column on narrow screens). */
export function FieldRow({ children, columns = 3 }: { children: ReactNode; columns?: number }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${Math.floor(480 / columns)}px), 1fr))`,
        columnGap: 12,
      }}
    >
      {children}
    </div>
  );
}
