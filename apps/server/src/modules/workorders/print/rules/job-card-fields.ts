import { zonedParts } from '@guanjia/shared';

/** Everything one printed 派工单 shows, already resolved (names, masked or full phone). */
export interface JobCardData {
  id: number;
  number: string;
  ticketNumber: string;
  projectName: string;
  buildingName: string | null;
  room: string | null;
  unitLabel: string | null;
  residentName: string | null;
  phone: string | null;
  title: string;
  description: string;
  category: string | null;
  priority: string;
  status: string;
  technicianName: string | null;
  createdAt: Date;
  appointmentAt: Date | null;
  dispatchedAt: Date | null;
  arrivedAt: Date | null;
  completedAt: Date | null;
  materials: { item: string; qty: number; unit?: string | null; unitPrice?: number | null }[];
  result: string | null;
  timeZone: string;
}

export type JobCardLang = 'zh-CN' | 'en';

export const JOB_CARD_LABELS = {
  'zh-CN': {
    title: '派工单',
    number: '工单号',
    ticket: '报事单号',
    estate: '小区',
    building: '楼栋',
    room: '房号',
    resident: '住户',
    phone: '电话',
    category: '类别',
    priority: '紧急程度',
    problem: '问题描述',
    technician: '维修人员',
    created: '报事时间',
    appointment: '预约时间',
    dispatched: '派单时间',
    arrived: '到场时间',
    completed: '完工时间',
    materials: '材料',
    item: '名称',
    qty: '数量',
    price: '单价(元)',
    amount: '金额(元)',
    total: '合计',
    result: '处理结果',
    signature: '住户签字',
    signedWaives: '住户已签字确认，免管家现场验收（Q40）',
    date: '日期',
    scan: '扫码查看工单',
  },
  en: {
    title: 'Work order',
    number: 'Order no.',
    ticket: 'Ticket no.',
    estate: 'Estate',
    building: 'Building',
    room: 'Unit',
    resident: 'Resident',
    phone: 'Phone',
    category: 'Category',
    priority: 'Priority',
    problem: 'Problem',
    technician: 'Technician',
    created: 'Reported',
    appointment: 'Appointment',
    dispatched: 'Dispatched',
    arrived: 'Arrived',
    completed: 'Completed',
    materials: 'Materials',
    item: 'Item',
    qty: 'Qty',
    price: 'Price (¥)',
    amount: 'Amount (¥)',
    total: 'Total',
    result: 'Result',
    signature: 'Resident signature',
    signedWaives: 'Signed by the resident: no on-site acceptance needed (Q40)',
    date: 'Date',
    scan: 'Scan to open the order',
  },
} as const;
export type JobCardLabels = { [K in keyof (typeof JOB_CARD_LABELS)['zh-CN']]: string };

/** "2026-12-06 14:05" on the project's wall clock; empty for a time not reached yet. */
export function cardTime(at: Date | null, timeZone: string): string {
  if (!at) return '';
  const p = zonedParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** Money in 分 (integers) so a column of prices adds up exactly; shown as yuan with two decimals. */
export function materialRows(materials: JobCardData['materials']) {
  const rows = materials.map((m) => {
    const priceFen = Math.round((m.unitPrice ?? 0) * 100);
    const amountFen = Math.round(priceFen * m.qty);
    return { item: m.item, qty: `${m.qty}${m.unit ?? ''}`, priceFen, amountFen };
  });
  return { rows, totalFen: rows.reduce((s, r) => s + r.amountFen, 0) };
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The header grid of the card: label/value pairs, two per line, in the order a technician reads them. */
export function jobCardGrid(card: JobCardData, labels: JobCardLabels): [string, string][] {
  const tz = card.timeZone;
  return [
    [labels.number, card.number],
    [labels.ticket, card.ticketNumber],
    [labels.estate, card.projectName],
    [labels.building, card.buildingName ?? ''],
    [labels.room, card.room ?? card.unitLabel ?? ''],
    [labels.resident, card.residentName ?? ''],
    [labels.phone, card.phone ?? ''],
    [labels.category, card.category ?? ''],
    [labels.priority, card.priority],
    [labels.technician, card.technicianName ?? ''],
    [labels.created, cardTime(card.createdAt, tz)],
    [labels.appointment, cardTime(card.appointmentAt, tz)],
    [labels.dispatched, cardTime(card.dispatchedAt, tz)],
    [labels.arrived, cardTime(card.arrivedAt, tz)],
    [labels.completed, cardTime(card.completedAt, tz)],
  ];
}
