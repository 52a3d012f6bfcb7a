import { zonedStamp } from '@guanjia/shared';
import type { Emergency } from '@guanjia/shared/api';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../workorders/print/cjk-font';

const ROLE: Record<string, string> = {
  team_leader: '值班班长',
  butler: '客服管家',
  emergency_team: '应急小组',
  project_head: '项目负责人',
  company_duty: '公司值班领导',
};
const STATE: Record<string, string> = { pending: '待完成', met: '按时', late: '超时', escalated: '已升级' };

/** Wall-clock time in the estate's zone, 2026-12-06 02:10. */
const fmt = (iso: string | null, timeZone: string) => (iso ? zonedStamp(iso, timeZone) : '—');

/**
 * 《特别事件报告》 (W-18 §4) on A4, set in the embedded CJK font: the incident, every step against its
 * deadline, the timeline (who did what when), notices and linked tickets, the handler's account and the
 * review with its rectification items.
 */
export async function renderEmergencyReport(
  e: Emergency,
  opts: { projectName: string; timeZone: string },
): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `特别事件报告 ${e.number}`, Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = (iso: string | null) => fmt(iso, opts.timeZone);
  const heading = (text: string) =>
    doc.moveDown(0.6).font('cjk-bold').fontSize(12).text(text).moveDown(0.2).font('cjk').fontSize(10);
  const line = (label: string, value: string) =>
    doc
      .font('cjk')
      .fontSize(10)
      .text(`${label}：${value || '—'}`);

  doc
    .font('cjk-bold')
    .fontSize(18)
    .text(`${e.drill ? '【演习】' : ''}特别事件报告`, { align: 'center' });
  doc.font('cjk').fontSize(10).text(`${opts.projectName} · 编号 ${e.number}`, { align: 'center' }).moveDown();
  line('事件类型', `${e.group} · ${e.type}（${e.level}）`);
  line('发生地点', e.place);
  line('事件描述', e.description);
  line('上报人', e.reportedByName ?? '');
  line('上报时间', t(e.startedAt));
  line('控制时间', t(e.controlledAt));
  line('结束时间', t(e.endedAt));
  line('当前状态', e.status);
  line('执行预案', `${e.planName}（第 ${e.planVersion} 版）`);

  heading('一、处置步骤与时限');
  for (const s of e.steps)
    doc.text(
      `${s.seq}. ${s.title}（${ROLE[s.role] ?? s.role}）时限 ${t(s.dueAt)}；完成 ${t(s.doneAt)}${s.doneByName ? ` ${s.doneByName}` : ''}；${STATE[s.status] ?? s.status}${s.lateMinutes ? `，超时 ${s.lateMinutes} 分钟` : ''}${s.escalationLevel ? `，升级 ${s.escalationLevel} 次` : ''}`,
    );

  heading('二、经过（谁在何时做了什么）');
  for (const l of e.timeline) doc.text(`${t(l.at)}  ${l.actorName ?? '系统'}  ${l.action}  ${l.detail}`);

  heading('三、住户通知与关联报事');
  line(
    '住户通知',
    e.outageIncidentId ? `已通过停水停电事件 #${e.outageIncidentId} 通知受影响住户` : '未发通知',
  );
  line('关联报事', e.linkedTicketIds.length ? e.linkedTicketIds.map((id) => `#${id}`).join('、') : '无');
  line('现场照片', e.photoUploadIds.length ? `${e.photoUploadIds.length} 张（见系统）` : '无');

  heading('四、处理情况');
  line('事件原因', e.report.cause);
  line('处理经过', e.report.handling);
  line('善后工作', e.report.aftermath);
  line('处理结果', e.report.result);

  heading('五、事后复盘');
  if (e.review) {
    line('原因调查', e.review.cause);
    line('事件经过', e.review.course);
    line('评估总结', e.review.evaluation);
    line('奖惩意见', e.review.rewardsPenalties);
    line('复盘人', `${e.review.reviewedByName} ${t(e.review.reviewedAt)}`);
    const met = e.compliance.filter((c) => c.met).length;
    line('时限达标', `${met}/${e.compliance.length}`);
    for (const r of e.rectifications)
      doc.text(
        `· 整改：${r.title}（责任人 ${r.ownerName}，期限 ${r.dueDate}，${r.doneAt ? '已完成' : '未完成'}）`,
      );
  } else doc.text('尚未复盘');

  doc.moveDown(2).text('报告人：____________    项目负责人：____________    日期：____________');
  doc.end();
  return done;
}
