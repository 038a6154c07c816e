import { registerAs } from '@nestjs/config';

export interface PublicConfig {
  /** Where people reach the web app: the records' PDFs print `<baseUrl>/verify/<digest>`. No trailing slash. */
  baseUrl: string;
  /** Reads of the public routes (a record's bundle) allowed per client address within the window. */
  readsPerAddress: number;
  readWindowMs: number;
}

export function readPublicConfig(env: NodeJS.ProcessEnv = process.env): PublicConfig {
  return {
    baseUrl: (env.PUBLIC_BASE_URL || 'http://localhost:3000').replace(/\/+$/, ''),
    readsPerAddress: Number(env.PUBLIC_READS_PER_ADDRESS ?? 60),
    readWindowMs: Number(env.PUBLIC_READ_WINDOW_SECONDS ?? 60) * 1000,
  };
}

export const publicConfig = registerAs('public', () => readPublicConfig());
