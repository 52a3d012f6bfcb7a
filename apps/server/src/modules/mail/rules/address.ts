/** `"张伟" <ZhangWei@Example.COM>` → `zhangwei@example.com`; null when it is not an address. */
export function normalizeAddress(raw: string): string | null {
  const bracketed = /<([^<>]*)>/.exec(raw);
  const bare = (bracketed ? bracketed[1] : raw)?.trim().toLowerCase() ?? '';
  return /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(bare) ? bare : null;
}

/** The address a project gets by default: its code made into a host name (JXHY → kefu@jxhy.guanjia.local). */
export function defaultProjectAddress(projectCode: string): string {
  const host = projectCode
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `kefu@${host || 'project'}.guanjia.local`;
}

/**
 * Which project a message belongs to: the first envelope recipient that is a project's address. A
 * message copied to two projects' mailboxes belongs to the first one named (one ticket, not two).
 */
export function projectForRecipients(recipients: readonly string[], byAddress: ReadonlyMap<string, number>) {
  for (const r of recipients) {
    const address = normalizeAddress(r);
    const projectId = address ? byAddress.get(address) : undefined;
    if (projectId !== undefined) return { projectId, address: address as string };
  }
  return null;
}

/** The host part after @, used to mint Message-IDs of our replies in the project's own domain. */
export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);
