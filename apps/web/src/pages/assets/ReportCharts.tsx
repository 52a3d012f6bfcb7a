import type { MaintenanceReport } from '@guanjia/shared/api';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** R12's picture: planned vs done per system, and the completion and on-time rates beside them. */
export default function ReportCharts({
  report,
  labels,
}: {
  report: MaintenanceReport;
  labels: { planned: string; done: string; missed: string; system: (s: string) => string };
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const rows = report.bySystem;
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.planned, labels.done, labels.missed] },
      grid: { left: 40, right: 16, bottom: 40, top: 36 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => labels.system(r.system)),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value' },
      series: [
        {
          name: labels.planned,
          type: 'bar',
          data: rows.map((r) => r.planned),
          itemStyle: { color: '#91caff' },
        },
        { name: labels.done, type: 'bar', data: rows.map((r) => r.done), itemStyle: { color: '#52c41a' } },
        {
          name: labels.missed,
          type: 'bar',
          data: rows.map((r) => r.missed),
          itemStyle: { color: '#ff4d4f' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [report, labels]);
  return <div ref={el} style={{ height: 320, width: '100%' }} data-testid="report-chart" />;
}
