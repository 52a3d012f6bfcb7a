import { formatQrCode } from '@guanjia/shared';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { cjkFont } from '../workorders/print/cjk-font';
import type { EquipmentRow } from './schema';

/** A4 sheet of 3 × 8 stickers (70 × 37 mm, the common label paper), each with a QR and the code. */
const COLS = 3;
const ROWS = 8;
const MM = 72 / 25.4;

export interface LabelPiece
  extends Pick<EquipmentRow, 'projectId' | 'code' | 'name' | 'location' | 'system'> {}

export async function renderEquipmentLabels(pieces: LabelPiece[], projectName: string): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: '设备标签', Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = 70 * MM;
  const h = 37 * MM;
  const top = (297 * MM - ROWS * h) / 2;
  for (let i = 0; i < Math.max(1, pieces.length); i++) {
    if (i % (COLS * ROWS) === 0) doc.addPage();
    const p = pieces[i];
    if (!p) break;
    const cell = i % (COLS * ROWS);
    const x = (cell % COLS) * w;
    const y = top + Math.floor(cell / COLS) * h;
    const payload = formatQrCode({ kind: 'equipment', projectId: p.projectId, code: p.code });
    const png = await QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
    const q = h - 8 * MM;
    doc.image(png, x + 4 * MM, y + 4 * MM, { width: q, height: q });
    const tx = x + 6 * MM + q;
    const tw = w - q - 10 * MM;
    doc
      .font('cjk')
      .fontSize(6.5)
      .fillColor('#666666')
      .text(projectName, tx, y + 4 * MM, { width: tw, lineBreak: false, ellipsis: true });
    doc
      .font('cjk-bold')
      .fontSize(9)
      .fillColor('#000000')
      .text(p.name, tx, y + 9 * MM, { width: tw, height: 11 * MM, ellipsis: true });
    doc
      .font('cjk-bold')
      .fontSize(8)
      .text(p.code, tx, y + 21 * MM, { width: tw, lineBreak: false, ellipsis: true });
    doc
      .font('cjk')
      .fontSize(6.5)
      .fillColor('#444444')
      .text(`${p.system} · ${p.location}`, tx, y + 26 * MM, { width: tw, height: 7 * MM, ellipsis: true });
    doc
      .fontSize(5.5)
      .fillColor('#888888')
      .text('扫码巡检 / 报修', tx, y + h - 7 * MM, { width: tw, lineBreak: false });
  }
  doc.end();
  return done;
}
