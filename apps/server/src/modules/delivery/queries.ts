import { maskPhone } from '@guanjia/shared';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { type AuthContext, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { offsetOf, type PageQuery } from '../../platform/http/pagination';
import { residents } from '../residents/schema';
import {
  type DeliveryChannel,
  type DeliveryRow,
  type DeliverySource,
  type DeliveryStatus,
  deliveries,
} from './schema';

/** Addresses are personal data: masked unless the caller holds pii.view. */
export function maskAddress(channel: DeliveryChannel, address: string): string {
  if (channel === 'sms' || channel === 'wechat') return maskPhone(address);
  if (channel === 'email') {
    const [user, domain] = address.split('@');
    return domain ? `${(user ?? '').slice(0, 1)}***@${domain}` : '***';
  }
  return address;
}

/**
 * A login code that really left the system (SMS gateway) is nobody's business in the console: staff
 * could sign in as the resident. With the `log` provider the log is the only way the code arrives
 * (the offline demo), so it stays readable there.
 */
export function visibleBody(d: Pick<DeliveryRow, 'sourceType' | 'provider' | 'body'>): string {
  if (d.sourceType !== 'portal_code' || d.provider === 'log' || d.provider === null) return d.body;
  return d.body.replace(/\d{6}/g, '******');
}

export function presentDelivery(auth: AuthContext | null, d: DeliveryRow, residentName: string | null) {
  const pii = auth ? can(auth, 'pii.view') : false;
  return {
    id: d.id,
    projectId: d.projectId,
    sourceType: d.sourceType,
    sourceId: d.sourceId,
    residentId: d.residentId,
    residentName,
    userId: d.userId,
    channel: d.channel,
    recipient: pii ? d.recipient : maskAddress(d.channel, d.recipient),
    subject: d.subject,
    body: visibleBody(d),
    urgent: d.urgent,
    status: d.status,
    attempts: d.attempts,
    provider: d.provider,
    providerMessageId: d.providerMessageId,
    error: d.lastError,
    notBefore: d.notBefore?.toISOString() ?? null,
    sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

/** The delivery log of one incident or notice: a page of rows plus per-status and per-channel counts. */
export async function listDeliveries(
  db: DbOrTx,
  auth: AuthContext,
  source: { types: DeliverySource[]; id: number },
  q: PageQuery & { status?: DeliveryStatus },
) {
  const bySource = and(inArray(deliveries.sourceType, source.types), eq(deliveries.sourceId, source.id));
  const where = and(bySource, q.status ? eq(deliveries.status, q.status) : undefined);
  const [rows, [total], counts] = await Promise.all([
    db
      .select({ d: deliveries, name: residents.name })
      .from(deliveries)
      .leftJoin(residents, eq(residents.id, deliveries.residentId))
      .where(where)
      .orderBy(asc(deliveries.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(deliveries).where(where),
    db
      .select({ status: deliveries.status, channel: deliveries.channel, n: count() })
      .from(deliveries)
      .where(bySource)
      .groupBy(deliveries.status, deliveries.channel),
  ]);
  const byStatus: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  for (const c of counts) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + c.n;
    byChannel[c.channel] = (byChannel[c.channel] ?? 0) + c.n;
  }
  return {
    items: rows.map((r) => presentDelivery(auth, r.d, r.name)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    counts: { byStatus, byChannel },
  };
}
