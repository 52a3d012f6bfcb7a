import { normalizePhone } from '@guanjia/shared';

/**
 * What an agent typed into the one search box, decided without I/O so each branch can use its own index:
 * a full phone, the last digits of a phone, a 房号, pinyin (initials or full) or a name.
 */
export type ResidentSearch =
  | { kind: 'phone'; national: string }
  | { kind: 'phonePrefix'; digits: string }
  | { kind: 'phoneTail'; reversed: string }
  | { kind: 'unit'; label: string }
  | { kind: 'pinyin'; text: string }
  | { kind: 'name'; text: string };

export function classifySearch(raw: string): ResidentSearch | null {
  const q = raw.trim().replace(/\s+/g, '');
  if (!q) return null;
  const phone = normalizePhone(q);
  if (phone) return { kind: 'phone', national: phone.national };
  if (/^\d{4,6}$/.test(q)) return { kind: 'phoneTail', reversed: [...q].reverse().join('') };
  if (/^\d{7,11}$/.test(q)) return { kind: 'phonePrefix', digits: q };
  const unit = unitLabelOf(q);
  if (unit) return { kind: 'unit', label: unit };
  if (/^[a-z]+$/i.test(q)) return { kind: 'pinyin', text: q.toLowerCase() };
  return { kind: 'name', text: q };
}

/** "3-2-1201", "3栋2单元1201", "3号楼2单元1201室", "3-1201" → canonical dash label (possibly a prefix). */
export function unitLabelOf(q: string): string | null {
  // "3-2-1201", or a prefix ending in a dash ("3-", "3-2-") to list a building or an entrance.
  if (/^[0-9A-Za-z]+(-[0-9A-Za-z]+){1,2}$/.test(q) || /^[0-9A-Za-z]+(-[0-9A-Za-z]+){0,1}-$/.test(q)) return q;
  const m = /^([0-9A-Za-z]+)(?:号楼|栋|幢|座)(?:([0-9A-Za-z]+)单元)?(?:([0-9A-Za-z]+)(?:室|号)?)?$/.exec(q);
  if (!m?.[1]) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}
