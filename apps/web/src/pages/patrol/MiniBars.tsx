/**
 * A small stacked bar chart in plain SVG (ECharts is not a dependency of the console yet): one bar per
 * label, segments in the given colours, the value on hover.
 */
export function MiniBars({
  rows,
  series,
  height = 160,
  testId,
  title,
}: {
  rows: { label: string; values: number[] }[];
  series: { name: string; color: string }[];
  height?: number;
  testId?: string;
  title?: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((s, v) => s + v, 0)));
  const w = Math.max(12, Math.min(36, 720 / Math.max(1, rows.length)));
  return (
    <div data-testid={testId} style={{ overflowX: 'auto' }}>
      <svg
        width={rows.length * (w + 6) + 10}
        height={height + 34}
        role="img"
        aria-label={title ?? series.map((s) => s.name).join(' / ')}
      >
        {rows.map((r, i) => {
          let y = height;
          return (
            <g key={r.label} transform={`translate(${5 + i * (w + 6)},0)`}>
              {r.values.map((v, k) => {
                const h = (v / max) * height;
                y -= h;
                return (
                  <rect
                    key={series[k]?.name ?? k}
                    x={0}
                    y={y}
                    width={w}
                    height={h}
                    fill={series[k]?.color ?? '#999'}
                  >
                    <title>{`${r.label} ${series[k]?.name ?? ''}: ${v}`}</title>
                  </rect>
                );
              })}
              <text x={w / 2} y={height + 14} fontSize={10} textAnchor="middle" fill="#595959">
                {r.label}
              </text>
            </g>
          );
        })}
      </svg>
      <div style={{ display: 'flex', gap: 12, fontSize: 12 }}>
        {series.map((s) => (
          <span key={s.name}>
            <span
              style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 4 }}
            />
            {s.name}
          </span>
        ))}
      </div>
    </div>
  );
}
