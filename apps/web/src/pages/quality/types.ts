/** QA seat shapes (apps/server/src/modules/quality). */
export type QaStatus = '待评分' | '已评分' | '申诉中' | '已复核';
export const QA_STATUSES: QaStatus[] = ['待评分', '已评分', '申诉中', '已复核'];

export interface ChecklistItem {
  key: string;
  label: string;
  weight: number;
}

export interface QaPlan {
  projectId: number;
  samplePercent: number;
  checklist: ChecklistItem[];
}

export interface QaReview {
  id: number;
  projectId: number;
  subjectType: 'call' | 'ticket';
  subjectId: number;
  agentId: number;
  agentName: string | null;
  subjectAt: string;
  status: QaStatus;
  deductions: Record<string, number>;
  total: number | null;
  comment: string | null;
  appealReason: string | null;
  scoredAt: string | null;
  version: number;
  forbidden: string[];
  subject: {
    label: string;
    title: string | null;
    recordingUrl?: string | null;
    talkSeconds?: number | null;
    transcript?: string | null;
  } | null;
}

export interface QaFlag {
  id: number;
  subjectType: 'call' | 'ticket';
  subjectId: number;
  source: 'note' | 'answer' | 'transcript';
  authorId: number | null;
  authorName: string | null;
  phrases: string[];
  excerpt: string;
  createdAt: string;
}

export const STATUS_COLOR: Record<QaStatus, string> = {
  待评分: 'default',
  已评分: 'blue',
  申诉中: 'orange',
  已复核: 'green',
};
