import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { KNOWN_ERROR_CODES } from '../api/errorCodes';
import i18n from '../i18n';

type AppApi = ReturnType<typeof App.useApp>;
let holder: AppApi | null = null;

/** Lets code outside React (the query cache) use the themed, localized message/notification/modal. */
export function FeedbackBridge(): null {
  holder = App.useApp();
  return null;
}

export interface ErrorOptions {
  /** Offered as "刷新" in the optimistic-locking dialog: re-read the record and reset the form. */
  onReload?: () => void;
  /** Field errors of a validation failure are shown under the fields. */
  form?: FormInstance;
}

export function errorTitle(t: TFunction, error: ApiError): string {
  const code = (KNOWN_ERROR_CODES as readonly string[]).includes(error.code) ? error.code : 'generic';
  return t(`errors.codes.${code}`);
}

function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function reportError(
  api: AppApi | null,
  t: TFunction,
  error: unknown,
  options: ErrorOptions = {},
): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  if (!(error instanceof ApiError)) {
    const text = error instanceof Error ? error.message : String(error);
    api?.notification.error({ title: t('errors.codes.generic'), description: text });
    return;
  }
  if (error.status === 401) return; // the session guard sends the user to the login page
  if (error.isVersionConflict) {
    api?.modal.confirm({
      title: t('errors.versionConflictTitle'),
      content: t('errors.versionConflict'),
      okText: t('common.reload'),
      cancelText: t('common.cancel'),
      onOk: () => options.onReload?.(),
    });
    return;
  }
  const fields = error.fieldErrors();
  if (options.form && Object.keys(fields).length) {
    options.form.setFields(
      Object.entries(fields).map(([path, message]) => ({ name: toNamePath(path), errors: [message] })),
    );
  }
  const detailLines = Object.entries(fields).map(([path, message]) => `${path}: ${message}`);
  const description = detailLines.length ? `${error.message} — ${detailLines.join('; ')}` : error.message;
  api?.notification.error({ key: `${error.code}:${description}`, title: errorTitle(t, error), description });
}

/** Shared error reporter for mutations and one-off calls. */
export function useApiError() {
  const api = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, options?: ErrorOptions) => reportError(api, t, error, options),
    [api, t],
  );
}

/** For the query cache: failed reads show a notification (at most once per message). */
export function reportQueryError(error: unknown): void {
  reportError(holder, i18n.t.bind(i18n), error);
}

export function toast(): AppApi | null {
  return holder;
}
