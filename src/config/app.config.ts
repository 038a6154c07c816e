import { registerAs } from '@nestjs/config';

export interface AppConfig {
  env: string;
  host: string;
  port: number;
  logLevel: string;
  bodyLimitBytes: number;
  trustProxy: boolean;
  /** The first administrator, created at start while nobody holds an admin mandate. */
  adminEmail?: string;
  adminPassword?: string;
}

export const appConfig = registerAs('app', (): AppConfig => ({
  env: process.env.NODE_ENV ?? 'development',
  host: process.env.HOST ?? '0.0.0.0',
  port: Number(process.env.PORT ?? 3000),
  logLevel: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  bodyLimitBytes: Number(process.env.BODY_LIMIT_BYTES ?? 1024 * 1024),
  trustProxy: process.env.TRUST_PROXY === 'true',
  adminEmail: process.env.ADMIN_EMAIL || undefined,
  adminPassword: process.env.ADMIN_PASSWORD || undefined,
}));
