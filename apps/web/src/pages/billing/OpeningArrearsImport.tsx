import { UploadOutlined } from '@ant-design/icons';
import type { OpeningImport } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, List, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';

/** 历史欠费: upload the sheet, read back what was imported and every row error. */
export function OpeningArrearsImport({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const onError = useApiError();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<OpeningImport | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<OpeningImport>(`/api/opening-arrears?projectId=${projectId}`, form);
    },
    onSuccess: (r) => {
      setResult(r);
      void qc.invalidateQueries({ queryKey: ['arrears'] });
    },
    onError: (e) => onError(e),
  });
  if (!can('billing.finance')) return null;
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('collection.opening.button')}
      </Button>
      <Modal
        open={open}
        title={t('collection.opening.title')}
        footer={null}
        onCancel={() => setOpen(false)}
        width={640}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('collection.opening.hint')} />
        <Space style={{ marginBottom: 12 }}>
          <Button href={`/api/opening-arrears/template.xlsx?projectId=${projectId}`} target="_blank">
            {t('collection.opening.template')}
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('collection.opening.pick')}
            </Button>
          </Upload>
        </Space>
        {result && (
          <>
            <Typography.Paragraph strong>
              {t('collection.opening.result', {
                total: result.totalRows,
                created: result.created,
                errors: result.errors.length,
              })}
            </Typography.Paragraph>
            <List
              size="small"
              dataSource={result.errors.slice(0, 200)}
              renderItem={(e) => (
                <List.Item>
                  {t('collection.opening.row', { row: e.row })} · {e.column}：{e.message}
                </List.Item>
              )}
            />
          </>
        )}
      </Modal>
    </>
  );
}
