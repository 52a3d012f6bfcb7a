import { normalizePhone } from '@guanjia/shared';

export interface PhoneRow {
  residentId: number;
  projectId: number;
  raw: string;
  e164: string;
  national: string;
  reversed: string;
  kind: 'mobile' | 'landline' | 'service';
  extension: string | null;
  position: number;
}

/** The resident_phones rows for a list of raw numbers: the same shape replacePhones writes. */
export function phoneRows(
  residentId: number,
  projectId: number,
  raws: readonly string[],
  areaCode?: string | null,
): PhoneRow[] {
  const seen = new Set<string>();
  return raws.flatMap((raw, position) => {
    const n = normalizePhone(raw, { areaCode: areaCode ?? undefined });
    if (!n || seen.has(n.e164)) return [];
    seen.add(n.e164);
    return [
      {
        residentId,
        projectId,
        raw,
        e164: n.e164,
        national: n.national,
        reversed: [...n.national].reverse().join(''),
        kind: n.kind,
        extension: n.extension ?? null,
        position,
      },
    ];
  });
}
