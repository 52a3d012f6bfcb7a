import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { MaterialLine } from '../../api/types';
import { uploadImage } from '../../api/uploads';
import { materialTotal } from '../tickets/WorkOrderPanel';
import { PhotoPicker } from './PhotoPicker';
import { SignaturePad } from './SignaturePad';

interface CompleteValues {
  result?: string;
  materials: { item?: string; qty?: number; unit?: string; unitPrice?: number | null }[];
}

export const BIG = { height: 52, fontSize: 17 };

/**
 * 完工 on the phone: result, materials, before/after photos and the resident's signature. The drawn
 * signature is uploaded as a PNG just before the order is completed with its reference.
 */
export function CompletionDrawer({
  open,
  projectId,
  loading,
  onClose,
  onSubmit,
}: {
  open: boolean;
  projectId: number;
  loading: boolean;
  onClose: () => void;
  onSubmit: (body: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompleteValues>();
  const [before, setBefore] = useState<string[]>([]);
  const [after, setAfter] = useState<string[]>([]);
  const [signature, setSignature] = useState<(() => Promise<Blob | null>) | null>(null);
  const [signing, setSigning] = useState(false);
  const materials: CompleteValues['materials'] = Form.useWatch('materials', form) ?? [];
  const total = materialTotal(
    materials
      .filter((m) => Boolean(m?.item && m.qty))
      .map((m): MaterialLine => ({ ...m, item: m.item ?? '', qty: m.qty ?? 0 })),
  );

  const finish = async (v: CompleteValues) => {
    let signatureUrl: string | null = null;
    if (signature) {
      setSigning(true);
      try {
        const png = await signature();
        if (png)
          signatureUrl = (await uploadImage(png, { kind: 'signature', projectId, name: 'signature.png' }))
            .url;
      } catch (error) {
        void message.error(
          t('jobCard.uploadFailed', { message: error instanceof ApiError ? error.message : String(error) }),
        );
        return;
      } finally {
        setSigning(false);
      }
    }
    onSubmit({
      result: v.result?.trim() || null,
      materials: v.materials
        .filter((m) => m.item?.trim() && m.qty)
        .map((m) => ({
          item: m.item?.trim() ?? '',
          qty: m.qty ?? 1,
          unit: m.unit?.trim() || null,
          unitPrice: m.unitPrice ?? null,
        })),
      ...(before.length ? { photosBefore: before } : {}),
      ...(after.length ? { photosAfter: after } : {}),
      ...(signatureUrl ? { signature: signatureUrl } : {}),
    });
  };

  return (
    <Drawer
      open={open}
      placement="bottom"
      size="92%"
      title={t('tech.completeTitle')}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) return;
        form.resetFields();
        setBefore([]);
        setAfter([]);
        setSignature(null);
      }}
      footer={
        <Button
          type="primary"
          size="large"
          block
          style={BIG}
          loading={loading || signing}
          onClick={() => form.submit()}
          data-testid="tech-complete-submit"
        >
          {t('tech.completeSubmit')}
        </Button>
      }
    >
      <Form<CompleteValues>
        form={form}
        layout="vertical"
        initialValues={{ materials: [] }}
        onFinish={(v) => void finish(v)}
      >
        <Form.Item
          name="result"
          label={t('workOrders.result')}
          rules={[{ max: 2000, message: t('validation.max', { max: 2000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('tech.resultPlaceholder')}
            data-testid="tech-result"
          />
        </Form.Item>
        <Typography.Text strong>{t('tech.materials')}</Typography.Text>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <div
                  key={field.key}
                  style={{ background: '#fafafa', borderRadius: 8, padding: 10, marginBottom: 8 }}
                  data-testid={`material-${field.name}`}
                >
                  <div style={{ display: 'flex', gap: 8 }}>
                    <Form.Item
                      name={[field.name, 'item']}
                      style={{ flex: 1, marginBottom: 8, minWidth: 0 }}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    >
                      <Input
                        size="large"
                        placeholder={t('workOrders.material.item')}
                        maxLength={100}
                        data-testid="material-item"
                      />
                    </Form.Item>
                    <Button
                      size="large"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  </div>
                  <div style={{ display: 'flex', gap: 8 }}>
                    <Form.Item
                      name={[field.name, 'qty']}
                      style={{ flex: 1, marginBottom: 0, minWidth: 0 }}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <InputNumber
                        size="large"
                        min={0.01}
                        max={100000}
                        placeholder={t('workOrders.material.qty')}
                        style={{ width: '100%' }}
                        inputMode="decimal"
                        data-testid="material-qty"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unit']} style={{ width: 64, marginBottom: 0 }}>
                      <Input size="large" placeholder={t('workOrders.material.unit')} maxLength={10} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'unitPrice']}
                      style={{ flex: 1, marginBottom: 0, minWidth: 0 }}
                    >
                      <InputNumber
                        size="large"
                        min={0}
                        max={1000000}
                        prefix="¥"
                        placeholder={t('workOrders.material.unitPrice')}
                        style={{ width: '100%' }}
                        inputMode="decimal"
                        data-testid="material-price"
                      />
                    </Form.Item>
                  </div>
                </div>
              ))}
              <Button
                block
                size="large"
                icon={<PlusOutlined />}
                onClick={() => add({ qty: 1, unit: '个' })}
                data-testid="material-add"
              >
                {t('tech.addMaterial')}
              </Button>
              {total > 0 && (
                <div style={{ textAlign: 'end', marginTop: 6 }}>
                  {t('workOrders.material.total')} ¥{total.toFixed(2)}
                </div>
              )}
            </div>
          )}
        </Form.List>
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('workOrders.photosBefore')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <PhotoPicker value={before} onChange={setBefore} testId="photos-before" projectId={projectId} />
          </div>
        </div>
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('workOrders.photosAfter')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <PhotoPicker value={after} onChange={setAfter} testId="photos-after" projectId={projectId} />
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 6 }}>
            {t('tech.photoHint')}
          </Typography.Paragraph>
        </div>
        <div style={{ marginTop: 8 }}>
          {/* A function in state must be wrapped, or React would call it as an updater. */}
          <SignaturePad onChange={(read) => setSignature(() => read)} />
        </div>
      </Form>
    </Drawer>
  );
}
