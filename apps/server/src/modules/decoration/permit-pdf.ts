import type { Decoration } from '@guanjia/shared/api';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { cjkFont } from '../workorders/print/cjk-font';

/**
 * 《装修许可证》 on A4, to post at the site door (W-14 step 3 posts the notice in the building): the
 * unit, the company, the period, the foreman, and each worker's pass QR for the gate.
 */
export async function renderPermit(d: Decoration, projectName: string): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `装修许可证 ${d.number}`, Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('cjk-bold').fontSize(22).text('装 修 许 可 证', { align: 'center' });
  doc.moveDown(0.3).font('cjk').fontSize(10).text(`${projectName}　编号：${d.number}`, { align: 'center' });
  doc.moveDown(1).fontSize(12);
  const line = (k: string, v: string) =>
    doc
      .font('cjk-bold')
      .text(`${k}：`, { continued: true })
      .font('cjk')
      .text(v || '—');
  line('房号', d.unitLabel);
  line('业主/申请人', d.applicantName);
  line('装修单位', d.company);
  line('现场负责人', `${d.foreman} ${d.foremanPhone}`);
  line('装修期限', `${d.startsOn} 至 ${d.endsOn}`);
  line('装修内容', d.scope);
  line('地漏渗水试验', d.seepagePassed ? '已完成（合格，业主签字）' : '未完成');
  doc
    .moveDown(0.8)
    .font('cjk')
    .fontSize(10)
    .text(
      '施工时间：工作日 8:00–12:00、14:00–18:00；节假日不得进行噪音施工。装修垃圾袋装后运至指定地点。管理处每日巡查一次，发现违规将发出《整改通知单》。',
    );
  if (d.workers.length) {
    doc.moveDown(0.8).font('cjk-bold').fontSize(12).text('施工人员出入证');
    let y = doc.y + 6;
    let x = 48;
    for (const w of d.workers) {
      if (y > 700) {
        doc.addPage();
        y = 48;
      }
      const png = await QRCode.toBuffer(w.passCode, { errorCorrectionLevel: 'M', margin: 1, width: 200 });
      doc.image(png, x, y, { width: 90, height: 90 });
      doc
        .font('cjk')
        .fontSize(10)
        .text(`${w.name}${w.trade ? `（${w.trade}）` : ''}`, x, y + 94, { width: 110 });
      x += 125;
      if (x > 450) {
        x = 48;
        y += 130;
      }
    }
  }
  doc.end();
  return done;
}
