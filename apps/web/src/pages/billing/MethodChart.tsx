import { formatFen } from '@guanjia/shared';
import { useEffect, useRef } from 'react';

/** ECharts, loaded when the chart is first shown (the console's first page never pays for it). */
async function loadEcharts() {
  const [core, charts, components, renderers] = await Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]);
  core.use([
    charts.PieChart,
    components.TooltipComponent,
    components.LegendComponent,
    renderers.CanvasRenderer,
  ]);
  return core;
}

/** The 日结 by method as a ring: which way the money came in. */
export function MethodChart({ data }: { data: { name: string; value: number }[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void loadEcharts().then((echarts) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current);
      chart = c;
      c.setOption({
        tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatFen(Number(v)) },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            label: { formatter: (p: { name: string; value: number }) => `${p.name}\n${formatFen(p.value)}` },
            data,
          },
        ],
      });
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [data]);
  return <div ref={el} style={{ width: '100%', height: 280 }} data-testid="method-chart" />;
}
