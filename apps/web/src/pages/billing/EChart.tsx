import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

type ECharts = {
  setOption: (o: EChartsCoreOption, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
};

/** ECharts through its modular core, loaded with the page that needs it (never in the main bundle). */
async function loadECharts() {
  const [core, charts, components, renderers] = await Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]);
  core.use([
    charts.BarChart,
    charts.LineChart,
    charts.PieChart,
    components.GridComponent,
    components.TooltipComponent,
    components.LegendComponent,
    renderers.CanvasRenderer,
  ]);
  return core;
}

export function EChart({
  option,
  height = 280,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The chart is created once with the option of that moment; later options go through setOption below.
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    let disposed = false;
    const onResize = () => chart.current?.resize();
    void loadECharts().then((core) => {
      if (disposed || !el.current) return;
      chart.current = core.init(el.current) as unknown as ECharts;
      chart.current.setOption(latest.current, true);
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
