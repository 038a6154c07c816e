import { createTestApp, type TestApp } from '../utils/test-app';

/**
 * What Redocly's ruleset cannot know about this API, checked on the document the app serves
 * (`/docs-json`, the input of the generated client; decision 027). `npm run openapi:lint` checks
 * the document against the OpenAPI specification itself.
 */
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  nullable?: boolean;
}
interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }>; headers?: Record<string, object> }>;
  security?: Record<string, string[]>[];
  'x-permission'?: string;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** The one field that is free-form by design: what a ledger entry records differs per action. */
const FREE_FORM = new Set(['LedgerEntryDto.payload', 'BundleLedgerEntryDto.payload']);

/** An object schema that says nothing about its content (a map with typed values is fine). */
const isBareObject = (schema: Schema) =>
  schema.type === 'object' &&
  !schema.properties &&
  !schema.$ref &&
  !schema.allOf &&
  !schema.oneOf &&
  !schema.anyOf &&
  (schema.additionalProperties === undefined ||
    schema.additionalProperties === true ||
    (typeof schema.additionalProperties === 'object' && Object.keys(schema.additionalProperties).length === 0));

/** Every schema reachable from `schema` without following $ref, named `where.property[]…`. */
function* walk(schema: Schema | undefined, where: string): Generator<[string, Schema]> {
  if (!schema) return;
  yield [where, schema];
  for (const [name, property] of Object.entries(schema.properties ?? {})) yield* walk(property, `${where}.${name}`);
  if (schema.items) yield* walk(schema.items, `${where}[]`);
  if (typeof schema.additionalProperties === 'object') yield* walk(schema.additionalProperties, `${where}{}`);
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    yield* walk(part, where);
  }
}

describe('the served OpenAPI document', () => {
  let t: TestApp;
  let document: Document;
  let operations: { where: string; operation: Operation }[];

  beforeAll(async () => {
    t = await createTestApp({ empty: true });
    const response = await t.http.get('/docs-json').expect(200);
    document = response.body as Document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ where: `${method.toUpperCase()} ${path}`, operation })),
    );
  });
  afterAll(() => t.close());

  it('types every field: no bare object except the free-form ones named here', () => {
    const bare: string[] = [];
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const [where, inner] of walk(schema, name)) if (isBareObject(inner)) bare.push(where);
    }
    for (const { where, operation } of operations) {
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (!status.startsWith('2')) continue;
        for (const media of Object.values(answer.content ?? {})) {
          for (const [inner, schema] of walk(media.schema, `${where} ${status}`))
            if (isBareObject(schema)) bare.push(inner);
        }
      }
    }
    expect(bare.filter((where) => !FREE_FORM.has(where))).toEqual([]);
    expect([...FREE_FORM].filter((where) => !bare.includes(where))).toEqual([]);
  });

  it('marks every nullable field nullable, and a nullable enum lists null', () => {
    const wrong: string[] = [];
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const [where, inner] of walk(schema, name)) {
        if (inner.enum && inner.nullable && !inner.enum.includes(null)) wrong.push(where);
      }
    }
    expect(wrong).toEqual([]);
    // Nullable strings that @nestjs/swagger used to type `object` (issue #13).
    const { schemas } = document.components;
    for (const [dto, field] of [
      ['LedgerEntryDto', 'actorId'],
      ['MeMandateDto', 'validTo'],
      ['CreateClusterDto', 'description'],
      ['CreateClusterDto', 'parentUnitId'],
      ['UpdateClusterDto', 'description'],
      ['UpdateClusterDto', 'parentUnitId'],
      ['CreateUnitDto', 'shortName'],
      ['CreateUnitDto', 'province'],
      ['UpdateUnitDto', 'shortName'],
      ['UpdateUnitDto', 'province'],
      ['GrantMandateDto', 'unitId'],
      ['GrantMandateDto', 'clusterId'],
    ]) {
      expect({ [`${dto}.${field}`]: schemas[dto].properties?.[field] }).toMatchObject({
        [`${dto}.${field}`]: { type: 'string', nullable: true },
      });
    }
    expect(schemas.MissingUnitDto.properties?.status).toMatchObject({
      nullable: true,
      enum: expect.arrayContaining([null]),
    });
  });

  it('gives every 2xx answer a body schema (or none: 204) and every answer header a schema', () => {
    const missing: string[] = [];
    for (const { where, operation } of operations) {
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (!status.startsWith('2')) continue;
        if (status === '204') {
          if (answer.content) missing.push(`${where} 204 has a body`);
          continue;
        }
        const media = Object.entries(answer.content ?? {});
        if (media.length === 0) missing.push(`${where} ${status} has no body`);
        for (const [type, { schema }] of media) if (!schema) missing.push(`${where} ${status} ${type}`);
        for (const [header, value] of Object.entries(answer.headers ?? {})) {
          if (!('schema' in value)) missing.push(`${where} ${status} header ${header}`);
        }
      }
      if (!Object.keys(operation.responses).some((status) => status.startsWith('2'))) missing.push(`${where}: no 2xx`);
    }
    expect(missing).toEqual([]);
  });

  it('names every operation once, and declares no parameter twice', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const twice: string[] = [];
    for (const { where, operation } of operations) {
      const seen = new Set<string>();
      for (const parameter of operation.parameters ?? []) {
        // Header names are case-insensitive: `if-match` and `If-Match` are the same header.
        const key = `${parameter.in} ${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
        if (seen.has(key)) twice.push(`${where}: ${key}`);
        seen.add(key);
      }
    }
    expect(twice).toEqual([]);
    // POST /approvals/{id}/acts reads If-Match: once, optional.
    const act = document.paths['/api/v1/approvals/{id}/acts'].post;
    expect(act.parameters?.filter((p) => p.in === 'header')).toEqual([
      expect.objectContaining({ name: 'If-Match', required: false }),
    ]);
  });

  it('says which routes need no token (security: []) and which need the bearer token', () => {
    const publicRoutes = operations.filter(({ operation }) => operation['x-permission'] === 'public');
    // The public verifier's bundle of a final record (decision 036) is the only public read.
    expect(publicRoutes.map(({ where }) => where).sort()).toEqual([
      'GET /api/v1/records/{digest}/bundle',
      'GET /health',
      'POST /api/v1/auth/browser/login',
      'POST /api/v1/auth/browser/logout',
      'POST /api/v1/auth/browser/refresh',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/refresh',
    ]);
    for (const { where, operation } of operations) {
      const expected = operation['x-permission'] === 'public' ? [] : [{ bearer: [] }];
      expect({ where, security: operation.security }).toEqual({ where, security: expected });
    }
  });

  it('names a server, relative to the host that served it', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });
});
