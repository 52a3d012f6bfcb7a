import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { QaReview } from './types';

/** What was reviewed: the ticket (a link) or the call (caller and a link to its recording). */
export function SubjectLink({ review }: { review: QaReview }) {
  const { t } = useTranslation();
  const s = review.subject;
  return (
    <Space size={4} wrap>
      <Tag>{t(`quality.subjectTypes.${review.subjectType}`)}</Tag>
      {review.subjectType === 'ticket' ? (
        <Link to={`/tickets/${review.subjectId}`} data-testid="review-subject">
          {s?.label ?? `#${review.subjectId}`}
        </Link>
      ) : (
        <Typography.Text data-testid="review-subject">{s?.label ?? `#${review.subjectId}`}</Typography.Text>
      )}
      {s?.title && <Typography.Text type="secondary">{s.title}</Typography.Text>}
      {s?.recordingUrl && (
        <a href={s.recordingUrl} target="_blank" rel="noreferrer">
          {t('quality.recording')}
        </a>
      )}
      {review.forbidden.length > 0 && (
        <Tag color="red" data-testid="forbidden-tag">
          {t('quality.forbiddenTag')}：{review.forbidden.join('、')}
        </Tag>
      )}
    </Space>
  );
}
