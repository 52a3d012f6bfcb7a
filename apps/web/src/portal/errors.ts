import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useApiError } from '../components/feedback';

/** Refusals the resident can act on read as one plain sentence; anything else as the console does. */
export function usePortalError() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const fallback = useApiError();
  return useCallback(
    (error: unknown, options?: { form?: FormInstance }) => {
      const keys =
        error instanceof ApiError
          ? [`bindings.errors.${error.code}`, `portalReport.errors.${error.code}`]
          : [];
      const key = keys.find((k) => i18n.exists(k));
      if (key) void message.error(t(key));
      else fallback(error, options);
    },
    [t, i18n, message, fallback],
  );
}
