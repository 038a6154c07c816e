import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { API_PREFIX } from './common/http/api-prefix';
import { RequestMethod } from '@nestjs/common';
import { markUnloggedRoutes } from './common/http/request-log';
import { securityHeaders } from './common/http/security-headers';
import { defaultWebDistDir, serveWebApp } from './common/http/web-app';
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
import { clientErrorHandler, frameworkErrorHandler } from './common/errors/framework-errors';
import { jsonBodyParser } from './common/http/json-body-parser';
import { refuseNulInUrl } from './common/http/text-input';
import { buildOpenApiDocument } from './common/openapi/openapi-document';
import { createValidationPipe } from './common/validation/validation';

export { API_PREFIX };

/**
 * Builds the application exactly as production runs it; `main.ts` listens on it and the tests
 * drive it through HTTP. Fastify, not Express: see docs/decisions/001-fastify-adapter.md.
 */
export interface CreateAppOptions extends AppModuleOptions {
  /** The built web app to serve at `/` (default: web/dist when built; undefined: none). */
  webDistDir?: string;
}

export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // The adapter is built before Nest's ConfigModule runs: validate the environment first.
  validateEnvironment(process.env);
  const http = appConfig();
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
  const problems = new ProblemDetailsFilter();
  const adapter = new FastifyAdapter({
    bodyLimit: http.bodyLimitBytes,
    // Errors Fastify raises itself are problem+json with a code too (docs/api.md#errors).
    frameworkErrors: frameworkErrorHandler(problems, headers),
    clientErrorHandler,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    // Keep-alive connections that are idle close at shutdown; in-flight requests finish.
    forceCloseConnections: 'idle',
    trustProxy: http.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    // The JSON parser is ours (below): depth and NUL checked before parsing. No urlencoded parser.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(problems);
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // Before the request logger's middleware: routes marked `requestLog: false` by their resolved route.
  markUnloggedRoutes(fastify);
  // The API speaks JSON only: a text/plain body is 415 unsupported_media_type, not a bare string.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: http.bodyLimitBytes },
    jsonBodyParser(fastify),
  );
  fastify.addHook('onRequest', refuseNulInUrl);
  // Callback hooks, not async ones, where they run on every request: no promise each (decision 033).
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  // Multipart only where a route asks for it (`@RouteConfig({ multipart: true })`: the evidence
  // upload), within limits that stop a request while it streams in; elsewhere it stays a 415.
  // Cookies for the browser's session routes only (the refresh cookie is scoped to /api/v1/auth).
  await app.register(cookie);
  await app.register(multipart, { limits: multipartLimits(evidenceConfig()) });
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.isMultipart() && (request.routeOptions.config as { multipart?: boolean }).multipart !== true) {
      done(new CommonException(CommonErrorCode.UnsupportedMediaType, 'This route takes a JSON body.'));
      return;
    }
    done();
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  await serveWebApp(app, 'webDistDir' in options ? options.webDistDir : defaultWebDistDir());

  await app.init();
  await fastify.ready();
  return app;
}
