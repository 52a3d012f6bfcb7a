import { useSyncExternalStore } from 'react';
import { serverNow } from '../api/client';

// One ticker for the whole tab: every countdown on screen re-renders together once a second.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let current = serverNow();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = serverNow();
    timer = setInterval(() => {
      current = serverNow();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The server's "now" (ms), updated every second while the component is mounted. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => current);
}
