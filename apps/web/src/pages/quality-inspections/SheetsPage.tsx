import type { ScoreSheet } from '@guanjia/shared/api';
import { App, Button, Card, Col, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { useQualityWrite, useSheets, useSheetVersions } from './hooks';

/** 评分表: the sheets in effect for the project, their sections and items, copies and versions. */
export default function SheetsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const sheets = useSheets(projectId);
  const [selected, setSelected] = useState<number | null>(null);
  const sheet = sheets.data?.items.find((s) => s.id === selected) ?? sheets.data?.items[0];
  useEffect(() => {
    if (!selected && sheets.data?.items[0]) setSelected(sheets.data.items[0].id);
  }, [selected, sheets.data]);
  const versions = useSheetVersions(sheet?.id ?? null);
  const copy = useQualityWrite((v: { id: number; projectId?: number }) =>
    api.post<ScoreSheet>(`/api/score-sheets/${v.id}/copy`, v.projectId ? { projectId: v.projectId } : {}),
  );
  const doCopy = (projectScoped: boolean) =>
    sheet &&
    copy.mutate(
      { id: sheet.id, projectId: projectScoped ? (projectId ?? undefined) : undefined },
      {
        onSuccess: (s) => {
          setSelected(s.id);
          void message.success(t('qi.sheets.copied'));
        },
        onError: (e) => void message.error(e.message),
      },
    );
  return (
    <>
      <PageHeader title={t('qi.sheets.title')} subTitle={t('qi.sheets.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <List
            bordered
            loading={sheets.isPending}
            dataSource={sheets.data?.items ?? []}
            renderItem={(s) => (
              <List.Item
                onClick={() => setSelected(s.id)}
                style={{ cursor: 'pointer', background: s.id === sheet?.id ? '#e6f4ff' : undefined }}
                data-testid={`sheet-${s.code}`}
              >
                <List.Item.Meta
                  title={s.name}
                  description={
                    <Space size={4} wrap>
                      <Tag>{t(`qi.scope.${s.scope}`)}</Tag>
                      <Tag>{t('qi.sheets.version', { v: s.sheetVersion })}</Tag>
                      <Tag color="blue">{t('qi.sheets.points', { n: s.fullPoints })}</Tag>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} lg={17}>
          {sheet && (
            <Card
              title={sheet.name}
              extra={
                can('quality.manage') && (
                  <Space>
                    {sheet.scope === 'default' && (
                      <Button onClick={() => doCopy(false)}>{t('qi.sheets.copyCompany')}</Button>
                    )}
                    {sheet.scope !== 'project' && projectId && (
                      <Button onClick={() => doCopy(true)}>{t('qi.sheets.copyProject')}</Button>
                    )}
                  </Space>
                )
              }
            >
              <Typography.Paragraph type="secondary">{sheet.description}</Typography.Paragraph>
              {sheet.sections.map((sec) => (
                <div key={sec.key} style={{ marginBottom: 16 }}>
                  <Typography.Title level={5}>
                    {sec.title}（{sec.items.reduce((a, i) => a + (i.rule === 'veto' ? 0 : i.points), 0)}）
                  </Typography.Title>
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={sec.items}
                    columns={[
                      { title: t('qi.sheets.item'), dataIndex: 'title', width: 160 },
                      { title: t('qi.sheets.standard'), dataIndex: 'standard' },
                      {
                        title: '',
                        dataIndex: 'rule',
                        width: 100,
                        render: (r: string) => <Tag>{t(`qi.rule.${r}`)}</Tag>,
                      },
                      { title: '', dataIndex: 'points', width: 60 },
                    ]}
                  />
                </div>
              ))}
              <Typography.Title level={5}>{t('qi.sheets.versions')}</Typography.Title>
              <Space wrap>
                {versions.data?.items.map((v) => (
                  <Tag key={v.id} color={v.current ? 'green' : undefined}>
                    {t('qi.sheets.version', { v: v.sheetVersion })} · {v.createdAt.slice(0, 10)}
                  </Tag>
                ))}
              </Space>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
