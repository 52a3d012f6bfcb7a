import type { MoveIn } from '@guanjia/shared/api';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../workorders/print/cjk-font';

/** 《钥匙签收表》 (W-13's move-in pack): the keys handed over, for the owner's signature. */
export async function renderKeyReceipt(m: MoveIn, projectName: string, timeZone: string): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `钥匙签收表 ${m.unitLabel}`, Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const keys = m.steps.keys;
  const when = keys
    ? new Intl.DateTimeFormat('zh-CN', {
        timeZone,
        dateStyle: 'long',
        timeStyle: 'short',
        hour12: false,
      }).format(new Date(keys.doneAt))
    : '—';
  doc.font('cjk-bold').fontSize(20).text('钥 匙 签 收 表', { align: 'center' });
  doc.moveDown(0.3).font('cjk').fontSize(10).text(projectName, { align: 'center' });
  doc.moveDown(1).fontSize(12);
  doc.text(`房号：${m.unitLabel}`);
  doc.text(`业主：${m.ownerName}${m.delegateName ? `（受托人：${m.delegateName}）` : ''}`);
  doc.text(`交付时间：${when}`);
  doc.moveDown(0.8).font('cjk-bold').text('钥匙清单');
  doc.font('cjk');
  const items = keys?.items ?? [];
  for (const [i, k] of items.entries()) doc.text(`${i + 1}. ${k}　　　　数量：______`);
  if (!items.length) doc.text('（尚未登记交付的钥匙）');
  const meters = m.steps.meters?.readings ?? [];
  if (meters.length) {
    doc.moveDown(0.8).font('cjk-bold').text('表具读数确认');
    doc.font('cjk');
    for (const r of meters) doc.text(`${r.meter}：${r.reading}`);
  }
  doc.moveDown(2).text('以上钥匙已如数收到，表具读数经本人确认无误。');
  doc.moveDown(2).text('业主（受托人）签字：________________　　　经办人：________________');
  doc.moveDown(1).text('日期：______年____月____日');
  doc.end();
  return done;
}
