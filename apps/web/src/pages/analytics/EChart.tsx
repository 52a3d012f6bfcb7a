import { useEffect, useRef } from 'react';
import { echarts } from './charts';

type Option = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/** One ECharts canvas that follows its option and its container's width. */
export function EChart({
  option,
  height = 280,
  testId,
  theme,
}: {
  option: Option;
  height?: number;
  testId?: string;
  theme?: 'dark';
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, theme);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, theme]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
