import { zonedStamp } from '@guanjia/shared';
import type { InspectionDetail } from '@guanjia/shared/api';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../workorders/print/cjk-font';

const MODE: Record<string, string> = { planned: '计划检查', open: '明查', mystery: '暗访' };
const RULE: Record<string, string> = {
  record_audit: '记录抽查',
  on_site: '现场检查',
  pass_fail: '合格/不合格',
  veto: '一票否决',
};

const fmt = (iso: string | null, timeZone: string) => (iso ? zonedStamp(iso, timeZone) : '—');

/**
 * 品质检查报告 on A4 in the embedded CJK font: the sheet and its version, each section and item with its
 * rule, points, deduction and score (the sampled months of record audits), the findings with their
 * 整改单 numbers, and the signature lines the paper report carries.
 */
export async function renderInspectionReport(
  i: InspectionDetail,
  opts: { timeZone: string },
): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `品质检查报告 ${i.id}`, Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const line = (label: string, value: string) =>
    doc
      .font('cjk')
      .fontSize(10)
      .text(`${label}：${value || '—'}`);
  const heading = (text: string) =>
    doc.moveDown(0.6).font('cjk-bold').fontSize(12).text(text).moveDown(0.2).font('cjk').fontSize(10);

  doc.font('cjk-bold').fontSize(18).text('品质检查报告', { align: 'center' });
  doc.font('cjk').fontSize(10).text(`${i.projectName} · 编号 ${i.id}`, { align: 'center' }).moveDown();
  line('评分表', `${i.sheetName}（第 ${i.sheetVersion} 版）`);
  line('检查方式', MODE[i.mode] ?? i.mode);
  line('受检部门', i.departmentName ?? '');
  line('检查区域', i.area);
  line('检查人', i.inspectorName);
  line('提交时间', fmt(i.submittedAt, opts.timeZone));
  if (i.sampledMonths.length) line('抽查月份', i.sampledMonths.join('、'));
  const s = i.scores;
  line('得分', `${s.total} / ${s.fullPoints}（百分制 ${s.percent}）${s.vetoed ? '  一票否决' : ''}`);

  heading('一、评分明细');
  for (const sec of i.sheet.sections) {
    const ss = s.sections.find((x) => x.key === sec.key);
    doc
      .font('cjk-bold')
      .text(`${sec.title}  ${ss?.score ?? 0} / ${ss?.points ?? 0}`)
      .font('cjk');
    for (const item of sec.items) {
      const is = ss?.items.find((x) => x.key === item.key);
      const value = !is?.applicable
        ? '不适用'
        : `${is.score}/${is.points}${is.defects ? `，不合格 ${is.defects} 处，扣 ${is.deduction}` : ''}`;
      doc.text(`  ${item.title}（${RULE[item.rule] ?? item.rule}）：${value}`);
      if (is?.months?.length)
        doc.text(
          `      ${is.months.map((m) => `${m.month} 不合格 ${m.defects} 处 得 ${m.score}`).join('；')}`,
        );
    }
  }

  heading('二、问题与整改');
  if (!i.findings.length) doc.text('无');
  const titleOf = new Map(i.sheet.sections.flatMap((x) => x.items.map((it) => [it.key, it.title])));
  for (const f of i.findings)
    doc.text(
      `· ${titleOf.get(f.itemKey) ?? f.itemKey}${f.count > 1 ? ` ×${f.count}` : ''}${f.month ? `（${f.month}）` : ''}：${f.note}${f.location ? `  位置 ${f.location}` : ''}${f.rectificationId ? `  整改单 #${f.rectificationId}` : ''}`,
    );

  doc.moveDown(2).text('检查人：____________    受检部门负责人：____________    日期：____________');
  doc.end();
  return done;
}
