/** Who asks for an upload: a staff member (their projects) or a resident's portal session (their phone). */
export type UploadReader =
  | { kind: 'staff'; companyId: number; userId: number; projectIds: readonly number[] }
  | { kind: 'portal'; companyId: number; phone: string };

export interface UploadAccess {
  companyId: number;
  projectId: number | null;
  uploadedById: number | null;
  portalPhone: string | null;
}

/**
 * Staff read the uploads of their projects and their own not yet attached to one; a resident reads
 * what their phone uploaded. Nothing crosses companies.
 */
export function mayRead(upload: UploadAccess, reader: UploadReader): boolean {
  if (upload.companyId !== reader.companyId) return false;
  if (reader.kind === 'portal') return upload.portalPhone !== null && upload.portalPhone === reader.phone;
  if (upload.uploadedById !== null && upload.uploadedById === reader.userId) return true;
  return upload.projectId !== null && reader.projectIds.includes(upload.projectId);
}

/** A record of `projectId` may reference the upload: readable by the writer, of no other project. */
export function mayAttach(upload: UploadAccess, reader: UploadReader, projectId: number): boolean {
  return mayRead(upload, reader) && (upload.projectId === null || upload.projectId === projectId);
}
