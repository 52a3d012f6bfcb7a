import type { InspectionTaskDetail } from '@guanjia/shared/api';
import { ApiError, api } from '../../../api/client';

/**
 * A checklist filled with a weak signal: every answer is written to localStorage first and sent
 * afterwards, item by item. The server keeps one answer per task × item and completes a task once
 * (the task's idempotency key), so re-sending after a lost reply never duplicates anything, and an
 * answer is only forgotten here once the server has it.
 */
export interface Answer {
  itemId: string;
  pass?: boolean;
  value?: number;
  text?: string;
  note?: string;
  photoIds?: number[];
}

interface Stored {
  key: string;
  answers: Record<string, Answer>;
  /** Items the server has confirmed with exactly the stored answer. */
  sent: Record<string, string>;
  /** The technician pressed 提交: complete the task once everything is in. */
  complete: boolean;
  done: boolean;
}

const storageKey = (taskId: number) => `guanjia.inspection.${taskId}`;

export function loadStored(taskId: number): Stored {
  try {
    const raw = localStorage.getItem(storageKey(taskId));
    if (raw) return JSON.parse(raw) as Stored;
  } catch {
    // A corrupt entry starts over rather than blocking the checklist.
  }
  const key = `task-${taskId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return { key, answers: {}, sent: {}, complete: false, done: false };
}

function save(taskId: number, s: Stored) {
  localStorage.setItem(storageKey(taskId), JSON.stringify(s));
}

export function saveAnswer(taskId: number, answer: Answer): Stored {
  const s = loadStored(taskId);
  s.answers[answer.itemId] = answer;
  save(taskId, s);
  return s;
}

export function markComplete(taskId: number): Stored {
  const s = loadStored(taskId);
  s.complete = true;
  save(taskId, s);
  return s;
}

export const pendingCount = (s: Stored) =>
  Object.values(s.answers).filter((a) => s.sent[a.itemId] !== JSON.stringify(a)).length +
  (s.complete && !s.done ? 1 : 0);

export const isNetworkError = (e: unknown) =>
  e instanceof ApiError && (e.code === 'network' || e.status === 0);

/** Change the stored state as it is now: a send in flight must not write back an older copy. */
function update(taskId: number, change: (s: Stored) => void) {
  const s = loadStored(taskId);
  change(s);
  save(taskId, s);
}

/**
 * Send what the server has not confirmed yet; then, if 提交 was pressed, complete the task with all
 * answers. Stops at the first network failure (kept for the next try); returns the latest task.
 * Two sends may overlap (an answer given while one is in flight): each marks only what it sent, on the
 * stored state of that moment, so an answer saved meanwhile is never overwritten.
 */
export async function flush(taskId: number): Promise<InspectionTaskDetail | null> {
  const s = loadStored(taskId);
  let latest: InspectionTaskDetail | null = null;
  for (const answer of Object.values(s.answers)) {
    const text = JSON.stringify(answer);
    if (s.sent[answer.itemId] === text) continue;
    latest = await api.post<InspectionTaskDetail>(`/api/inspection-tasks/${taskId}/results`, {
      idempotencyKey: s.key,
      items: [answer],
      complete: false,
    });
    update(taskId, (now) => {
      now.sent[answer.itemId] = text;
    });
  }
  const now = loadStored(taskId);
  if (now.complete && !now.done) {
    latest = await api.post<InspectionTaskDetail>(`/api/inspection-tasks/${taskId}/results`, {
      idempotencyKey: now.key,
      items: Object.values(now.answers),
      complete: true,
    });
    if (latest.status === 'done')
      update(taskId, (later) => {
        later.done = true;
      });
  }
  return latest;
}

/** Every task with answers still on this phone (the 今日巡检 page sends them when it opens). */
export function storedTaskIds(): number[] {
  const ids: number[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const m = /^guanjia\.inspection\.(\d+)$/.exec(localStorage.key(i) ?? '');
    if (m) ids.push(Number(m[1]));
  }
  return ids;
}
