import type { DeskEntry } from '@guanjia/shared/api';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { cjkFont } from '../workorders/print/cjk-font';
import { REGISTER_TYPES } from './rules/registers';

/** The code as a QR image (PNG): printed on the slip, and the picture a resident shares with a visitor. */
export const qrPng = (code: string) =>
  QRCode.toBuffer(code, { type: 'png', margin: 1, width: 360, errorCorrectionLevel: 'M' });

const when = (iso: string | null, tz: string) =>
  iso
    ? new Date(iso).toLocaleString('zh-CN', {
        timeZone: tz,
        hour12: false,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';

/**
 * A half-A4 slip: 访客通行证, 物品出门条, 钥匙签收单 or 借用单, with the code as QR for the gate and
 * signature lines for the desk and the holder.
 */
export async function renderSlip(e: DeskEntry, projectName: string, tz: string): Promise<Buffer> {
  const font = cjkFont();
  const title = REGISTER_TYPES[e.register].slip ?? '登记单';
  const doc = new PDFDocument({
    size: 'A5',
    layout: 'landscape',
    margin: 28,
    info: { Title: `${title} ${e.code}`, Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  doc.font('cjk-bold').fontSize(18).text(`${projectName} ${title}`, left, 28);
  doc.font('cjk').fontSize(10).fillColor('#555555').text(`编号 ${e.code}`, left, 54).fillColor('#000000');
  const d = e.details;
  const rows: [string, string][] = [];
  const name = { visitor: '访客', parcel: '收件人', release: '申请人', key: '领用人', loan: '借用人' }[
    e.register
  ];
  rows.push([name, e.name]);
  if (e.unitLabel) rows.push(['房屋', e.unitLabel]);
  if (e.phone) rows.push(['电话', e.phone]);
  if (e.register === 'visitor') {
    rows.push(['有效期', `${when(e.validFrom, tz)} 至 ${when(e.validUntil, tz)}`]);
    rows.push([
      '可用次数',
      e.usesAllowed === null ? '不限（长期出入证）' : `${e.usesAllowed} 次（已用 ${e.usesCount}）`,
    ]);
    if (d.plate) rows.push(['车牌', `${String(d.plate)}　免费停车 ${String(d.parkingMinutes ?? 0)} 分钟`]);
    if (d.purpose) rows.push(['事由', String(d.purpose)]);
  }
  if (e.register === 'release') {
    const items = (d.items as { name: string; qty: number }[] | undefined) ?? [];
    rows.push(['物品', items.map((i) => `${i.name} × ${i.qty}`).join('；')]);
    rows.push(['放行日期', String(d.releaseDate ?? '')]);
    if (d.plate) rows.push(['车牌', String(d.plate)]);
    if (d.relation === '租户') rows.push(['业主同意', String(d.ownerConsent ?? '')]);
    if (e.flags.length) rows.push(['提示', e.flags.join('、')]);
  }
  if (e.register === 'key' || e.register === 'loan') {
    rows.push(['物品', e.itemName ?? '']);
    rows.push(['借出时间', when(e.createdAt, tz)]);
    rows.push(['约定归还', when(e.dueAt, tz)]);
    if (d.idKind) rows.push(['证件', `${String(d.idKind)}（尾号 ${String(d.idLast4 ?? '')}）`]);
  }
  rows.push(['状态', e.status]);
  let y = 80;
  for (const [k, v] of rows) {
    doc.font('cjk-bold').fontSize(11).text(k, left, y, { width: 70 });
    doc
      .font('cjk')
      .fontSize(11)
      .text(v, left + 76, y, { width: 300 });
    y += Math.max(20, doc.heightOfString(v, { width: 300 }) + 6);
  }
  const png = await qrPng(e.code);
  const size = 150;
  const x = doc.page.width - doc.page.margins.right - size;
  doc.image(png, x, 70, { width: size, height: size });
  doc
    .font('cjk')
    .fontSize(9)
    .text('门岗扫码核验', x, 70 + size + 4, { width: size, align: 'center' });
  const bottom = doc.page.height - 60;
  doc
    .font('cjk')
    .fontSize(11)
    .text('经办人签字：______________', left, bottom)
    .text('持单人签字：______________', left + 260, bottom);
  doc.end();
  return done;
}
