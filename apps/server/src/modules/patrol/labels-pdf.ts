import type { PatrolRoute } from '@guanjia/shared/api';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { cjkFont } from '../workorders/print/cjk-font';

const COLS = 3;
const ROWS = 4;

/** A4 sheets of 3 × 4 point stickers: QR code, point name, place and code, cut along the grey lines. */
export async function renderPointLabels(route: PatrolRoute, projectName: string): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 28,
    info: { Title: `${route.name} 巡检点标签`, Creator: 'Guanjia 管家' },
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
  const top = doc.page.margins.top;
  const w = (doc.page.width - left * 2) / COLS;
  const h = (doc.page.height - top * 2) / ROWS;
  for (const [i, point] of route.points.entries()) {
    const slot = i % (COLS * ROWS);
    if (i > 0 && slot === 0) doc.addPage();
    const x = left + (slot % COLS) * w;
    const y = top + Math.floor(slot / COLS) * h;
    doc.save().lineWidth(0.5).strokeColor('#bbbbbb').rect(x, y, w, h).stroke().restore();
    const png = await QRCode.toBuffer(point.qr, {
      type: 'png',
      margin: 1,
      width: 300,
      errorCorrectionLevel: 'M',
    });
    const size = Math.min(w - 40, h - 80);
    doc.image(png, x + (w - size) / 2, y + 10, { width: size, height: size });
    doc
      .font('cjk-bold')
      .fontSize(12)
      .fillColor('#000000')
      .text(`${point.seq}. ${point.name}`, x + 6, y + size + 16, { width: w - 12, align: 'center' });
    doc
      .font('cjk')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${point.place || route.name} · ${point.code}`, x + 6, y + size + 34, {
        width: w - 12,
        align: 'center',
      })
      .text(`${projectName} · ${route.name}`, x + 6, y + size + 46, { width: w - 12, align: 'center' });
  }
  doc.end();
  return done;
}
