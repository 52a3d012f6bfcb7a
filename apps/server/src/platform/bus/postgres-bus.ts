import pg from 'pg';
import { type Bus, type BusListener, type BusMessage, Listeners } from './bus';

const CHANNEL = 'guanjia_live';

/** Several nodes on one PostgreSQL: NOTIFY fans a message out to every node's sockets. */
export async function createPostgresBus(connectionString: string): Promise<Bus> {
  const listeners = new Listeners();
  const listen = new pg.Client({ connectionString });
  await listen.connect();
  listen.on('notification', (note) => {
    if (note.channel !== CHANNEL || !note.payload) return;
    listeners.emit(JSON.parse(note.payload) as BusMessage);
  });
  listen.on('error', () => undefined);
  await listen.query(`LISTEN ${CHANNEL}`);
  const send = new pg.Pool({ connectionString, max: 2 });
  send.on('error', () => undefined);
  return {
    async publish(message: BusMessage) {
      await send.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
    },
    subscribe: (listener: BusListener) => listeners.add(listener),
    async close() {
      await listen.end();
      await send.end();
    },
  };
}
