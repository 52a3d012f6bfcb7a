import type { ProjectKind, UnitStatus, UnitType } from '@guanjia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Building, Project, TreeBuilding, Unit } from '../../api/types';
import { FieldRow } from '../../components/FieldRow';
import { useApiError } from '../../components/feedback';
import { blankToNull, fromDay, NO_DASH, NO_DASH_OPTIONAL } from '../../components/forms';
import { useVocab } from '../../vocab';

interface ProjectForm {
  code: string;
  name: string;
  kind: ProjectKind;
  address?: string;
  households?: number | null;
  areaM2?: number | null;
  servicePhone?: string;
  areaCode?: string;
}

/** Create (project = null) or edit a project's basic facts. */
export function ProjectModal({
  open,
  project,
  onClose,
  onSaved,
}: {
  open: boolean;
  project: Project | null;
  onClose: () => void;
  onSaved: (p: Project) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProjectForm>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project)
      form.setFieldsValue({
        code: project.code,
        name: project.name,
        kind: project.kind,
        address: project.address ?? undefined,
        households: project.households,
        areaM2: project.areaM2,
        servicePhone: project.servicePhone ?? undefined,
        areaCode: project.areaCode ?? undefined,
      });
  }, [open, project, form]);

  const save = useMutation({
    mutationFn: (values: ProjectForm) => {
      const body = blankToNull({ ...values });
      return project
        ? api.patch<Project>(`/api/projects/${project.id}`, {
            ...body,
            timezone: project.timezone,
            version: project.version,
          })
        : api.post<Project>('/api/projects', body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      void queryClient.invalidateQueries({ queryKey: ['estate', 'tree'] });
      void message.success(t('common.saved'));
      onSaved(saved);
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['projects'] });
          onClose();
        },
      }),
  });

  return (
    <Modal
      open={open}
      title={project ? t('estate.project.edit') : t('estate.project.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      width={640}
      destroyOnHidden
    >
      <Form<ProjectForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: '住宅' }}
        onFinish={(v) => save.mutate(v)}
      >
        <FieldRow columns={2}>
          <Form.Item
            name="code"
            label={t('estate.project.code')}
            rules={[{ required: true, message: t('validation.required') }, { max: 40 }]}
          >
            <Input placeholder="HY01" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('estate.project.name')}
            rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('estate.project.kind')}>
            <Select options={vocab.projectKindOptions} />
          </Form.Item>
          <Form.Item name="servicePhone" label={t('estate.project.servicePhone')}>
            <Input />
          </Form.Item>
          <Form.Item name="households" label={t('estate.project.households')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="areaM2" label={t('estate.project.areaM2')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="areaCode"
            label={t('estate.project.areaCode')}
            rules={[{ pattern: /^0\d{2,3}$/, message: t('validation.areaCode') }]}
          >
            <Input placeholder="021" />
          </Form.Item>
        </FieldRow>
        <Form.Item name="address" label={t('estate.project.address')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface BuildingForm {
  code: string;
  name: string;
  floors?: number | null;
  entrances?: number | null;
  sortOrder?: number;
}

export function BuildingModal({
  open,
  projectId,
  building,
  onClose,
  onSaved,
}: {
  open: boolean;
  projectId: number | null;
  building: Building | null;
  onClose: () => void;
  onSaved: (b: Building) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BuildingForm>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (building)
      form.setFieldsValue({
        code: building.code,
        name: building.name,
        floors: building.floors,
        entrances: building.entrances,
        sortOrder: building.sortOrder,
      });
  }, [open, building, form]);

  const save = useMutation({
    mutationFn: (values: BuildingForm) => {
      const body = {
        ...blankToNull({ floors: values.floors, entrances: values.entrances }),
        code: values.code,
        name: values.name,
        sortOrder: values.sortOrder ?? 0,
      };
      return building
        ? api.patch<Building>(`/api/buildings/${building.id}`, { ...body, version: building.version })
        : api.post<Building>('/api/buildings', { ...body, projectId });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['buildings'] });
      void queryClient.invalidateQueries({ queryKey: ['building'] });
      void queryClient.invalidateQueries({ queryKey: ['estate', 'tree'] });
      void message.success(t('common.saved'));
      onSaved(saved);
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['building'] });
          onClose();
        },
      }),
  });

  return (
    <Modal
      open={open}
      title={building ? t('estate.building.edit') : t('estate.building.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<BuildingForm>
        form={form}
        layout="vertical"
        initialValues={{ sortOrder: 0 }}
        onFinish={(v) => save.mutate(v)}
      >
        <FieldRow columns={2}>
          <Form.Item
            name="code"
            label={t('estate.building.code')}
            tooltip={t('estate.building.codeHint')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: NO_DASH, message: t('validation.noDash') },
              { max: 20 },
            ]}
          >
            <Input placeholder="3" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('estate.building.name')}
            rules={[{ required: true, message: t('validation.required') }, { max: 60 }]}
          >
            <Input placeholder={t('estate.building.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="floors" label={t('estate.building.floors')}>
            <InputNumber min={1} max={200} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="entrances" label={t('estate.building.entrances')}>
            <InputNumber min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('estate.building.sortOrder')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </FieldRow>
      </Form>
    </Modal>
  );
}

