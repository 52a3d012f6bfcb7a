import type { AnalyticsCard, AnalyticsDashboard, AnalyticsSeries } from '@guanjia/shared/api';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../workorders/print/cjk-font';
import { chartPng } from './chart-svg';

export interface MonthlyReportData {
  projectName: string;
  month: string;
  generatedAt: string;
  service: AnalyticsDashboard;
  people: AnalyticsDashboard | null;
  /** R06: dissatisfied callbacks of the month — the issues found, in the resident's words. */
  dissatisfied: { number: string; category: string; score: number | null; comment: string | null }[];
}

const pct = (c: AnalyticsCard | undefined) =>
  !c ? '—' : c.rate === null ? '无数据' : `${(Math.round(c.rate * 1000) / 10).toFixed(1)}%`;

/**
 * 月度客服统计报告 per project (R03 分类统计, R05 维修统计 and 达标率, R06 回访月报), A4, set in the
 * embedded CJK font, with the dashboards' charts rendered server-side (ECharts SSR → PNG).
 */
export async function renderMonthlyReport(d: MonthlyReportData): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${d.projectName} ${d.month} 月度客服统计报告`, Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const card = (key: string, dash: AnalyticsDashboard | null = d.service) =>
    dash?.cards.find((c) => c.key === key);
  const series = (key: string, dash: AnalyticsDashboard | null = d.service) =>
    dash?.series.find((s) => s.key === key);
  const heading = (text: string) => {
    if (doc.y > 720) doc.addPage();
    doc.moveDown(0.6).font('cjk-bold').fontSize(13).text(text).moveDown(0.3).font('cjk').fontSize(10);
  };
  const rows = (table: [string, string][]) => {
    for (const [k, v] of table) {
      if (doc.y > 780) doc.addPage();
      const y = doc.y;
      doc.font('cjk').fontSize(10).text(k, 56, y, { width: 240 });
      doc.text(v, 300, y, { width: 240 });
      doc.x = 48;
    }
  };
  const chart = async (s: AnalyticsSeries | undefined) => {
    if (!s?.data.length) return;
    if (doc.y > 560) doc.addPage();
    const png = await chartPng(s, 720, 300);
    doc.image(png, 48, doc.y + 4, { width: 500 });
    doc.y += 218;
    doc.x = 48;
  };

  doc
    .font('cjk-bold')
    .fontSize(18)
    .text(`${d.projectName}  ${d.month} 月度客服统计报告`, { align: 'center' });
  doc
    .font('cjk')
    .fontSize(9)
    .fillColor('#666')
    .text(`生成时间 ${d.generatedAt}`, { align: 'center' })
    .fillColor('#000');

  heading('一、客服分类统计 (R03)');
  rows([
    ['受理总量', String(card('intake')?.value ?? 0)],
    ['投诉', String(card('complaints')?.value ?? 0)],
    ['投诉预警', String(card('warnings')?.value ?? 0)],
    ['咨询首问解决率', pct(card('first_contact'))],
    ['期末未办结', String(card('backlog')?.value ?? 0)],
  ]);
  await chart(series('intake_by_type'));
  await chart(series('intake_by_day'));

  heading('二、维修统计与时限达标 (R05)');
  rows([
    ['SLA 超时工单', `${card('breached')?.value ?? 0}（占计时工单 ${pct(card('breached'))}）`],
    ['派单按时率', pct(card('clock_dispatch_met'))],
    ['到场按时率', pct(card('clock_arrive_met'))],
    ['完成按时率', pct(card('clock_resolve_met'))],
    ['回访按时率', pct(card('clock_callback_met'))],
    ['返修率(重开 ÷ 完成)', pct(card('reopened'))],
    ['派工单完成量', String(card('completed', d.people)?.value ?? '—')],
    ['派工单按时完成率', pct(card('on_time', d.people))],
  ]);
  await chart(series('on_time_by_day'));
  await chart(series('mttr_by_technician', d.people));
  await chart(series('orders_by_technician', d.people));
  await chart(series('hotspots'));

  heading('三、回访月报 (R06)');
  rows([
    ['已评价回访', String(card('rated')?.value ?? 0)],
    ['满意率', pct(card('satisfied'))],
  ]);
  await chart(series('satisfaction_by_category'));
  heading('发现的问题(不满意回访)');
  if (!d.dissatisfied.length) doc.text('本月无不满意回访。');
  for (const x of d.dissatisfied) {
    if (doc.y > 780) doc.addPage();
    doc.text(`${x.number}  ${x.category}  评分 ${x.score ?? '—'}：${x.comment ?? '（无意见）'}`);
  }
  heading('分析与改进');
  doc.text(
    '请结合上述超时、返修与不满意回访，由客服主管在例会中逐项分析原因并落实整改（整改单可在工单详情中开具）。',
  );
  doc.end();
  return done;
}
