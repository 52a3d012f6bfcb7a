import type { SurveyCampaign, SurveyResults } from '@guanjia/shared/api';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../workorders/print/cjk-font';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * 《满意度调查报告》 (R07) on A4 in the embedded CJK font: the two rates against their targets with the
 * formulas written out, each dimension and zone, and the rectification items the analysis opened.
 */
export async function renderSurveyReport(
  c: SurveyCampaign,
  r: SurveyResults,
  opts: { projectName: string; printedOn: string; rectifications: { title: string; deadline: string }[] },
): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `满意度调查报告 ${c.name}`, Creator: 'Guanjia 管家' },
  });
  doc.registerFont('cjk', font.regular, font.family);
  doc.registerFont('cjk-bold', font.bold, font.family);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) =>
    doc.moveDown(0.6).font('cjk-bold').fontSize(12).text(text).moveDown(0.2).font('cjk').fontSize(10);
  const line = (text: string) => doc.font('cjk').fontSize(10).text(text);

  doc.font('cjk-bold').fontSize(16).text(`${opts.projectName} 满意度调查报告`, { align: 'center' });
  doc
    .moveDown(0.3)
    .font('cjk')
    .fontSize(10)
    .text(`${c.name}　调查期间 ${c.startsOn} 至 ${c.endsOn}　打印日期 ${opts.printedOn}`, {
      align: 'center',
    });

  heading('一、总体结果');
  line(
    `调查户数 ${r.households} 户，参与 ${r.responded} 户，回答总体满意度 ${r.overallAnswered} 户，其中满意（含非常满意）${r.satisfied} 户。`,
  );
  line(
    `沟通覆盖率 = 参与户数 ÷ 调查户数 = ${r.responded} ÷ ${r.households} = ${pct(r.coverage)}（目标 ≥ ${pct(r.targets.coverage)}，${r.coverage >= r.targets.coverage ? '达标' : '未达标'}）`,
  );
  line(
    `满意率 = 总体满意度答"满意/非常满意"的户数 ÷ 回答该题的户数 = ${r.satisfied} ÷ ${r.overallAnswered} = ${pct(r.satisfaction)}（目标 ≥ ${pct(r.targets.satisfaction)}，${r.satisfaction >= r.targets.satisfaction ? '达标' : '未达标'}）`,
  );
  line('每户只计一次：同一户多名住户或多次作答，以该户最后一次有效答卷为准。');

  heading('二、分维度满意率');
  line('维度满意：该户在此维度的评价中，满意（5 分制 ≥ 4、10 分制 ≥ 8 或"满意/非常满意"）超过一半。');
  for (const d of r.byDimension)
    line(
      `${d.dimension}：${d.satisfied}/${d.answered} 户满意，${pct(d.satisfaction)}${d.belowTarget ? '　▲ 低于目标，需整改' : ''}`,
    );
  if (!r.byDimension.length) line('（无）');

  heading('三、分片区结果（按满意率排名）');
  r.byZone.forEach((z, i) => {
    line(
      `${i + 1}. ${z.zoneName}：${z.responded}/${z.households} 户参与（覆盖 ${pct(z.coverage)}），满意率 ${pct(z.satisfaction)}`,
    );
  });

  heading('四、分析与整改');
  if (opts.rectifications.length)
    for (const x of opts.rectifications) line(`· ${x.title}　整改期限 ${x.deadline}`);
  else
    line(
      c.status === 'closed'
        ? '各维度均达到目标，无需整改。'
        : '调查进行中；结束调查时，低于目标的维度将自动生成整改单。',
    );

  doc.moveDown(2).text('编制：＿＿＿＿＿＿　　审核：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿');
  doc.end();
  return done;
}
