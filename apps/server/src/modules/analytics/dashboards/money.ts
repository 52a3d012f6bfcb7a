import { sql } from 'drizzle-orm';
import { type DrillColumn, defineDashboard, type KpiContext } from '../registry';

const BILL_COLUMNS: readonly DrillColumn[] = [
  { key: 'unit', label: '房号', kind: 'text' },
  { key: 'period', label: '账期', kind: 'text' },
  { key: 'due_date', label: '应缴日', kind: 'text' },
  { key: 'amount', label: '应收(分)', kind: 'number' },
  { key: 'paid_amount', label: '已收(分)', kind: 'number' },
  { key: 'balance', label: '欠费(分)', kind: 'number' },
];

const day = (c: KpiContext, at: Date) => sql`(${at}::timestamptz at time zone ${c.timeZone})::date`;

/** Bills falling due in the window (local dates). */
const due = (c: KpiContext, where = sql`true`) => sql`
  select b.id, u.label as unit, b.period, b.due_date::text as due_date, b.billed_amount + b.adjusted_amount as amount,
         b.paid_amount, b.balance
    from bills b left join units u on u.id = b.unit_id
   where b.project_id = ${c.projectId} and b.due_date >= ${day(c, c.from)} and b.due_date < ${day(c, c.to)}
     and b.billed_amount + b.adjusted_amount > 0 and (${where})`;

/** 收费: 收费率 (bills due in the window that are paid), arrears and their ageing. Money in 分. */
export const moneyDashboard = defineDashboard({
  key: 'money',
  title: '收费',
  permission: 'billing.read',
  cards: [
    { key: 'bills_due', label: '到期账单', records: (c) => due(c), columns: BILL_COLUMNS },
    {
      key: 'bills_paid',
      label: '已缴清',
      records: (c) => due(c, sql`b.balance <= 0`),
      columns: BILL_COLUMNS,
      base: 'bills_due',
      good: 'high',
    },
    {
      key: 'arrears',
      label: '欠费账单(截至期末)',
      records: (c) => sql`
        select b.id, u.label as unit, b.period, b.due_date::text as due_date, b.billed_amount + b.adjusted_amount as amount,
               b.paid_amount, b.balance
          from bills b left join units u on u.id = b.unit_id
         where b.project_id = ${c.projectId} and b.balance > 0 and b.due_date < ${day(c, c.to)}`,
      columns: BILL_COLUMNS,
    },
  ],
  series: [
    {
      key: 'arrears_age',
      label: '欠费账龄(元)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select case when d < 30 then '<30天' when d < 90 then '30-90天' when d < 180 then '90-180天'
                      when d < 365 then '180-365天' else '>1年' end as x, '欠费' as name, round(sum(balance) / 100.0, 2) as value
            from (select b.balance, ${day(c, c.to)} - b.due_date as d from bills b
                   where b.project_id = ${c.projectId} and b.balance > 0 and b.due_date < ${day(c, c.to)}) a
           group by 1`,
      },
      categories: () => ['<30天', '30-90天', '90-180天', '180-365天', '>1年'],
    },
    {
      key: 'collection_by_period',
      label: '收费率(按账期,%)',
      chart: 'line',
      rows: {
        sql: (c) => sql`
          select b.period as x, '收费率' as name,
                 round(100.0 * sum(b.paid_amount) / nullif(sum(b.billed_amount + b.adjusted_amount), 0), 1) as value
            from bills b where b.project_id = ${c.projectId}
             and b.due_date >= ${day(c, c.from)} and b.due_date < ${day(c, c.to)}
           group by 1 order by 1`,
      },
      missing: null,
    },
  ],
});
