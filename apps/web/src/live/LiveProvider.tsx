import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveMessage } from '../api/types';

type Listener = (message: LiveMessage) => void;

export interface LiveValue {
  /** True once the server said hello on /api/live; pages poll while it is false. */
  connected: boolean;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<LiveValue>({ connected: false, subscribe: () => () => undefined });

/**
 * One WebSocket per tab to /api/live (the session cookie authenticates it). It reconnects with
 * back-off; while it is down `connected` is false and pages fall back to polling.
 */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!enabled || typeof WebSocket === 'undefined') return;
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;

    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}/api/live`);
      socket.onmessage = (event) => {
        let message: LiveMessage;
        try {
          message = JSON.parse(String(event.data)) as LiveMessage;
        } catch {
          return;
        }
        if (message.type === 'hello') {
          attempts = 0;
          setConnected(true);
        }
        for (const listener of listeners.current) listener(message);
      };
      socket.onclose = (event) => {
        setConnected(false);
        socket = null;
        // 4401: the session is gone; the REST calls will send the user to the login page.
        if (stopped || event.code === 4401) return;
        attempts += 1;
        retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(attempts, 5)));
      };
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      socket?.close(1000);
      setConnected(false);
    };
  }, [enabled]);

  const value = useMemo<LiveValue>(
    () => ({
      connected,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [connected],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export const useLive = (): LiveValue => useContext(LiveContext);
