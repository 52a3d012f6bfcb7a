// npm start: build the console if its sources changed, then run the server (migrate, seed, serve).
import { spawnSync } from 'node:child_process';
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
  stdio: 'inherit',
  // The demo takes in e-mail on 2525 (mail to kefu@<project code>.guanjia.local becomes a ticket).
  env: { GUANJIA_SMTP_PORT: '2525', ...process.env },
});
process.exit(result.status ?? 1);