interface NewUnitForm {
  buildingId: number;
  entrance?: string;
  floor?: number | null;
  room: string;
  type: UnitType;
  status: UnitStatus;
  areaM2?: number | null;
  handoverDate?: Dayjs | null;
}

export function UnitCreateModal({
  open,
  buildings,
  buildingId,
  onClose,
  onSaved,
}: {
  open: boolean;
  buildings: TreeBuilding[];
  buildingId: number | null;
  onClose: () => void;
  onSaved: (u: Unit) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewUnitForm>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (buildingId) form.setFieldsValue({ buildingId });
  }, [open, buildingId, form]);

  const save = useMutation({
    mutationFn: (v: NewUnitForm) =>
      api.post<Unit>('/api/units', {
        buildingId: v.buildingId,
        ...blankToNull({ entrance: v.entrance, floor: v.floor, areaM2: v.areaM2 }),
        room: v.room,
        type: v.type,
        status: v.status,
        handoverDate: fromDay(v.handoverDate),
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void queryClient.invalidateQueries({ queryKey: ['estate', 'tree'] });
      void queryClient.invalidateQueries({ queryKey: ['total'] });
      void message.success(t('estate.unit.created', { label: saved.label }));
      onSaved(saved);
    },
    onError: (error) => onError(error, { form }),
  });

  return (
    <Modal
      open={open}
      title={t('estate.unit.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      width={600}
      destroyOnHidden
    >
      <Form<NewUnitForm>
        form={form}
        layout="vertical"
        initialValues={{ type: '住宅', status: '空置' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="buildingId"
          label={t('estate.unit.building')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={buildings.map((b) => ({ value: b.id, label: `${b.name}（${b.code}）` }))} />
        </Form.Item>
        <FieldRow>
          <Form.Item
            name="entrance"
            label={t('estate.unit.entrance')}
            rules={[{ pattern: NO_DASH_OPTIONAL, message: t('validation.noDash') }]}
          >
            <Input placeholder="2" />
          </Form.Item>
          <Form.Item name="floor" label={t('estate.unit.floor')}>
            <InputNumber min={-10} max={200} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="room"
            label={t('estate.unit.room')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: NO_DASH, message: t('validation.noDash') },
            ]}
          >
            <Input placeholder="1201" />
          </Form.Item>
          <Form.Item name="type" label={t('estate.unit.type')}>
            <Select options={vocab.unitTypeOptions} />
          </Form.Item>
          <Form.Item name="status" label={t('estate.unit.status')}>
            <Select options={vocab.unitStatusOptions} />
          </Form.Item>
          <Form.Item name="areaM2" label={t('estate.unit.areaM2')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="handoverDate" label={t('estate.unit.handoverDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </FieldRow>
      </Form>
    </Modal>
  );
}
