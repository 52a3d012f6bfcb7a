import type { ComplaintGrade, ReviewState } from '@guanjia/shared';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const GRADE_COLOR: Record<ComplaintGrade, string> = { normal: 'default', important: 'orange', major: 'red' };
const REVIEW_COLOR: Record<ReviewState, string> = { pending: 'gold', rejected: 'red', approved: 'green' };

export function GradeTag({ grade }: { grade: ComplaintGrade | null }) {
  const { t } = useTranslation();
  if (!grade) return <>—</>;
  return <Tag color={GRADE_COLOR[grade]}>{t(`complaints.grades.${grade}`)}</Tag>;
}

export function ReviewTag({ state }: { state: ReviewState | null }) {
  const { t } = useTranslation();
  if (!state) return null;
  return <Tag color={REVIEW_COLOR[state]}>{t(`complaints.reviewStates.${state}`)}</Tag>;
}

/** 26 h → "1 天 2 小时": a complaint's age as the ledger shows it. */
export function useAge() {
  const { t } = useTranslation();
  return (hours: number) =>
    hours < 24
      ? t('complaints.ageHours', { count: hours })
      : t('complaints.ageDays', { days: Math.floor(hours / 24), hours: hours % 24 });
}
