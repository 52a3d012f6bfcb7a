import { DEFAULT_TIME_ZONE } from '@guanjia/shared';
import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHumanDateTime } from '../format';

/** The estate's zone from /api/portal/me: a resident reads times as on the estate's clocks. */
export const PortalTimezone = createContext(DEFAULT_TIME_ZONE);

/** "3月2日 18:00" (the year when it is not this one) in the estate's zone and the portal's language. */
export function usePortalTime() {
  const tz = useContext(PortalTimezone);
  const { i18n } = useTranslation();
  return useCallback(
    (value: string | null) => formatHumanDateTime(value, i18n.language, tz),
    [tz, i18n.language],
  );
}
