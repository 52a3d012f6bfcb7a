import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A stored Chinese vocabulary value (停水, 已发布, 处理中 …) in the console's language: itself in Chinese,
 * its English word in English. A value nobody listed yet shows as it is.
 */
export function useEnumLabel(): (value: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback((value) => (value ? t(`enums.${value}`, { defaultValue: value }) : '—'), [t]);
}
