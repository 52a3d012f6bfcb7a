import { type ButtonProps, Input, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A dialog asking for a reason (cancel, reopen, pause, return) or an answer, with quick picks. */
export function ReasonModal({
  open,
  title,
  label,
  required = true,
  presets = [],
  maxLength = 500,
  loading,
  okText,
  danger,
  onSubmit,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  label?: string;
  required?: boolean;
  presets?: string[];
  maxLength?: number;
  loading?: boolean;
  okText?: string;
  danger?: boolean;
  onSubmit: (text: string) => void;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  useEffect(() => {
    if (open) setText('');
  }, [open]);
  const ok = !required || text.trim().length > 0;
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => ok && onSubmit(text.trim())}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ disabled: !ok, danger, 'data-testid': `${testId ?? 'reason'}-ok` } as ButtonProps}
      destroyOnHidden
    >
      {label && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {label}
        </Typography.Paragraph>
      )}
      {presets.length > 0 && (
        <Space size={[6, 6]} wrap style={{ marginBottom: 8 }}>
          {presets.map((p) => (
            <Tag.CheckableTag key={p} checked={text === p} onChange={() => setText(p)}>
              {p}
            </Tag.CheckableTag>
          ))}
        </Space>
      )}
      <Input.TextArea
        autoFocus
        value={text}
        maxLength={maxLength}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        onChange={(e) => setText(e.target.value)}
        data-testid={testId ?? 'reason-input'}
      />
    </Modal>
  );
}
