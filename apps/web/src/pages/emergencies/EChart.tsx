import { useEffect, useRef } from 'react';
import { echarts } from './charts';

type Option = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/** One ECharts canvas that follows its option and its container's width. */
export function EChart({
  option,
  height = 260,
  testId,
}: {
  option: Option;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
