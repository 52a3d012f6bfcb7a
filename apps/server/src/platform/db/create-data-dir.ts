import { spawn } from 'node:child_process';
import path from 'node:path';
import { SERVER_ROOT } from '../../paths';
import { MIGRATIONS_FOLDER } from './migrate';

const SCRIPT = path.join(SERVER_ROOT, 'src/platform/db/data-dir-child.mjs');

/**
 * A new embedded database, created and migrated by data-dir-child.mjs in a child process: initdb's
 * near-1 GB peak never lands in the server's own memory (see that file).
 */
export function createDataDir(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, dataDir, MIGRATIONS_FOLDER], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `creating the embedded database in ${dataDir} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`,
          ),
        );
    });
  });
}
