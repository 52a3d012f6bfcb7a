/**
 * Q40 (如客户在家且在《派工单》上签确的,管家可不进行现场验收): a completed order the resident signed
 * needs no on-site acceptance by the butler; one without a signature does. Not done yet: null.
 */
export function onSiteCheck(order: {
  status: string;
  signature: string | null;
}): 'waived' | 'required' | null {
  if (order.status !== '已完成') return null;
  return order.signature ? 'waived' : 'required';
}
