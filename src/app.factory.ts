import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { securityHeaders } from './common/http/security-headers';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AppModule, requestIdOf, type AppModuleOptions } from './app.module';
import { appConfig } from './config/app.config';
import { evidenceConfig, multipartLimits } from './config/evidence.config';
import { validateEnvironment } from './config/env.validation';
import { CommonErrorCode, CommonException } from './common/errors/common.exception';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { buildOpenApiDocument } from './common/openapi/openapi-document';
import { createValidationPipe } from './common/validation/validation';

export const API_PREFIX = 'api/v1';

/**
 * Builds the application exactly as production runs it; `main.ts` listens on it and the tests
 * drive it through HTTP. Fastify, not Express: see docs/decisions/001-fastify-adapter.md.
 */
export async function createApp(options: AppModuleOptions = {}): Promise<NestFastifyApplication> {
  // The adapter is built before Nest's ConfigModule runs: validate the environment first.
  validateEnvironment(process.env);
  const http = appConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: http.bodyLimitBytes,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    // Keep-alive connections that are idle close at shutdown; in-flight requests finish.
    forceCloseConnections: 'idle',
    trustProxy: http.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: a text/plain body is 415 unsupported_media_type, not a bare string.
  fastify.removeContentTypeParser(['text/plain']);
  // Swagger UI at /docs needs inline styles and scripts; the API itself serves only JSON.
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
  });
  // Multipart only where a route asks for it (`@RouteConfig({ multipart: true })`: the evidence
  // upload), within limits that stop a request while it streams in; elsewhere it stays a 415.
  await app.register(multipart, { limits: multipartLimits(evidenceConfig()) });
  fastify.addHook('preValidation', async (request) => {
    if (request.isMultipart() && (request.routeOptions.config as { multipart?: boolean }).multipart !== true) {
      throw new CommonException(CommonErrorCode.UnsupportedMediaType, 'This route takes a JSON body.');
    }
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });

  await app.init();
  await fastify.ready();
  return app;
}
