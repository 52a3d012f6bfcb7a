import type { PatrolGrade, PatrolStatus } from '@guanjia/shared/api';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { serverNow } from '../../api/client';
import { displayTimeZone } from '../../format';

const GRADE_COLOR: Record<PatrolGrade, string> = {
  按时: 'success',
  提前: 'gold',
  迟到: 'orange',
  漏检: 'error',
};
const STATUS_COLOR: Record<PatrolStatus, string> = {
  待巡: 'default',
  进行中: 'processing',
  已完成: 'success',
  漏检: 'error',
};

export function GradeTag({ grade }: { grade: PatrolGrade | null }) {
  const { t } = useTranslation();
  if (!grade) return <Tag>{t('patrol.grades.open')}</Tag>;
  return (
    <Tag color={GRADE_COLOR[grade]} data-testid="patrol-grade">
      {t(`patrol.grades.${grade}`)}
    </Tag>
  );
}

export function PatrolStatusTag({ status }: { status: PatrolStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`patrol.statuses.${status}`)}</Tag>;
}

/** The project's calendar day now (the server's clock, which a scenario may have moved). */
export const today = () => dayjs(serverNow()).tz(displayTimeZone()).format('YYYY-MM-DD');
export const thisMonth = () => today().slice(0, 7);
