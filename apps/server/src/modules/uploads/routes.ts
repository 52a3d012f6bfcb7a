import type { Permission } from '@guanjia/shared';
import { imageFile, uploadSchema } from '@guanjia/shared/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { userActor } from '../../platform/auth/actor';
import { assertInScope, can } from '../../platform/auth/context';
import type { App } from '../../platform/http/app-types';
import { AppError, forbidden, notFound, unauthorized } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { type PortalContext, resolvePortalSession } from '../portal/context';
import { PORTAL_COOKIE } from '../portal/routes';
import { portalActor } from '../portal/tickets';
import { staffReader } from './attach-uploads';
import { createUpload } from './create-upload';
import { uploadQuery } from './create-upload.types';
import { presentUpload } from './present';
import { loadReadable } from './read-upload';
import { UPLOAD_MAX_BYTES } from './rules/image-policy';
import type { UploadReader } from './rules/may-read';

const tags = ['uploads'];
const UPLOADERS: Permission[] = [
  'tickets.write',
  'tickets.dispatch',
  'workorders.execute',
  'emergencies.report',
];
const READERS: Permission[] = ['tickets.read', 'workorders.execute', 'emergencies.report'];

/**
 * Images for work orders, tickets and portal reports. Staff sign in as usual; a resident's portal
 * session works here too (its Bearer token, or the portal cookie where the browser sends it) and on
 * the /api/portal/uploads twins, which the portal cookie's path reaches.
 */
export async function uploadRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  // The resident behind a request without a staff session (not a request decoration: the portal
  // module owns that one, and its plugin scope does not reach here).
  const residents = new WeakMap<FastifyRequest, PortalContext>();

  async function portalOf(request: FastifyRequest): Promise<PortalContext | null> {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : request.cookies[PORTAL_COOKIE];
    return token ? resolvePortalSession(db, token, services.clock.now()) : null;
  }

  /** Staff (with one of `permissions`) or a resident: 401/403 before the body is read. */
  const caller = (permissions: readonly Permission[]) => async (request: FastifyRequest) => {
    if (request.auth) {
      if (!permissions.some((p) => can(request.auth!, p))) throw forbidden(permissions.join('|'));
      return;
    }
    const portal = await portalOf(request);
    if (!portal) throw unauthorized();
    residents.set(request, portal);
  };

  const readerOf = (request: FastifyRequest): UploadReader =>
    request.auth
      ? staffReader(request.auth)
      : {
          kind: 'portal',
          companyId: residents.get(request)!.companyId,
          phone: residents.get(request)!.phone,
        };

  async function receive(request: FastifyRequest, reply: FastifyReply) {
    const q = uploadQuery.parse(request.query);
    // Voice notes are a staff report's (the guard's emergency report), not the resident portal's.
    if (q.kind === 'voice' && !request.auth)
      throw new AppError(400, 'bad_request', 'Voice notes are for staff reports');
    const portal = request.auth ? null : (residents.get(request) ?? null);
    // Scope first: nothing is read from a caller who may not write into this project.
    if (q.projectId !== undefined) {
      if (request.auth) assertInScope(request.auth, q.projectId, 'Project');
      else if (!portal?.units.some((u) => u.projectId === q.projectId)) throw notFound('Project');
    }
    if (!request.isMultipart())
      throw new AppError(
        415,
        'unsupported_media_type',
        'Send the image as multipart/form-data with one file field',
      );
    const part = await request.file({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } });
    if (!part) throw new AppError(400, 'bad_request', 'The upload carries no file');
    const file = await part.toBuffer();
    const row = await createUpload({
      ctx: services,
      actor: request.auth ? userActor(request.auth) : portalActor(portal!),
      file,
      kind: q.kind,
      projectId: q.projectId ?? null,
      uploadedById: request.auth?.userId ?? null,
      portalPhone: portal?.phone ?? null,
    });
    return reply.status(201).send(presentUpload(row));
  }

  async function send(request: FastifyRequest, reply: FastifyReply, id: number, thumb: boolean) {
    const row = await loadReadable(db, readerOf(request), id);
    return reply
      .header('content-type', row.mime)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(thumb ? row.thumbnail : row.content);
  }

  const post = (url: string, onRequest: ReturnType<typeof caller>) =>
    app.post(
      url,
      {
        onRequest,
        // The photo's own limit (10 MB) plus the multipart framing, above the JSON body limit.
        bodyLimit: UPLOAD_MAX_BYTES + 64 * 1024,
        schema: { tags, querystring: uploadQuery, response: { 201: uploadSchema } },
      },
      receive,
    );
  const get = (url: string, onRequest: ReturnType<typeof caller>, thumb: boolean) =>
    app.get(
      url,
      { onRequest, schema: { tags, params: idParam, response: { 200: imageFile } } },
      (request, reply) => send(request, reply, request.params.id, thumb),
    );

  post('/api/uploads', caller(UPLOADERS));
  get('/api/uploads/:id', caller(READERS), false);
  get('/api/uploads/:id/thumb', caller(READERS), true);
  // The portal's cookie is scoped to /api/portal: the same routes under that path, residents only.
  const resident = async (request: FastifyRequest) => {
    request.auth = null;
    const portal = await portalOf(request);
    if (!portal) throw unauthorized('Portal login required');
    residents.set(request, portal);
  };
  post('/api/portal/uploads', resident);
  get('/api/portal/uploads/:id', resident, false);
  get('/api/portal/uploads/:id/thumb', resident, true);
}
