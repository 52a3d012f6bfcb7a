import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { KbArticle, KbQuestion } from '../../api/callTypes';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';

type Status = KbQuestion['status'];
const STATUS_COLOR: Record<Status, string> = { open: 'orange', answered: 'blue', published: 'green' };

/** 专家席: the questions agents could not answer; answer them, then publish the answer as an article. */
export default function ExpertQueuePage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [status, setStatus] = useState<Status>('open');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['kb-questions', 'queue', status, page, projectId],
    queryFn: () =>
      api.get<Page<KbQuestion>>('/api/kb/questions', {
        status,
        projectId: projectId ?? undefined,
        page,
        pageSize: 20,
      }),
  });
  return (
    <>
      <PageHeader title={t('kbExpert.title')} subTitle={t('kbExpert.subtitle')} />
      <Card>
        <Segmented<Status>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(['open', 'answered', 'published'] as const).map((s) => ({
            value: s,
            label: t(`kbExpert.statuses.${s}`),
          }))}
          style={{ marginBottom: 16 }}
        />
        <List<KbQuestion>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('kbExpert.empty')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          renderItem={(q) => <QuestionItem q={q} />}
        />
      </Card>
    </>
  );
}

function QuestionItem({ q }: { q: KbQuestion }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState(q.answer ?? '');
  const [editing, setEditing] = useState(q.status === 'open');
  const [publishing, setPublishing] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['kb-questions'] });
  const send = useMutation({
    mutationFn: () =>
      api.post<KbQuestion>(`/api/kb/questions/${q.id}/answer`, { answer, version: q.version }),
    onSuccess: () => {
      void message.success(t('kbExpert.answered'));
      setEditing(false);
      refresh();
    },
    onError: (e) => onError(e),
  });
  return (
    <List.Item data-testid="kb-question">
      <div style={{ width: '100%' }}>
        <Space wrap size={4} style={{ marginBottom: 4 }}>
          <Tag color={STATUS_COLOR[q.status]}>{t(`kbExpert.statuses.${q.status}`)}</Tag>
          <Typography.Text type="secondary">{formatDateTime(q.createdAt)}</Typography.Text>
          {q.source === 'auto' ? (
            <Tag color="purple" title={t('kbExpert.autoHint')} data-testid="kb-question-auto">
              {t('kbExpert.auto', { count: q.memberTickets.length })}
            </Tag>
          ) : (
            <Typography.Text type="secondary">
              {t('kbExpert.askedBy', { name: q.askedByName ?? '' })}
            </Typography.Text>
          )}
          {q.ticketId && (
            <Link to={`/tickets/${q.ticketId}`}>
              {t('kbExpert.ticket', { number: q.ticketNumber ?? q.ticketId })}
            </Link>
          )}
          {q.callerPhone && <Tag>{q.callerPhone}</Tag>}
        </Space>
        <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
          {q.question}
        </Typography.Paragraph>
        {q.memberTickets.length > 0 && (
          <Space wrap size={4} style={{ marginBottom: 8 }} data-testid="kb-question-members">
            <Typography.Text type="secondary">{t('kbExpert.members')}</Typography.Text>
            {q.memberTickets.map((m) => (
              <Link key={m.id} to={`/tickets/${m.id}`}>
                {m.number}
              </Link>
            ))}
          </Space>
        )}
        {editing ? (
          <Space.Compact block style={{ alignItems: 'flex-start' }}>
            <Input.TextArea
              rows={3}
              value={answer}
              maxLength={20_000}
              onChange={(e) => setAnswer(e.target.value)}
              placeholder={t('kbExpert.answerPlaceholder')}
              data-testid="kb-answer-input"
            />
            <Button
              type="primary"
              loading={send.isPending}
              disabled={answer.trim().length < 2}
              onClick={() => send.mutate()}
              data-testid="kb-answer-send"
            >
              {t('kbExpert.sendAnswer')}
            </Button>
          </Space.Compact>
        ) : (
          q.answer && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#f6ffed', padding: 8 }}>
              {q.answer}
            </Typography.Paragraph>
          )
        )}
        <Space>
          {q.status === 'answered' && !editing && (
            <>
              <Button onClick={() => setEditing(true)}>{t('kbExpert.editAnswer')}</Button>
              <Button type="primary" onClick={() => setPublishing(true)} data-testid="kb-publish">
                {t('kbExpert.publish')}
              </Button>
            </>
          )}
          {q.articleId && <Link to={`/knowledge?article=${q.articleId}`}>{t('kbExpert.openArticle')}</Link>}
        </Space>
        {publishing && <PublishModal q={q} onClose={() => setPublishing(false)} onDone={refresh} />}
      </div>
    </List.Item>
  );
}

function PublishModal({ q, onClose, onDone }: { q: KbQuestion; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<{
    category: string;
    title?: string;
    visibility: 'internal' | 'public';
    companyWide: boolean;
  }>();
  const publish = useMutation({
    mutationFn: (v: {
      category: string;
      title?: string;
      visibility: 'internal' | 'public';
      companyWide: boolean;
    }) =>
      api.post<{ article: KbArticle }>(`/api/kb/questions/${q.id}/publish`, {
        ...v,
        title: v.title?.trim() || undefined,
        version: q.version,
      }),
    onSuccess: () => {
      void message.success(t('kbExpert.published'));
      onDone();
      onClose();
    },
    onError: (e) => onError(e),
  });
  return (
    <Modal
      open
      title={t('kbExpert.publish')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={publish.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ visibility: 'internal', companyWide: false }}
        onFinish={(v) => publish.mutate(v)}
      >
        <Form.Item name="category" label={t('kbExpert.category')} rules={[{ required: true }]}>
          <Input maxLength={40} data-testid="kb-publish-category" />
        </Form.Item>
        <Form.Item name="title" label={t('kbExpert.articleTitle')} extra={t('kbExpert.articleTitleHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="visibility" label={t('kbExpert.visibility')}>
          <Radio.Group
            options={[
              { value: 'internal', label: t('kbExpert.internal') },
              { value: 'public', label: t('kbExpert.public') },
            ]}
          />
        </Form.Item>
        <Form.Item name="companyWide" valuePropName="checked">
          <Checkbox>{t('kbExpert.companyWide')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
