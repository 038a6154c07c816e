import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { createApp } from './app.factory';
import type { AppConfig } from './config/app.config';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get(ConfigService).getOrThrow<AppConfig>('app');
  await app.listen(config.port, config.host);
  app.get(ConfigService);
  // eslint-disable-next-line no-console
  console.log(`thidua listening on http://localhost:${config.port} (OpenAPI: /docs, health: /health)`);
}

bootstrap().catch((error: unknown) => {
  // eslint-disable-next-line no-console
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
