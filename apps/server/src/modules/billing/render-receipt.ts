import { formatHumanTime } from '@guanjia/shared';
import type { CashierReport, Payment } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import PDFDocument from 'pdfkit';
import { contentDisposition } from '../../platform/http/xlsx';
import { cjkFont } from '../workorders/print/cjk-font';
import { amountInWords } from './rules/amount-in-words';
import { METHOD_LABELS, yuanText } from './rules/receipt-labels';

const GREY = '#555555';

function newDoc(title: string, size: 'A5' | 'A4', layout: 'landscape' | 'portrait') {
  const font = cjkFont();
  const doc = new PDFDocument({ size, layout, margin: 36, info: { Title: title, Creator: 'Guanjia 管家' } });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

const when = (iso: string, timeZone: string) =>
  formatHumanTime(iso, { locale: 'zh-CN', timeZone, withYear: true });

/** 收款收据 on A5 landscape: the amount in figures and in 大写, what it paid, who took it. */
export async function renderReceipt(
  p: Payment,
  ctx: { projectName: string; companyName: string; timeZone: string; payer: string },
): Promise<Buffer> {
  const reversal = p.reversalOf !== null;
  const title = reversal ? '收款收据（冲正）' : '收款收据';
  const { doc, done } = newDoc(`${title} ${p.receiptNo}`, 'A5', 'landscape');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc
    .font('cjk-bold')
    .fontSize(18)
    .text(ctx.companyName || ctx.projectName, { align: 'center', width });
  doc.fontSize(15).text(title, { align: 'center', width });
  doc.moveDown(0.4);
  doc.font('cjk').fontSize(10).fillColor(GREY);
  doc.text(`收据号：${p.receiptNo}`, left, doc.y, { continued: false });
  doc.text(`日期：${when(p.paidAt, ctx.timeZone)}`, left, doc.y);
  doc.fillColor('black').moveDown(0.4);
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('cjk-bold').fontSize(11).text(label, left, y, { width: 90 });
    doc.font('cjk').text(value, left + 95, y, { width: width - 95 });
    doc.moveDown(0.2);
  };
  row('小区 / 房号', `${ctx.projectName} ${p.unitLabel}`);
  row('交款人', ctx.payer || '—');
  row(
    '收费项目',
    p.allocations.length
      ? p.allocations.map((a) => `${a.period} 账单 ${yuanText(a.amount)}`).join('；')
      : '—',
  );
  if (p.prepaidAmount) row('转入预存', yuanText(p.prepaidAmount));
  row('金额（小写）', yuanText(p.amount));
  row('金额（大写）', `人民币${amountInWords(p.amount)}`);
  row('支付方式', METHOD_LABELS[p.method]);
  if (p.note) row('备注', p.note);
  if (reversal && p.reason) row('冲正原因', p.reason);
  doc.moveDown(1);
  const y = doc.y;
  doc
    .font('cjk')
    .fontSize(10)
    .text(`收款人：${p.cashierName ?? '系统'}`, left, y, { width: width / 2 });
  doc.text('交款人签字：____________', left + width / 2, y, { width: width / 2, align: 'right' });
  doc.end();
  return done;
}

/** 收银日结单: totals by method that add up to the receipts listed under them. */
export async function renderCashierReport(
  r: CashierReport,
  ctx: { projectName: string; cashierName: string | null; timeZone: string },
): Promise<Buffer> {
  const { doc, done } = newDoc(`收银日结 ${r.date}`, 'A4', 'portrait');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('cjk-bold').fontSize(16).text(`${ctx.projectName} 收银日结单`, { align: 'center', width });
  doc
    .font('cjk')
    .fontSize(10)
    .text(`日期：${r.date}    收款人：${ctx.cashierName ?? '全部'}`, { align: 'center', width });
  doc.moveDown();
  for (const m of r.byMethod) doc.text(`${METHOD_LABELS[m.method]}：${m.count} 笔  ${yuanText(m.amount)}`);
  doc.moveDown(0.4);
  doc.font('cjk-bold').text(`合计：${r.receipts} 张收据  ${yuanText(r.total)}（${amountInWords(r.total)}）`);
  doc
    .font('cjk')
    .text(
      `实收（不含预存抵扣）：${yuanText(r.received)}    冲正：${r.reversals.count} 笔 ${yuanText(r.reversals.amount)}    退款：${r.refunds.count} 笔 ${yuanText(r.refunds.amount)}`,
    );
  doc.moveDown();
  const cols = [0, 120, 210, 300, 380];
  const head = ['收据号', '房号', '方式', '金额', '时间'];
  const line = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(9);
    cells.forEach((c, i) => {
      doc.text(c, left + cols[i]!, y, { width: (cols[i + 1] ?? width) - cols[i]! - 4, lineBreak: false });
    });
    doc.y = y + 14;
  };
  line(head, true);
  for (const p of r.payments)
    line([
      p.receiptNo,
      p.unitLabel,
      METHOD_LABELS[p.method],
      yuanText(p.amount),
      when(p.paidAt, ctx.timeZone),
    ]);
  doc.moveDown(2);
  doc.text('收款人签字：____________        财务复核：____________', left, doc.y);
  doc.end();
  return done;
}

/** A PDF answer: inline opens in the browser's viewer (the receipt to print), attachment downloads. */
export function sendPdf(reply: FastifyReply, filename: string, pdf: Buffer, how: 'inline' | 'attachment') {
  const disposition = contentDisposition(filename).replace(/^attachment/, how);
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', disposition)
    .header('cache-control', 'no-store')
    .send(pdf);
}
