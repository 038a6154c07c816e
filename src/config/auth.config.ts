import { registerAs } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { durationToSeconds } from './duration';

export interface AuthConfig {
  accessSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Wrong passwords for one account from one address before that pair waits a whole window. */
  loginFailuresPerAddress: number;
  /** Wrong passwords for one account from anywhere before unknown addresses wait, doubling. */
  loginFailuresPerAccount: number;
  loginLimitPerIp: number;
  loginLimitWindowMs: number;
  argon2MemoryKib: number;
}

// Outside production a missing secret gets a random one per process: tokens then die with the
// process, which is the safe failure. Production refuses to boot without one (env.validation).
const fallbackSecret = randomBytes(48).toString('base64url');

export const authConfig = registerAs('auth', (): AuthConfig => ({
  accessSecret: process.env.JWT_ACCESS_SECRET ?? fallbackSecret,
  accessTtlSeconds: durationToSeconds(process.env.JWT_ACCESS_TTL ?? '15m'),
  refreshTtlSeconds: durationToSeconds(process.env.REFRESH_TOKEN_TTL ?? '30d'),
  loginFailuresPerAddress: Number(process.env.LOGIN_FAILURES_PER_ADDRESS ?? 5),
  loginFailuresPerAccount: Number(process.env.LOGIN_FAILURES_PER_ACCOUNT ?? 50),
  loginLimitPerIp: Number(process.env.LOGIN_LIMIT_PER_IP ?? 30),
  loginLimitWindowMs: durationToSeconds(process.env.LOGIN_LIMIT_WINDOW ?? '15m') * 1000,
  argon2MemoryKib: Number(process.env.ARGON2_MEMORY_KIB ?? 19456),
}));
