import type { AnalyticsSeries } from '@guanjia/shared/api';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import sharp from 'sharp';

// Server-side rendering of the console's charts for the monthly PDF: the same ECharts, SVG renderer.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  SVGRenderer,
]);

const FONT = 'Noto Sans CJK SC, Noto Sans SC, WenQuanYi Micro Hei, sans-serif';

/** The ECharts option of a series, as the console draws it (web/src/pages/analytics/options.ts mirrors it). */
export function optionOf(s: AnalyticsSeries): Record<string, unknown> {
  const base = {
    animation: false,
    textStyle: { fontFamily: FONT },
    title: { text: s.label, textStyle: { fontSize: 14 } },
  };
  if (s.chart === 'pie') {
    const first = s.data[0];
    return {
      ...base,
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: '55%',
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
      ...base,
      grid: { left: 100, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: s.categories },
      yAxis: { type: 'category', data: s.data.map((d) => d.name) },
      visualMap: { min: 0, max, orient: 'horizontal', left: 'center', bottom: 0, calculable: false },
      series: [{ type: 'heatmap', data: cells, label: { show: cells.length < 80 } }],
    };
  }
  return {
    ...base,
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: s.categories },
    yAxis: { type: 'value' },
    series: s.data.map((d) => ({ type: s.chart, name: d.name, data: d.values, connectNulls: false })),
  };
}

/** The chart as SVG (ECharts SSR). */
export function chartSvg(s: AnalyticsSeries, width = 720, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(optionOf(s));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as PNG for pdfkit (it has no SVG support): rasterised at twice the size for print. */
export async function chartPng(s: AnalyticsSeries, width = 720, height = 300): Promise<Buffer> {
  return sharp(Buffer.from(chartSvg(s, width, height)), { density: 144 })
    .png()
    .toBuffer();
}
