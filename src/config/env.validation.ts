import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { DOCUMENTED_DEMO_PASSWORD } from './database.config';

/**
 * Every environment variable the service reads, validated once at boot so a bad value stops
 * the process with a message naming the variable instead of failing later mid-request.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @IsIn(['true', 'false'])
  MIGRATIONS_RUN?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn(['true', 'false', 'auto'])
  DEMO_DATA?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD must be at least 8 characters' })
  DEMO_PASSWORD?: string;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_ACCESS_SECRET must be at least 32 characters' })
  JWT_ACCESS_SECRET?: string;

  @IsOptional()
  @Matches(/^\d+[smhd]?$/, { message: 'JWT_ACCESS_TTL must be seconds or a number with s, m, h or d (e.g. 15m)' })
  JWT_ACCESS_TTL?: string;

  @IsOptional()
  @Matches(/^\d+[smhd]?$/, { message: 'REFRESH_TOKEN_TTL must be seconds or a number with s, m, h or d (e.g. 30d)' })
  REFRESH_TOKEN_TTL?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ADDRESS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ACCOUNT?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_IP?: number;

  @IsOptional()
  @Matches(/^\d+[smhd]?$/)
  LOGIN_LIMIT_WINDOW?: string;

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(4 * 1024 * 1024)
  ARGON2_MEMORY_KIB?: number;

  /** The web app's address as people reach it; printed on the records (`…/verify/<digest>`). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  PUBLIC_READS_PER_ADDRESS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  PUBLIC_READ_WINDOW_SECONDS?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100 * 1024 * 1024)
  EVIDENCE_MAX_BYTES?: number;

  @IsOptional()
  @IsInt()
  @Min(250)
  @Max(60_000)
  LIVE_TURNOUT_INTERVAL_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(300_000)
  LIVE_HEARTBEAT_MS?: number;
}

export function validateEnvironment(raw: Record<string, unknown>): Record<string, unknown> {
  const env = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (env.NODE_ENV === 'production' && !env.JWT_ACCESS_SECRET) {
    throw new Error('Invalid environment:\n  - JWT_ACCESS_SECRET is required when NODE_ENV=production');
  }
  const demoPasswordIsDocumented = (env.DEMO_PASSWORD ?? DOCUMENTED_DEMO_PASSWORD) === DOCUMENTED_DEMO_PASSWORD;
  if (env.NODE_ENV === 'production' && env.DEMO_DATA === 'true' && demoPasswordIsDocumented) {
    throw new Error(
      'Invalid environment:\n  - DEMO_DATA=true with the documented demo password is refused when NODE_ENV=production: set DEMO_PASSWORD to a password of your own, or DEMO_DATA=false',
    );
  }
  if (env.NODE_ENV === 'production' && env.ADMIN_PASSWORD === DOCUMENTED_DEMO_PASSWORD) {
    throw new Error(
      'Invalid environment:\n  - ADMIN_PASSWORD is the documented demo password, which is refused when NODE_ENV=production',
    );
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    throw new Error('Invalid environment:\n  - ADMIN_EMAIL and ADMIN_PASSWORD are set together or not at all');
  }
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${m}`));
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return { ...raw, ...env };
}
