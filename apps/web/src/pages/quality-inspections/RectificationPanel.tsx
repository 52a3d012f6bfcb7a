import { type Rectification, uploadIdOf } from '@guanjia/shared/api';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Radio, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { PhotoList } from '../../components/Photos';
import { formatDateTime } from '../../format';
import { PhotoPicker } from '../tech/PhotoPicker';
import { useQualityWrite, useRectification } from './hooks';

export const stateColor: Record<string, string> = {
  open: 'orange',
  submitted: 'blue',
  closed: 'green',
  cancelled: 'default',
};

/** One 整改单: what was found, the rounds so far, and the owner's fix or the checker's re-check. */
export function RectificationDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, can } = useAuth();
  const q = useRectification(id);
  const r = q.data;
  const [photos, setPhotos] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [pass, setPass] = useState(true);
  const [deadline, setDeadline] = useState<string | undefined>();
  const submit = useQualityWrite(() =>
    api.post(`/api/rectifications/${id}/submit`, {
      note,
      photoIds: photos.map((p) => uploadIdOf(p)).filter((x): x is number => x !== null),
    }),
  );
  const recheck = useQualityWrite(() =>
    api.post(`/api/rectifications/${id}/recheck`, { pass, note, deadline }),
  );
  const done = () => {
    setNote('');
    setPhotos([]);
    void message.success(t('qi.rect.done'));
  };
  const fail = (e: Error) => void message.error(e.message);
  const mayCheck = r && (r.checkerId === user?.id || can('quality.manage'));
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      title={t('qi.rect.detail')}
      width={Math.min(520, window.innerWidth)}
    >
      {r && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="#">{r.id}</Descriptions.Item>
            <Descriptions.Item label={t('qi.list.sheet')}>{t(`qi.source.${r.sourceType}`)}</Descriptions.Item>
            <Descriptions.Item label={t('qi.form.note')}>
              <b>{r.title}</b>
              <div>{r.detail}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('qi.form.location')}>{r.location}</Descriptions.Item>
            <Descriptions.Item label={t('qi.form.ncType')}>
              {r.ncType ? t(`qi.nc.${r.ncType}`) : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('qi.rect.department')}>{r.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('qi.rect.owner')}>{r.ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('qi.rect.checker')}>{r.checkerName}</Descriptions.Item>
            <Descriptions.Item label={t('qi.rect.deadline')}>
              {formatDateTime(r.deadline)} {r.overdue && <Tag color="red">{t('qi.rect.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="">
              <Tag color={stateColor[r.state]}>{t(`qi.rstate.${r.state}`)}</Tag> {t('qi.rect.round')}{' '}
              {r.round}
            </Descriptions.Item>
          </Descriptions>
          {r.findingPhotoIds.length > 0 && (
            <PhotoList photos={r.findingPhotoIds.map((p) => `/api/uploads/${p}`)} />
          )}
          <h4 style={{ marginTop: 16 }}>{t('qi.rect.rounds')}</h4>
          <Timeline
            items={r.rounds.map((x) => ({
              color: x.kind === 'fail' ? 'red' : x.kind === 'pass' ? 'green' : 'blue',
              children: (
                <>
                  {t(`qi.rect.kind.${x.kind}`)} · {x.byName} · {formatDateTime(x.createdAt)}
                  {x.note && <div>{x.note}</div>}
                  {x.newDeadline && (
                    <div>
                      {t('qi.rect.newDeadline')}: {formatDateTime(x.newDeadline)}
                    </div>
                  )}
                  {x.photoIds.length > 0 && <PhotoList photos={x.photoIds.map((p) => `/api/uploads/${p}`)} />}
                </>
              ),
            }))}
          />
          {r.state === 'open' && can('rectifications.handle') && (
            <Form layout="vertical">
              <Form.Item label={t('qi.rect.note')}>
                <Input.TextArea
                  rows={2}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  data-testid="rect-note"
                />
              </Form.Item>
              <Form.Item label={t('qi.form.photos')}>
                <PhotoPicker
                  value={photos}
                  onChange={setPhotos}
                  testId="rect-photos"
                  projectId={r.projectId}
                  max={6}
                />
              </Form.Item>
              <Button
                type="primary"
                block
                loading={submit.isPending}
                data-testid="rect-submit"
                onClick={() => submit.mutate(undefined, { onSuccess: done, onError: fail })}
              >
                {t('qi.rect.submitFix')}
              </Button>
            </Form>
          )}
          {r.state === 'submitted' && mayCheck && (
            <Form layout="vertical">
              <Form.Item>
                <Radio.Group value={pass} onChange={(e) => setPass(e.target.value)}>
                  <Radio value={true}>{t('qi.rect.pass')}</Radio>
                  <Radio value={false}>{t('qi.rect.fail')}</Radio>
                </Radio.Group>
              </Form.Item>
              {!pass && (
                <Form.Item label={t('qi.rect.newDeadline')}>
                  <DatePicker showTime onChange={(v) => setDeadline(v ? v.toISOString() : undefined)} />
                </Form.Item>
              )}
              <Form.Item label={t('qi.rect.note')}>
                <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
              </Form.Item>
              <Button
                type="primary"
                block
                loading={recheck.isPending}
                data-testid="rect-recheck"
                onClick={() => recheck.mutate(undefined, { onSuccess: done, onError: fail })}
              >
                {t('qi.rect.recheck')}
              </Button>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}

export const rectTitle = (r: Rectification) => r.title;
