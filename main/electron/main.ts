// Electron main-process entry (bundled to dist/main/electron/main.cjs).
import { join } from 'node:path';
import * as electron from 'electron';
import { startApp } from './shell';

startApp(electron, {
  argv: process.argv.slice(1),
  appDir: __dirname,
  rendererDir: join(__dirname, '..', '..', 'renderer'),
  resourcesPath: process.resourcesPath,
  isPackaged: electron.app.isPackaged,
  platform: process.platform,
  env: process.env,
});
