import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * apps/server, found from this file. `npm start` runs a bundle in apps/server/dist, tests run the
 * sources in apps/server/src: both are one level below, so one anchor serves both.
 */
export const SERVER_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = path.resolve(SERVER_ROOT, '../..');
