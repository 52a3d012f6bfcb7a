import type { CheckItem } from '@guanjia/shared';
import type { submitResultsBody } from '@guanjia/shared/api';
import { uploadUrl } from '@guanjia/shared/api';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors';
import type { Ctx } from '../tickets/ticket-write';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { workOrders } from '../workorders/schema';
import { generateTasks } from './generate-tasks';
import { type NewDefect, raiseDefectTickets } from './raise-defects';
import { defectFor } from './rules/defects';
import { checkAnswer } from './rules/readings';
import {
  checklistVersions,
  equipmentDefects,
  inspectionResults,
  inspectionTasks,
  maintenancePlans,
  type TaskRow,
} from './schema';
import { taskInScope } from './task-queries';

type Body = z.infer<typeof submitResultsBody>;

/**
 * POST /api/inspection-tasks/:id/results. Answers are kept per task × item (a re-sent answer
 * overwrites, never duplicates); the task completes once every item is answered. A submit to a
 * completed task with the key that completed it answers the same; with another key it is refused.
 * A failed item or out-of-range reading joins the open defect of the same equipment × item or opens
 * one, whose repair ticket (channel 巡检) is written right after the commit.
 */
export async function submitResults(ctx: Ctx, auth: AuthContext, taskId: number, body: Body) {
  const { db } = ctx.database;
  const task = await taskInScope(db, auth, taskId);
  if (task.status === 'done') {
    if (task.idempotencyKey === body.idempotencyKey) return { replay: true };
    throw conflict('Inspection task already completed', { completedAt: task.completedAt });
  }
  const items = await checklistItems(db, task.checklistVersionId);
  const checked = body.items.map((answer) => {
    const item = items.get(answer.itemId);
    if (!item) throw badRequest('Unknown checklist item', { itemId: answer.itemId });
    const verdict = checkAnswer(item, answer);
    if (!verdict.ok)
      throw new AppError(400, 'invalid_answer', 'A checklist answer is missing or of the wrong kind', {
        label: item.label,
        itemId: answer.itemId,
        reason: verdict.reason,
      });
    return { answer, item, failed: verdict.failed };
  });
  const now = ctx.clock.now();
  const created: NewDefect[] = [];
  const outcome = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(inspectionTasks)
      .where(eq(inspectionTasks.id, taskId))
      .for('update');
    if (!locked) throw notFound('Inspection task');
    if (locked.status === 'done') {
      if (locked.idempotencyKey === body.idempotencyKey) return { replay: true, completed: false };
      throw conflict('Inspection task already completed', { completedAt: locked.completedAt });
    }
    const photos = checked.flatMap((c) => c.answer.photoIds ?? []);
    if (photos.length) await attachUploads(tx, staffReader(auth), locked.projectId, photos.map(uploadUrl));
    const existing = await tx
      .select({ itemId: inspectionResults.itemId, defectId: inspectionResults.defectId })
      .from(inspectionResults)
      .where(eq(inspectionResults.taskId, taskId));
    const known = new Map(existing.map((e) => [e.itemId, e.defectId]));
    for (const c of checked) {
      let defectId = known.get(c.answer.itemId) ?? null;
      if (c.failed && !defectId) defectId = await defectOf(tx, locked, c.item, c.answer, now, created);
      if (!c.failed) defectId = null;
      const values = {
        pass: c.answer.pass ?? null,
        value: c.answer.value ?? null,
        text: c.answer.text ?? null,
        note: c.answer.note ?? null,
        photoIds: c.answer.photoIds ?? [],
        failed: c.failed,
        defectId,
        recordedAt: now,
        recordedBy: auth.userId,
      };
      await tx
        .insert(inspectionResults)
        .values({ projectId: locked.projectId, taskId, itemId: c.answer.itemId, ...values })
        .onConflictDoUpdate({ target: [inspectionResults.taskId, inspectionResults.itemId], set: values });
      known.set(c.answer.itemId, defectId);
    }
    const answered = [...items.keys()].every((id) => known.has(id));
    const completed = body.complete && answered;
    if (completed) {
      await tx
        .update(inspectionTasks)
        .set({
          status: 'done',
          completedAt: now,
          completedBy: auth.userId,
          onTime: now.getTime() <= locked.dueAt.getTime(),
          idempotencyKey: body.idempotencyKey,
          version: locked.version + 1,
        })
        .where(eq(inspectionTasks.id, taskId));
      // A done task ends a run of misses: the 5-missed warning may be raised again later.
      await tx
        .update(maintenancePlans)
        .set({ missedWarningAt: null })
        .where(eq(maintenancePlans.id, locked.planId));
    }
    await recordEvent(tx, userActor(auth), now, {
      action: completed ? 'inspection.completed' : 'inspection.answered',
      entityType: 'inspection_task',
      entityId: taskId,
      projectId: locked.projectId,
      after: {
        items: checked.map((c) => c.answer.itemId),
        failed: checked.filter((c) => c.failed).map((c) => c.answer.itemId),
        ...(completed ? { status: 'done', onTime: now.getTime() <= locked.dueAt.getTime() } : {}),
      },
    });
    return { replay: false, completed };
  });
  if (created.length) await raiseDefectTickets(ctx, auth, created);
  if (outcome.completed) await nextCompletionTask(db, task, now);
  return outcome;
}

