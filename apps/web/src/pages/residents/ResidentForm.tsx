import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { ContactChannel, ResidentRelation } from '@guanjia/shared';
import { Alert, Button, DatePicker, Form, type FormInstance, Input, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../api/types';
import { FieldRow } from '../../components/FieldRow';
import { fromDay, toDay } from '../../components/forms';
import { type Gender, useVocab } from '../../vocab';
import { type KnownUnit, UnitPicker } from './UnitPicker';
import { validIdNumber, validPhone } from './validators';

export interface ResidentFormValues {
  name: string;
  gender?: Gender | null;
  idNumber?: string;
  phones: string[];
  email?: string;
  units: { unitId?: number; relation?: ResidentRelation }[];
  vip: boolean;
  tags: string[];
  birthday?: Dayjs | null;
  preferredChannel?: ContactChannel | null;
  notes?: string;
}

export function initialValues(r: Resident | null, unit?: KnownUnit): ResidentFormValues {
  if (!r)
    return {
      name: '',
      phones: [''],
      units: unit ? [{ unitId: unit.unitId, relation: '业主' }] : [{ relation: '业主' }],
      vip: false,
      tags: [],
    };
  return {
    name: r.name,
    gender: r.gender,
    idNumber: r.idNumber ?? undefined,
    phones: r.phones.length
      ? r.phones.map((p) => (p.extension ? `${p.number}转${p.extension}` : p.number))
      : [''],
    email: r.email ?? undefined,
    units: r.units.map((u) => ({ unitId: u.unitId, relation: u.relation })),
    vip: r.vip,
    tags: r.tags,
    birthday: toDay(r.birthday),
    preferredChannel: r.preferredChannel,
    notes: r.notes ?? undefined,
  };
}

/**
 * The request body. When the user cannot see PII (piiMasked) phones and the ID number are left out:
 * the server refuses to overwrite them with the masked values it showed.
 */
export function toBody(values: ResidentFormValues, piiMasked: boolean) {
  const body: Record<string, unknown> = {
    name: values.name.trim(),
    gender: values.gender ?? null,
    email: values.email?.trim() || null,
    units: values.units
      .filter((u): u is { unitId: number; relation: ResidentRelation } => Boolean(u.unitId && u.relation))
      .map((u) => ({ unitId: u.unitId, relation: u.relation })),
    vip: values.vip,
    tags: values.tags.map((t) => t.trim()).filter(Boolean),
    birthday: fromDay(values.birthday),
    preferredChannel: values.preferredChannel ?? null,
    notes: values.notes?.trim() || null,
  };
  if (!piiMasked) {
    body.phones = values.phones.map((p) => p.trim()).filter(Boolean);
    body.idNumber = values.idNumber?.trim().toUpperCase() || null;
  }
  return body;
}

export function ResidentForm({
  form,
  projectId,
  knownUnits,
  piiMasked,
  onFinish,
}: {
  form: FormInstance<ResidentFormValues>;
  projectId: number | null;
  knownUnits: KnownUnit[];
  piiMasked: boolean;
  onFinish: (values: ResidentFormValues) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const required = { required: true, message: t('validation.required') };

  return (
    <Form<ResidentFormValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      data-testid="resident-form"
      scrollToFirstError
    >
      {piiMasked && (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          title={t('residents.form.piiMasked')}
          style={{ marginBottom: 16 }}
        />
      )}
      <FieldRow>
        <Form.Item
          name="name"
          label={t('residents.fields.name')}
          rules={[required, { max: 50, message: t('validation.max', { max: 50 }) }]}
        >
          <Input placeholder={t('residents.form.namePlaceholder')} data-testid="resident-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('residents.fields.gender')}>
          <Select allowClear options={vocab.genderOptions} placeholder={t('common.pleaseSelect')} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('residents.fields.idNumber')}
          rules={
            piiMasked
              ? []
              : [
                  {
                    validator: async (_, v?: string) =>
                      !v || validIdNumber(v)
                        ? undefined
                        : Promise.reject(new Error(t('validation.idNumber'))),
                  },
                ]
          }
        >
          <Input disabled={piiMasked} maxLength={18} placeholder={t('residents.form.idPlaceholder')} />
        </Form.Item>
      </FieldRow>
      <Form.Item label={t('residents.fields.phones')} required={false}>
        <Form.List name="phones">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} size={8}>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ width: '100%' }}>
                  <Form.Item
                    name={field.name}
                    style={{ marginBottom: 0, width: 320 }}
                    rules={
                      piiMasked
                        ? []
                        : [
                            {
                              validator: async (_, v?: string) =>
                                !v || validPhone(v)
                                  ? undefined
                                  : Promise.reject(new Error(t('validation.phone'))),
                            },
                          ]
                    }
                  >
                    <Input
                      disabled={piiMasked}
                      placeholder={t('residents.form.phonePlaceholder')}
                      data-testid={`resident-phone-${index}`}
                    />
                  </Form.Item>
                  {!piiMasked && fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  )}
                </Space>
              ))}
              {!piiMasked && fields.length < 5 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('residents.form.addPhone')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('residents.fields.units')}>
        <Form.List name="units">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} size={8}>
              {fields.map((field, index) => (
                <Space
                  key={field.key}
                  align="start"
                  style={{ width: '100%' }}
                  data-testid={`resident-unit-row-${index}`}
                >
                  <Form.Item
                    name={[field.name, 'unitId']}
                    style={{ marginBottom: 0, width: 240 }}
                    rules={[required]}
                  >
                    <UnitPicker projectId={projectId} known={knownUnits} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'relation']}
                    style={{ marginBottom: 0, width: 120 }}
                    rules={[required]}
                  >
                    <Select options={vocab.relationOptions} data-testid={`resident-relation-${index}`} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ relation: '业主' })}>
                {t('residents.form.addUnit')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <FieldRow>
        <Form.Item
          name="email"
          label={t('residents.fields.email')}
          rules={[{ type: 'email', message: t('validation.email') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="birthday" label={t('residents.fields.birthday')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="preferredChannel" label={t('residents.fields.preferredChannel')}>
          <Select allowClear options={vocab.channelOptions} placeholder={t('common.pleaseSelect')} />
        </Form.Item>
      </FieldRow>
      <FieldRow columns={2}>
        <Form.Item name="tags" label={t('residents.fields.tags')} tooltip={t('residents.form.tagsHint')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，', ' ']}
            placeholder={t('residents.form.tagsPlaceholder')}
            maxCount={20}
          />
        </Form.Item>
        <Form.Item name="vip" label={t('residents.fields.vip')} valuePropName="checked">
          <Switch data-testid="resident-vip" />
        </Form.Item>
      </FieldRow>
      <Form.Item name="notes" label={t('residents.fields.notes')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} showCount maxLength={2000} />
      </Form.Item>
    </Form>
  );
}
