import { createContext, useCallback, useContext } from 'react';
import { DISPLAY_TZ, formatDateTime } from '../format';

/** The estate's zone from /api/portal/me: a resident reads times as on the estate's clocks. */
export const PortalTimezone = createContext(DISPLAY_TZ);

/** "03-02 18:00" in the estate's zone. */
export function usePortalTime() {
  const tz = useContext(PortalTimezone);
  return useCallback((value: string | null) => formatDateTime(value, tz).slice(5, 16), [tz]);
}
