import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { DataSourceOptions } from 'typeorm';
import { isUnloggedRoute } from './common/http/request-log';
import { appConfig } from './config/app.config';
import { authConfig } from './config/auth.config';
import { databaseConfig } from './config/database.config';
import { validateEnvironment } from './config/env.validation';
import { buildDataSourceOptions } from './database/data-source';
import { DemoDataModule } from './database/demo-data.module';
import { MigrationsOnStart, RUN_MIGRATIONS_ON_START } from './database/migrations-on-start';
import { PermissionGuard } from './common/access/permission.guard';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { JwtAuthGuard } from './modules/auth/auth.guards';
import { ApprovalsModule } from './modules/approvals/approvals.module';
import { AuthModule } from './modules/auth/auth.module';
import { CyclesModule } from './modules/cycles/cycles.module';
import { ElectionsModule } from './modules/elections/elections.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { FlagsModule } from './modules/flags/flags.module';
import { ReportsModule } from './modules/reports/reports.module';
import { ScoringModule } from './modules/scoring/scoring.module';
import { RulesModule } from './modules/rules/rules.module';
import { HealthModule } from './modules/health/health.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { MandatesModule } from './modules/mandates/mandates.module';
import { LiveModule } from './modules/live/live.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { PledgesModule } from './modules/pledges/pledges.module';
import { RecordsModule } from './modules/records/records.module';
import { VerificationModule } from './modules/verification/verification.module';
import { RegistryModule } from './modules/registry/registry.module';
import { SignaturesModule } from './modules/signatures/signatures.module';
import { UsersModule } from './modules/users/users.module';

export interface AppModuleOptions {
  /** Replaces the database chosen from the environment (tests pass a cloned database here). */
  dataSourceOptions?: DataSourceOptions;
  /** Where log lines go instead of standard output, and at which level (tests read them here). */
  log?: { destination: DestinationStream; level?: string };
}

/** The request id: the caller's `x-request-id` when it sent a sane one, else a new UUID. */
export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const sent = req.headers['x-request-id'];
  const id = typeof sent === 'string' && /^[\w.:-]{1,100}$/.test(sent) ? sent : randomUUID();
  req.id = id;
  return id;
}

/** `GET /health` (with any query): probes every few seconds, kept out of the request log. */
export function isHealthProbe(req: IncomingMessage & { originalUrl?: string }): boolean {
  return (req.originalUrl ?? req.url ?? '').split('?')[0] === '/health';
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          validate: validateEnvironment,
          load: [appConfig, authConfig, databaseConfig],
        }),
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (app: ConfigType<typeof appConfig>) => {
            const pinoHttp: PinoHttpOptions = {
              level: options.log?.level ?? app.logLevel,
              genReqId: (req: IncomingMessage) => requestIdOf(req),
              // Log what identifies a request, not its headers: no tokens or cookies in the logs.
              serializers: {
                req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                  remoteAddress: req.remoteAddress,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              // Middleware sees `url` without the part of the path it was mounted on: match the whole one.
              autoLogging: { ignore: isHealthProbe },
              // No line for the routes marked `requestLog: false` (the ballot: when each voter cast is not
              // the log's business, decision 011), by the route Fastify resolved — known only once the
              // request is routed, after this middleware starts, hence decided when the line is written.
              customLogLevel: (req) => (isUnloggedRoute(req) ? 'silent' : 'info'),
            };
            return {
              // Nest 11's path syntax for "every route" (the default '*' is the legacy form).
              forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
              // The ballot as usually spelled skips the logging middleware altogether (on the hot path it was
              // a twentieth of a ballot's CPU, decision 011); other spellings are silenced above.
              exclude: [{ path: 'polls/:id/ballots', method: RequestMethod.POST }],
              pinoHttp: options.log ? [pinoHttp, options.log.destination] : pinoHttp,
            };
          },
        }),
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (database: ConfigType<typeof databaseConfig>) =>
            options.dataSourceOptions ?? buildDataSourceOptions(database),
        }),
        // `auto` demo data goes only into the embedded database the environment chose.
        DemoDataModule.register(!options.dataSourceOptions && !process.env.DATABASE_URL),
        IdempotencyModule,
        LedgerModule,
        UsersModule,
        AuthModule,
        RegistryModule,
        MandatesModule,
        HealthModule,
        CyclesModule,
        ApprovalsModule,
        RulesModule,
        ReportsModule,
        ScoringModule,
        EvidenceModule,
        SignaturesModule,
        PledgesModule,
        MeetingsModule,
        LiveModule,
        ElectionsModule,
        FlagsModule,
        RecordsModule,
        VerificationModule,
      ],
      providers: [
        // Order matters: authenticate first, then check the route's permission.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        MigrationsOnStart,
        {
          provide: RUN_MIGRATIONS_ON_START,
          inject: [databaseConfig.KEY],
          useFactory: (database: ConfigType<typeof databaseConfig>) =>
            options.dataSourceOptions || !database.migrationsRun ? 'off' : database.url ? 'server' : 'embedded',
        },
      ],
    };
  }
}
