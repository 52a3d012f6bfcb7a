import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Space } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Resident, Unit } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { initialValues, ResidentForm, type ResidentFormValues, toBody } from './ResidentForm';

export default function ResidentCreatePage() {
  const { t } = useTranslation();
  const { projectId, project } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<ResidentFormValues>();
  const unitId = Number(params.get('unitId')) || null;

  const unit = useQuery({
    queryKey: ['unit', unitId],
    queryFn: () => api.get<Unit>(`/api/units/${unitId}`),
    enabled: unitId !== null,
  });
  const known = useMemo(
    () => (unit.data ? [{ unitId: unit.data.id, label: unit.data.label }] : []),
    [unit.data],
  );

  useEffect(() => {
    form.setFieldsValue(initialValues(null, known[0]));
  }, [form, known]);

  const create = useMutation({
    mutationFn: (values: ResidentFormValues) =>
      api.post<Resident>('/api/residents', { ...toBody(values, false), projectId }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['residents'] });
      void queryClient.invalidateQueries({ queryKey: ['total'] });
      void message.success(t('residents.created', { name: created.name }));
      void navigate(`/residents/${created.id}`, { replace: true });
    },
    onError: (error) => onError(error, { form }),
  });

  return (
    <div>
      <PageHeader
        back={
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('common.back')}
          />
        }
        title={t('residents.createTitle')}
        subTitle={project?.name}
      />
      <Card>
        {projectId ? (
          <>
            <ResidentForm
              form={form}
              projectId={projectId}
              knownUnits={known}
              piiMasked={false}
              onFinish={(v) => create.mutate(v)}
            />
            <Space>
              <Button
                type="primary"
                loading={create.isPending}
                onClick={() => form.submit()}
                data-testid="resident-submit"
              >
                {t('common.save')}
              </Button>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            </Space>
          </>
        ) : (
          <Empty description={t('dashboard.noProject')} />
        )}
      </Card>
    </div>
  );
}
