import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { cjkFont } from './cjk-font';
import {
  type JobCardData,
  type JobCardLabels,
  jobCardGrid,
  materialRows,
  yuan,
} from './rules/job-card-fields';

export interface PrintableCard {
  data: JobCardData;
  /** What the QR code opens: the order on the technician's phone. */
  link: string;
  /** The resident's signature as PNG/JPEG bytes, drawn into the signature box. */
  signature: Buffer | null;
}

export type PaperSize = 'A5' | 'A4';

const GREY = '#666666';
const LINE = '#999999';

/** One 派工单 per page, set in the embedded CJK font (text stays text: searchable and extractable). */
export async function renderJobCards(
  cards: PrintableCard[],
  labels: JobCardLabels,
  size: PaperSize,
): Promise<Buffer> {
  const font = cjkFont();
  const margin = size === 'A5' ? 28 : 40;
  const doc = new PDFDocument({
    size,
    margin,
    autoFirstPage: false,
    info: { Title: labels.title, Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const card of cards) {
    doc.addPage();
    await drawCard(doc, card, labels, size === 'A5' ? 1 : 1.3);
  }
  if (!cards.length) doc.addPage();
  doc.end();
  return done;
}

async function drawCard(doc: PDFKit.PDFDocument, card: PrintableCard, labels: JobCardLabels, scale: number) {
  const { data } = card;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const fs = (n: number) => n * scale;
  const qrSize = fs(62);
  const qr = await QRCode.toBuffer(card.link, {
    type: 'png',
    margin: 1,
    width: 240,
    errorCorrectionLevel: 'M',
  });
  doc.image(qr, left + width - qrSize, doc.page.margins.top, { width: qrSize });
  doc.font('cjk').fontSize(fs(6)).fillColor(GREY);
  doc.text(labels.scan, left + width - qrSize, doc.page.margins.top + qrSize + 1, {
    width: qrSize,
    align: 'center',
  });

  doc.fillColor('black').font('cjk-bold').fontSize(fs(16));
  doc.text(`${data.projectName} ${labels.title}`, left, doc.page.margins.top + 4, {
    width: width - qrSize - 8,
  });
  doc.font('cjk').fontSize(fs(9)).fillColor(GREY);
  doc.text(`${labels.number} ${data.number}`, { width: width - qrSize - 8 });
  doc.fillColor('black');

  // The grid: two label/value pairs a line, ruled like the paper form.
  let y = doc.page.margins.top + qrSize + fs(14);
  const grid = jobCardGrid(data, labels);
  const half = width / 2;
  const labelW = fs(52);
  const rowH = fs(17);
  doc.fontSize(fs(8.5)).lineWidth(0.5).strokeColor(LINE);
  for (let i = 0; i < grid.length; i += 2) {
    for (let j = 0; j < 2; j++) {
      const pair = grid[i + j];
      const x = left + j * half;
      doc.rect(x, y, half, rowH).stroke();
      if (!pair) continue;
      doc.fillColor(GREY).text(pair[0], x + 3, y + fs(4), { width: labelW - 4, lineBreak: false });
      doc.fillColor('black').text(pair[1], x + labelW, y + fs(4), {
        width: half - labelW - 3,
        height: rowH,
        lineBreak: false,
        ellipsis: true,
      });
    }
    y += rowH;
  }

  y += fs(6);
  // A title cut from the description itself (no category) would only repeat it.
  const repeated = data.description.startsWith(data.title.replace(/…$/, ''));
  const problem = repeated ? data.description : `${data.title}\n${data.description}`;
  y = section(doc, labels.problem, problem, left, y, width, fs(54), fs);

  const { rows, totalFen } = materialRows(data.materials);
  doc.font('cjk-bold').fontSize(fs(9)).text(labels.materials, left, y);
  y += fs(13);
  const cols = [0.46, 0.16, 0.19, 0.19].map((c) => c * width);
  const header = [labels.item, labels.qty, labels.price, labels.amount];
  const lines = rows.length
    ? rows.map((r) => [r.item, r.qty, yuan(r.priceFen), yuan(r.amountFen)])
    : [['', '', '', '']];
  doc.font('cjk').fontSize(fs(8));
  for (const line of [
    header,
    ...lines.slice(0, 6),
    ['', '', labels.total, rows.length ? yuan(totalFen) : ''],
  ]) {
    let x = left;
    line.forEach((cell, k) => {
      doc.rect(x, y, cols[k]!, fs(14)).stroke();
      doc.text(cell, x + 3, y + fs(3), { width: cols[k]! - 6, lineBreak: false, ellipsis: true });
      x += cols[k]!;
    });
    y += fs(14);
  }

  y += fs(6);
  y = section(doc, labels.result, data.result ?? '', left, y, width, fs(30), fs);

  // The signature box: the resident signs here (on paper, or on the phone — then the drawing is printed).
  const boxH = Math.max(fs(60), doc.page.height - doc.page.margins.bottom - y - fs(4));
  doc.rect(left, y, width, boxH).stroke();
  doc
    .font('cjk-bold')
    .fontSize(fs(9))
    .text(labels.signature, left + 4, y + 4);
  if (card.signature) {
    try {
      doc.image(card.signature, left + fs(70), y + 4, {
        fit: [width - fs(160), boxH - 8],
        align: 'center',
        valign: 'center',
      });
      doc
        .font('cjk')
        .fontSize(fs(7))
        .fillColor(GREY)
        .text(labels.signedWaives, left + 4, y + boxH - fs(12), { width: width - 8 });
      doc.fillColor('black');
    } catch {
      // An old signature that is not an image pdfkit reads: the box stays empty for a pen.
    }
  }
  doc
    .font('cjk')
    .fontSize(fs(8))
    .text(`${labels.date}：`, left + width - fs(90), y + 4, { width: fs(86) });
}

function section(
  doc: PDFKit.PDFDocument,
  title: string,
  body: string,
  left: number,
  y: number,
  width: number,
  height: number,
  fs: (n: number) => number,
): number {
  doc.font('cjk-bold').fontSize(fs(9)).text(title, left, y);
  const top = y + fs(13);
  doc.rect(left, top, width, height).stroke();
  doc
    .font('cjk')
    .fontSize(fs(8.5))
    .text(body, left + 4, top + 3, { width: width - 8, height: height - 6, ellipsis: true });
  return top + height + fs(6);
}
