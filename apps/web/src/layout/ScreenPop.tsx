import { Suspense, useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { lazyPage } from '../lazyPage';
import { useLive } from '../live/LiveProvider';

// The dialog and what it shows (the caller's units, arrears, open tickets, 催单) load with the first
// call: none of it is needed to listen.
const ScreenPopDialog = lazyPage(() => import('./ScreenPopDialog'));

/**
 * 来电弹屏: a live `call` message for this agent (the PBX reported a new or answered call on the
 * agent's extension, or routed one to it) opens the caller's archive; one click starts a ticket
 * pre-filled with the caller and linked to the call.
 */
export function ScreenPop() {
  const { can } = useAuth();
  const { subscribe } = useLive();
  const [callId, setCallId] = useState<number | null>(null);
  const allowed = can('calls.read') && can('residents.read');

  useEffect(() => {
    if (!allowed) return;
    return subscribe((m) => {
      if (m.type === 'call' && typeof m.entityId === 'number') setCallId(m.entityId);
    });
  }, [subscribe, allowed]);

  if (callId === null) return null;
  return (
    <Suspense fallback={null}>
      <ScreenPopDialog callId={callId} onClose={() => setCallId(null)} />
    </Suspense>
  );
}