async function checklistItems(db: DbOrTx, versionId: number): Promise<Map<string, CheckItem>> {
  const [v] = await db
    .select({ items: checklistVersions.items })
    .from(checklistVersions)
    .where(eq(checklistVersions.id, versionId));
  return new Map((v?.items ?? []).map((i) => [i.id, i]));
}

/** One open work order per equipment × item: join the open defect, or open a new one. */
async function defectOf(
  tx: DbOrTx,
  task: TaskRow,
  item: CheckItem,
  answer: Body['items'][number],
  now: Date,
  created: NewDefect[],
): Promise<number> {
  const key = `defect:${task.projectId}:${task.equipmentKey}:${item.id}`;
  // Two phones failing the same item at once take turns here (works on PGlite and PostgreSQL).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  const known = await tx
    .select({
      id: equipmentDefects.id,
      ticketId: equipmentDefects.ticketId,
      workOrderStatus: workOrders.status,
    })
    .from(equipmentDefects)
    .leftJoin(workOrders, eq(workOrders.id, equipmentDefects.workOrderId))
    .where(
      and(
        eq(equipmentDefects.projectId, task.projectId),
        eq(equipmentDefects.equipmentKey, task.equipmentKey),
        eq(equipmentDefects.itemId, item.id),
      ),
    );
  const pick = defectFor(known.map((k) => ({ id: k.id, workOrderStatus: k.workOrderStatus ?? null })));
  const what = describeFailure(task.title, item, answer);
  if ('join' in pick) {
    // Its ticket was never written (the process stopped after the commit): write it now.
    if (known.find((k) => k.id === pick.join)?.ticketId === null)
      created.push({
        defectId: pick.join,
        projectId: task.projectId,
        equipmentId: task.equipmentId,
        system: task.system,
        what,
      });
    await tx
      .update(equipmentDefects)
      .set({ occurrences: sql`${equipmentDefects.occurrences} + 1`, lastSeenAt: now })
      .where(eq(equipmentDefects.id, pick.join));
    return pick.join;
  }
  const [row] = await tx
    .insert(equipmentDefects)
    .values({
      companyId: task.companyId,
      projectId: task.projectId,
      equipmentKey: task.equipmentKey,
      equipmentId: task.equipmentId,
      planId: task.planId,
      itemId: item.id,
      system: task.system,
      openedAt: now,
      lastSeenAt: now,
    })
    .returning({ id: equipmentDefects.id });
  if (!row) throw new Error('insert returned nothing');
  created.push({
    defectId: row.id,
    projectId: task.projectId,
    equipmentId: task.equipmentId,
    system: task.system,
    what,
  });
  return row.id;
}

export function describeFailure(title: string, item: CheckItem, answer: Body['items'][number]): string {
  if (item.kind === 'number') {
    const range = `${item.min ?? '—'}–${item.max ?? '—'}${item.unit ?? ''}`;
    return `${title}｜${item.label} 读数 ${answer.value}${item.unit ?? ''}，超出正常范围 ${range}${answer.note ? `；${answer.note}` : ''}`;
  }
  return `${title}｜${item.label} 不合格${answer.note ? `：${answer.note}` : ''}`;
}

/** Completion-based plans: the next task is due one interval after this completion. */
async function nextCompletionTask(db: DbOrTx, task: TaskRow, now: Date) {
  const [plan] = await db
    .select({ basis: maintenancePlans.basis })
    .from(maintenancePlans)
    .where(eq(maintenancePlans.id, task.planId));
  if (plan?.basis === 'completion') await generateTasks(db, task.projectId, now, [task.planId]);
}
