import type { DeliveryChannel } from '@guanjia/shared';

export interface PreviewSummary {
  recipients: number;
  channels: Partial<Record<DeliveryChannel, number>>;
  /** The exact text the first recipient on each channel gets (the rest differ only in name and unit). */
  texts: Partial<Record<DeliveryChannel, string>>;
}

/** Count recipients per channel and render one sample text per channel, exactly as the sender would. */
export function summarizeRecipients<R>(
  recipients: readonly R[],
  channelOf: (r: R) => DeliveryChannel,
  bodyOf: (r: R) => string,
): PreviewSummary {
  const channels: PreviewSummary['channels'] = {};
  const texts: PreviewSummary['texts'] = {};
  for (const r of recipients) {
    const c = channelOf(r);
    channels[c] = (channels[c] ?? 0) + 1;
    if (texts[c] === undefined) texts[c] = bodyOf(r);
  }
  return { recipients: recipients.length, channels, texts };
}
