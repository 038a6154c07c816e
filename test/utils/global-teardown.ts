import { rmSync } from 'node:fs';
import { dropTemplate, TEMPLATE_TAR_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await dropTemplate();
  const tar = process.env[TEMPLATE_TAR_ENV];
  if (tar) rmSync(tar, { force: true });
}
