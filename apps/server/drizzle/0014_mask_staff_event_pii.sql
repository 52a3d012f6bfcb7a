-- Staff events stored the staff member's phone and e-mail in full, readable by auditors who see them
-- masked everywhere else. Mask the stored ones the way new events are written (maskStaffPii): an old
-- value reads '***', a new one 'changed', and null stays null.
update events set "after" = jsonb_set("after", '{phone}', '"changed"')
 where entity_type = 'user' and action in ('staff.created', 'staff.updated')
   and jsonb_typeof("after" -> 'phone') not in ('null') and "after" -> 'phone' <> '"changed"';
--> statement-breakpoint
update events set "after" = jsonb_set("after", '{email}', '"changed"')
 where entity_type = 'user' and action in ('staff.created', 'staff.updated')
   and jsonb_typeof("after" -> 'email') not in ('null') and "after" -> 'email' <> '"changed"';
--> statement-breakpoint
update events set "before" = jsonb_set("before", '{phone}', '"***"')
 where entity_type = 'user' and action = 'staff.updated'
   and jsonb_typeof("before" -> 'phone') not in ('null') and "before" -> 'phone' <> '"***"';
--> statement-breakpoint
update events set "before" = jsonb_set("before", '{email}', '"***"')
 where entity_type = 'user' and action = 'staff.updated'
   and jsonb_typeof("before" -> 'email') not in ('null') and "before" -> 'email' <> '"***"';
