import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DEFAULT_ROLES } from '@guanjia/shared';
import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServiceVocab } from '../../serviceVocab';
import { roleName, zoneName } from './SettingValue';
import { MB, type SettingKind } from './settingKinds';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const lines = (text: unknown) =>
  String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Urumqi',
  'Asia/Tokyo',
  'Asia/Singapore',
  'UTC',
];
const PROVIDER_KINDS = ['log', 'http', 'smtp', 'webhook'] as const;
const ESCALATION_STEPS = ['warning', 'lastWarning', 'breach', 'dispatch'] as const;

/** 00:00, 00:15 … 23:45: the times a quiet-hours window may start or end at. */
const QUARTER_HOURS = Array.from(
  { length: 96 },
  (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
);

/** The stored value → what the form edits (percent instead of fraction, one phrase a line …). */
export function toForm(kind: SettingKind, value: unknown): unknown {
  switch (kind.type) {
    case 'megabytes':
      return Number(value) / MB;
    case 'warnings': {
      const v = obj(value);
      return {
        fractions: list(v.fractions).map((f) => Math.round(Number(f) * 100)),
        minutesBefore: list(v.minutesBefore),
      };
    }
    case 'standard':
      return Object.fromEntries(Object.entries(obj(value)).map(([k, v]) => [k, list(v).join('\n')]));
    case 'textList':
      return list(value).join('\n');
    default:
      return value;
  }
}

/** What the form holds → the value the server stores. */
export function fromForm(kind: SettingKind, value: unknown): unknown {
  switch (kind.type) {
    case 'megabytes':
      return Math.round(Number(value) * MB);
    case 'warnings': {
      const v = obj(value);
      return {
        fractions: list(v.fractions).map((p) => Number(p) / 100),
        minutesBefore: list(v.minutesBefore).map(Number),
      };
    }
    case 'standard':
      return Object.fromEntries(Object.entries(obj(value)).map(([k, v]) => [k, lines(v)]));
    case 'textList':
      return lines(value);
    case 'numberList':
      // Tags arrive as text; the server keeps whole numbers, largest (earliest reminder) first.
      return list(value)
        .map(Number)
        .filter((n) => Number.isFinite(n))
        .sort((a, b) => b - a);
    case 'tags':
      return list(value)
        .map((v) => String(v).trim())
        .filter(Boolean);
    case 'url':
      return String(value ?? '').trim();
    case 'providers':
      // Empty optional fields are left out rather than stored as "".
      return Object.fromEntries(Object.entries(obj(value)).filter(([, v]) => v !== '' && v != null));
    default:
      return value;
  }
}

/** The form control(s) for one setting, under the form field `value`. */
export function SettingEditor({ kind, current }: { kind: SettingKind; current: unknown }) {
  const { t, i18n } = useTranslation();
  const sv = useServiceVocab();
  const english = i18n.language === 'en';
  const field = (k: string) => t(`settingDefs.fields.${k}`, { defaultValue: k });
  const required = [{ required: true, message: t('validation.required') }];

  switch (kind.type) {
    case 'number':
      return (
        <Form.Item name="value" label={t('settings.value')} rules={required}>
          <InputNumber
            min={kind.min}
            max={kind.max}
            step={kind.step}
            style={{ width: 220 }}
            suffix={kind.unit ? t(`settingDefs.units.${kind.unit}`) : undefined}
            data-testid="setting-input"
          />
        </Form.Item>
      );
    case 'megabytes':
      return (
        <Form.Item name="value" label={t('settings.value')} rules={required}>
          <InputNumber
            min={kind.min}
            max={kind.max}
            step={1}
            style={{ width: 220 }}
            suffix="MB"
            data-testid="setting-input"
          />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name="value" label={t('settings.value')} valuePropName="checked">
          <Switch
            checkedChildren={t('settingDefs.yes')}
            unCheckedChildren={t('settingDefs.no')}
            data-testid="setting-input"
          />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name="value" label={t('settings.value')} rules={required}>
          <Input data-testid="setting-input" />
        </Form.Item>
      );
    case 'timezone':
      return (
        <Form.Item name="value" label={t('settings.value')} rules={required}>
          <Select
            showSearch
            data-testid="setting-input"
            options={[...new Set([...ZONES, String(current)])].map((z) => ({
              value: z,
              label: zoneName(z, i18n.language),
            }))}
          />
        </Form.Item>
      );
    case 'dispatchMode':
      return (
        <Form.Item name="value" label={t('settings.value')} rules={required}>
          <Select options={sv.dispatchModeOptions} data-testid="setting-input" />
        </Form.Item>
      );
    case 'quietHours':
      return (
        <Space size="large">
          {(['start', 'end'] as const).map((k) => (
            <Form.Item key={k} name={['value', k]} label={field(k)} rules={required}>
              {/* A list of times, typed to filter: what is chosen is the value at once (a TimePicker
                  commits only when its panel closes, and a save clicked first kept the old time). */}
              <Select
                showSearch
                virtual={false}
                style={{ width: 120 }}
                options={QUARTER_HOURS.map((h) => ({ value: h, label: h }))}
                data-testid={`setting-time-${k}`}
              />
            </Form.Item>
          ))}
        </Space>
      );
    case 'warnings':
      return (
        <>
          {(['fractions', 'minutesBefore'] as const).map((k) => (
            <Form.Item key={k} name={['value', k]} label={field(k)}>
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
            </Form.Item>
          ))}
        </>
      );
    case 'escalation':
      return (
        <>
          {ESCALATION_STEPS.map((k) => (
            <Form.Item key={k} name={['value', k]} label={field(k)}>
              <Select
                mode="multiple"
                placeholder={t('settingDefs.rolesPlaceholder')}
                options={DEFAULT_ROLES.map((r) => ({ value: r.code, label: roleName(r.code, english) }))}
              />
            </Form.Item>
          ))}
        </>
      );
    case 'providers':
      return (
        <>
          {(['sms', 'wechat', 'email'] as const).map((k) => (
            <Form.Item key={k} name={['value', k]} label={field(k)} rules={required}>
              <Select
                options={PROVIDER_KINDS.map((p) => ({ value: p, label: t(`settingDefs.providers.${p}`) }))}
              />
            </Form.Item>
          ))}
          {(['httpUrl', 'smsTemplateId', 'wechatTemplateId', 'smtpUrl', 'mailFrom'] as const).map((k) => (
            <Form.Item key={k} name={['value', k]} label={field(k)}>
              <Input />
            </Form.Item>
          ))}
        </>
      );
    case 'standard':
      return (
        <>
          {Object.keys(obj(current)).map((k) => (
            <Form.Item key={k} name={['value', k]} label={field(k)} extra={t('settingDefs.addLine')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          ))}
        </>
      );
    case 'textList':
      return (
        <Form.Item name="value" label={t('settings.value')} extra={t('settingDefs.addLine')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
      );
    case 'roles':
      return (
        <Form.Item name="value" label={t('settings.value')}>
          <Select
            mode="multiple"
            placeholder={t('settingDefs.rolesPlaceholder')}
            options={DEFAULT_ROLES.map((r) => ({ value: r.code, label: roleName(r.code, english) }))}
            data-testid="setting-input"
          />
        </Form.Item>
      );
    case 'numberList':
      return (
        <Form.Item
          name="value"
          label={t('settings.value')}
          extra={t('settingDefs.numberListHint', { unit: t(`settingDefs.units.${kind.unit}`) })}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} data-testid="setting-input" />
        </Form.Item>
      );
    case 'tags':
      return (
        <Form.Item name="value" label={t('settings.value')} extra={t('settingDefs.tagsHint')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、', ' ']}
            open={false}
            data-testid="setting-input"
          />
        </Form.Item>
      );
    case 'url':
      return (
        <Form.Item name="value" label={t('settings.value')} extra={t('settingDefs.urlHint')}>
          <Input allowClear placeholder="https://…" data-testid="setting-input" />
        </Form.Item>
      );
    case 'windows':
      return <RowsEditor columns={['key', 'label', 'from', 'to']} prefix="window_" />;
    case 'phrases':
    case 'checklist':
      return (
        <RowsEditor columns={kind.type === 'phrases' ? ['phrase', 'instead'] : ['key', 'label', 'weight']} />
      );
    default:
      return (
        <>
          {Object.entries(obj(current)).map(([k, v]) => (
            <Form.Item
              key={k}
              name={['value', k]}
              label={field(k)}
              valuePropName={typeof v === 'boolean' ? 'checked' : 'value'}
            >
              {typeof v === 'number' ? (
                <InputNumber style={{ width: 220 }} />
              ) : typeof v === 'boolean' ? (
                <Switch />
              ) : (
                <Input />
              )}
            </Form.Item>
          ))}
        </>
      );
  }
}

/**
 * A list of rows (禁用语 → 建议说法, 质检评分项 → 分值, 上门时段) edited as a small table; `prefix`
 * picks the column labels when a column name means something else elsewhere (a window's `label`).
 */
function RowsEditor({ columns, prefix = '' }: { columns: string[]; prefix?: string }) {
  const { t } = useTranslation();
  const width: Record<string, number> = {
    phrase: 140,
    instead: 300,
    key: 110,
    label: 280,
    weight: 80,
    from: 90,
    to: 90,
  };
  return (
    <Form.List name="value">
      {(rows, { add, remove }) => (
        <div style={{ maxHeight: 420, overflow: 'auto' }}>
          {rows.map((row) => (
            <Space key={row.key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
              {columns.map((c) => (
                <Form.Item
                  key={c}
                  name={[row.name, c]}
                  rules={[{ required: true, message: t('validation.required') }]}
                  style={{ marginBottom: 4 }}
                >
                  {c === 'weight' ? (
                    <InputNumber
                      min={0}
                      max={100}
                      placeholder={t(`settingDefs.fields.${prefix}${c}`)}
                      style={{ width: width[c] }}
                    />
                  ) : (
                    <Input placeholder={t(`settingDefs.fields.${prefix}${c}`)} style={{ width: width[c] }} />
                  )}
                </Form.Item>
              ))}
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                onClick={() => remove(row.name)}
                aria-label={t('settingDefs.removeRow')}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
            {t('settingDefs.addRow')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
