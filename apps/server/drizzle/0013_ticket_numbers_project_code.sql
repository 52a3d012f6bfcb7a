-- Ticket and work-order numbers name their estate (BX-JXHY-20261206-0007), so a number is never the
-- same in two 小区 of a company. Numbers issued before this migration get their project's code too.
update tickets t
   set number = left(t.number, 2) || '-' || upper(p.code) || substr(t.number, 3),
       search_text = replace(t.search_text, t.number, left(t.number, 2) || '-' || upper(p.code) || substr(t.number, 3))
  from projects p
 where p.id = t.project_id and t.number ~ '^[A-Z]{2}-[0-9]{8}-[0-9]{4,}$';
--> statement-breakpoint
update work_orders w
   set number = left(w.number, 2) || '-' || upper(p.code) || substr(w.number, 3)
  from projects p
 where p.id = w.project_id and w.number ~ '^[A-Z]{2}-[0-9]{8}-[0-9]{4,}$';
