import type { WebSocket } from 'ws';
import type { AuthContext } from '../auth/context';
import { tokenFrom } from '../auth/plugin';
import { resolveSession } from '../auth/sessions';
import type { BusMessage } from '../bus/bus';
import { CACHE_INVALIDATE } from '../cache/caches';
import type { App } from '../http/app-types';

/** Would this user be allowed to see the message's record? Same scope rule as the REST routes. */
export function mayReceive(auth: AuthContext, message: BusMessage): boolean {
  if (message.userId != null) return message.userId === auth.userId;
  if (message.companyId != null && message.companyId !== auth.companyId) return false;
  if (message.projectId != null) return auth.projectIds.includes(message.projectId);
  return message.companyId === auth.companyId;
}

/**
 * GET /api/live: an authenticated WebSocket (cookie, bearer header or ?token=) that receives the bus
 * messages its user may see. The socket only learns ids; the console re-reads through the API.
 */
export async function liveRoutes(app: App): Promise<void> {
  const { bus, database, clock } = app.services;
  const sockets = new Map<WebSocket, AuthContext>();
  const unsubscribe = bus.subscribe((message) => {
    // Node-to-node housekeeping, nothing a browser should hear about.
    if (message.type === CACHE_INVALIDATE) return;
    const text = JSON.stringify(message);
    for (const [socket, auth] of sockets) if (mayReceive(auth, message)) socket.send(text);
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    for (const socket of sockets.keys()) socket.close(1001);
  });

  app.get('/api/live', { websocket: true, schema: { hide: true } }, async (socket, request) => {
    const query = request.query as { token?: string };
    const token = tokenFrom(request) ?? query.token ?? null;
    const auth = token ? await resolveSession(database.db, clock, token) : null;
    if (!auth) {
      socket.close(4401, 'unauthorized');
      return;
    }
    sockets.set(socket, auth);
    socket.on('close', () => sockets.delete(socket));
    socket.send(JSON.stringify({ type: 'hello', data: { userId: auth.userId } }));
  });
}
