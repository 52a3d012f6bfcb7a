import type { ContactChannel } from '@guanjia/shared';
import type { DeliveryChannel } from '../schema';

export interface Reachability {
  /** A mobile number (SMS and WeChat template messages are keyed on it). */
  mobile: boolean;
  email: boolean;
}

// A phone call cannot be automated: residents who prefer 电话 get an SMS; the portal app is in-app.
const PREFERRED: Record<ContactChannel, DeliveryChannel> = {
  phone: 'sms',
  sms: 'sms',
  wechat: 'wechat',
  email: 'email',
  app: 'inapp',
};

const usable = (c: DeliveryChannel, r: Reachability) =>
  c === 'inapp' || ((c === 'sms' || c === 'wechat') && r.mobile) || (c === 'email' && r.email);

/**
 * The one channel a resident is reached on: their preferred channel when they can be reached there,
 * else SMS, e-mail, and finally the portal inbox (every resident has one).
 */
export function chooseChannel(preferred: ContactChannel | null, reach: Reachability): DeliveryChannel {
  const wanted = preferred ? PREFERRED[preferred] : null;
  if (wanted && usable(wanted, reach)) return wanted;
  if (reach.mobile) return 'sms';
  if (reach.email) return 'email';
  return 'inapp';
}
