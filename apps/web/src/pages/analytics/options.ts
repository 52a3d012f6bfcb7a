import type { AnalyticsSeries } from '@guanjia/shared/api';

/** The ECharts option of a dashboard series; the server's chart-svg.ts draws the PDF's the same way. */
export function optionOf(s: AnalyticsSeries, noData: string): Record<string, unknown> {
  if (s.chart === 'pie') {
    const first = s.data[0];
    return {
      tooltip: {},
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: '60%',
          data: s.categories.map((x, i) => ({ name: x, value: first?.values[i] ?? 0 })),
        },
      ],
    };
  }
  if (s.chart === 'heatmap') {
    const cells: [number, number, number][] = [];
    let max = 1;
    for (const [y, row] of s.data.entries())
      for (const [x, v] of row.values.entries()) {
        if (v === null) continue;
        cells.push([x, y, v]);
        max = Math.max(max, v);
      }
    return {
      tooltip: {},
      grid: { left: 110, top: 10, bottom: 70 },
      xAxis: { type: 'category', data: s.categories },
      yAxis: { type: 'category', data: s.data.map((d) => d.name) },
      visualMap: { min: 0, max, orient: 'horizontal', left: 'center', bottom: 0 },
      series: [{ type: 'heatmap', data: cells, label: { show: cells.length < 80 } }],
    };
  }
  return {
    tooltip: {
      trigger: 'axis',
      // A gap in a rate line is "no data", never 0 %.
      valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? noData : String(v)),
    },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 50, right: 20, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: s.categories },
    yAxis: { type: 'value' },
    series: s.data.map((d) => ({ type: s.chart, name: d.name, data: d.values, connectNulls: false })),
  };
}
