import type { AnalyticsDashboard, AnalyticsDrillList } from '@guanjia/shared/api';
import {
  loadExcelJs,
  safeSheetName,
  styleHeaderRow,
  wallClockDate,
  workbookBuffer,
} from '../../platform/http/xlsx';
import { type LabelLocale, labelIn } from './localize';

/**
 * A dashboard as a workbook: the cards (with their shares) on the first sheet, one sheet per chart's
 * data. `d` is already in `locale`; the sheet's own headings follow it.
 */
export async function dashboardWorkbook(d: AnalyticsDashboard, locale: LabelLocale): Promise<Buffer> {
  const l = (label: string) => labelIn(locale, label);
  const pct = (r: number | null) => (r === null ? l('无数据') : Math.round(r * 1000) / 10);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const cardsSheet = l('指标');
  const cards = wb.addWorksheet(cardsSheet);
  cards.columns = [
    { header: l('指标'), width: 22 },
    { header: l('数值'), width: 10 },
    { header: l('基数'), width: 18 },
    { header: l('基数值'), width: 10 },
    { header: l('比率(%)'), width: 10 },
  ];
  styleHeaderRow(cards.getRow(1));
  for (const c of d.cards)
    cards.addRow([c.label, c.value, c.base?.label ?? '', c.base?.value ?? '', c.base ? pct(c.rate) : '']);
  const used = new Set([cardsSheet]);
  for (const s of d.series) {
    let name = safeSheetName(s.label);
    for (let i = 2; used.has(name); i += 1) name = safeSheetName(`${s.label.slice(0, 27)} ${i}`);
    used.add(name);
    const sheet = wb.addWorksheet(name);
    sheet.addRow(['', ...s.data.map((x) => x.name)]);
    styleHeaderRow(sheet.getRow(1));
    for (const [i, x] of s.categories.entries())
      sheet.addRow([x, ...s.data.map((row) => row.values[i] ?? null)]);
  }
  return workbookBuffer(wb);
}

/** A drill list as one sheet, times as the project's wall clock. */
export async function drillWorkbook(list: AnalyticsDrillList, timeZone: string): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(safeSheetName(list.label));
  sheet.columns = list.columns.map((c) => ({ header: c.label, width: c.kind === 'time' ? 18 : 14 }));
  styleHeaderRow(sheet.getRow(1));
  for (const item of list.items) {
    const row = sheet.addRow(
      list.columns.map((c) => {
        const v = item[c.key] ?? null;
        if (c.kind === 'time' && typeof v === 'string') return wallClockDate({ at: new Date(v), timeZone });
        return v;
      }),
    );
    list.columns.forEach((c, i) => {
      if (c.kind === 'time') row.getCell(i + 1).numFmt = 'yyyy-mm-dd hh:mm';
    });
  }
  return workbookBuffer(wb);
}
