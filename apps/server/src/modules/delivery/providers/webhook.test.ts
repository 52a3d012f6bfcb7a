import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIVERY_SOURCES } from '../schema';
import type { OutgoingMessage } from './provider';
import { webhookPayload } from './webhook';

const message = (over: Partial<OutgoingMessage>): OutgoingMessage => ({
  deliveryId: 9,
  channel: 'webhook',
  sourceType: 'notice',
  sourceId: 4,
  residentId: 12,
  userId: null,
  recipient: '12',
  subject: '停水通知',
  body: '3号楼今日停水',
  ...over,
});

describe('webhookPayload', () => {
  it.each([
    ['notice', 'noticeId'],
    ['incident', 'incidentId'],
    ['incident_resolved', 'incidentId'],
    ['sla_warning', 'ticketId'],
    ['sla_breach', 'ticketId'],
    ['birthday', 'campaignDay'],
  ] as const)('a %s delivery names its source as %s', (sourceType, field) => {
    const body = JSON.parse(webhookPayload(message({ sourceType }))) as Record<string, unknown>;
    expect(body).toMatchObject({ deliveryId: 9, source: sourceType, [field]: 4, text: '3号楼今日停水' });
  });

  it('addresses staff by user id and residents by resident id', () => {
    expect(JSON.parse(webhookPayload(message({ userId: 3, residentId: null })))).toMatchObject({
      recipient: { type: 'staff', userId: 3 },
    });
    expect(JSON.parse(webhookPayload(message({})))).toMatchObject({
      recipient: { type: 'resident', residentId: 12 },
    });
  });

  it('is valid JSON carrying the text unchanged for any source and text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DELIVERY_SOURCES), fc.string(), (sourceType, text) => {
        const body = JSON.parse(webhookPayload(message({ sourceType, body: text }))) as { text: string };
        return body.text === text;
      }),
    );
  });
});
