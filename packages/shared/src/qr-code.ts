/**
 * What a Guanjia QR label holds: `GJ1:<kind>:<projectId>:<code>`. The project id is in the payload so a
 * scan can be refused with a clear reason when the label belongs to another project; the code is the
 * record's own code (equipment 编号, patrol point 编号, building 编号). A label may also be printed as a
 * URL ending in `?qr=<payload>` so a phone's own camera opens the page; both read the same.
 */
export const QR_KINDS = {
  equipment: 'EQ',
  patrolPoint: 'PT',
  building: 'BD',
} as const;
export type QrKind = keyof typeof QR_KINDS;

export interface QrCode {
  kind: QrKind;
  projectId: number;
  code: string;
}

const PREFIX = 'GJ1';

export function formatQrCode({ kind, projectId, code }: QrCode): string {
  return `${PREFIX}:${QR_KINDS[kind]}:${projectId}:${code}`;
}

/** Reads a scanned payload (raw or inside a URL's `qr` parameter); null when it is not a Guanjia label. */
export function parseQrCode(scanned: string): QrCode | null {
  let text = scanned.trim();
  const inUrl = /[?&]qr=([^&#]+)/.exec(text);
  if (inUrl?.[1]) {
    try {
      text = decodeURIComponent(inUrl[1]);
    } catch {
      return null;
    }
  }
  const [prefix, tag, project, ...rest] = text.split(':');
  const code = rest.join(':');
  if (prefix !== PREFIX || !project || !/^[1-9]\d{0,15}$/.test(project) || !code) return null;
  const kind = (Object.keys(QR_KINDS) as QrKind[]).find((k) => QR_KINDS[k] === tag);
  return kind ? { kind, projectId: Number(project), code } : null;
}
