import { formatFen, formatHumanDay } from '@guanjia/shared';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../workorders/print/cjk-font';

export interface LetterData {
  projectName: string;
  servicePhone: string | null;
  unitLabel: string;
  ownerName: string | null;
  /** The day the notice is issued ('YYYY-MM-DD', the project's local day). */
  issuedOn: string;
  timeZone: string;
  owed: number;
  bills: { period: string; dueDate: string; balance: number; daysOverdue: number }[];
}

/** The 催缴通知书 (level 3), one A4 page set in the embedded CJK font, the same set-up as the 派工单. */
export async function renderLetter(d: LetterData): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: '催缴通知书', Creator: 'Guanjia 管家' },
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
  const width = doc.page.width - left - doc.page.margins.right;
  const day = (s: string) => formatHumanDay(s, { locale: 'zh-CN', timeZone: d.timeZone, withYear: true });
  doc.font('cjk-bold').fontSize(22).text('催 缴 通 知 书', left, 70, { width, align: 'center' });
  doc.moveDown(1.5);
  doc.font('cjk').fontSize(12);
  doc.text(`尊敬的 ${d.unitLabel}${d.ownerName ? ` ${d.ownerName}` : ''} 业主：`);
  doc.moveDown(0.6);
  doc.text(
    `　　截至${day(d.issuedOn)}，经核对，您的房屋尚有以下费用逾期未缴，合计 ${formatFen(d.owed)}。物业服务费是维持小区正常运行（保洁、秩序维护、设施设备维修养护等）的基础，恳请您于收到本通知之日起七日内到物业服务中心或通过住户门户缴纳。如对费用有异议，请及时与我们联系核实。`,
    { width, lineGap: 6 },
  );
  doc.moveDown(1);
  const cols = [left, left + 120, left + 260, left + 380];
  const header = ['账期', '应缴日期', '逾期天数', '欠费金额'];
  let y = doc.y;
  doc.font('cjk-bold').fontSize(11);
  header.forEach((h, i) => {
    doc.text(h, cols[i], y, { width: 120 });
  });
  y += 20;
  doc
    .moveTo(left, y - 4)
    .lineTo(left + width, y - 4)
    .strokeColor('#999999')
    .stroke();
  doc.font('cjk').fontSize(11);
  for (const b of d.bills.slice(0, 24)) {
    const row = [b.period, day(b.dueDate), `${b.daysOverdue} 天`, formatFen(b.balance)];
    row.forEach((v, i) => {
      doc.text(v, cols[i], y, { width: 120 });
    });
    y += 18;
  }
  if (d.bills.length > 24) {
    doc.text(`另有 ${d.bills.length - 24} 笔，详见账单`, left, y);
    y += 18;
  }
  doc.font('cjk-bold').text(`合计：${formatFen(d.owed)}`, cols[3], y + 6, { width: 160 });
  doc.font('cjk').fontSize(12);
  doc.text(
    `　　感谢您对物业服务工作的理解与支持！${d.servicePhone ? `咨询电话：${d.servicePhone}` : ''}`,
    left,
    y + 40,
    { width, lineGap: 6 },
  );
  doc.moveDown(3);
  doc.text(`${d.projectName} 物业服务中心`, left, doc.y, { width, align: 'right' });
  doc.text(day(d.issuedOn), left, doc.y + 6, { width, align: 'right' });
  doc.end();
  return done;
}
