import { responseViolations } from '../utils/openapi-conformance';
import { createTestApp, type TestApp } from '../utils/test-app';

/**
 * Issue #13 "Signable documents": one response shape for every `GET …/document`, one sign request
 * validated the same way on every sign route, and one typed bundle schema — as the served OpenAPI
 * document states them and as the routes behave.
 */
describe('signable documents: one shape, one sign request, one bundle schema', () => {
  let t: TestApp;
  type Schema = {
    $ref?: string;
    properties?: Record<string, Schema>;
    items?: Schema;
    type?: string;
    allOf?: Schema[];
    enum?: unknown[];
  };
  let openapi: {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: Schema }> };
          responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
        }
      >
    >;
    components: { schemas: Record<string, Schema> };
  };
  const nameOf = (schema: Schema) => schema.$ref?.split('/').pop();
  const resolve = (schema: Schema) => openapi.components.schemas[nameOf(schema)!];
  const SIGNABLE_FIELDS = ['kind', 'subjectId', 'documentId', 'canonical', 'digest', 'content', 'signatures'];
  const DOCUMENT_ROUTES = [
    '/api/v1/unit-pledges/{id}/document',
    '/api/v1/pledges/{id}/seal-document',
    '/api/v1/polls/{id}/counting-record',
    '/api/v1/flag-handovers/{id}/document',
  ];
  const SIGN_ROUTES = [
    '/api/v1/unit-pledges/{id}/signatures',
    '/api/v1/pledges/{id}/seal',
    '/api/v1/polls/{id}/counting-record/signatures',
    '/api/v1/flag-handovers/{id}/release',
    '/api/v1/flag-handovers/{id}/receipt',
  ];
  const BUNDLE_ROUTES = [
    '/api/v1/pledges/{id}/bundle',
    '/api/v1/polls/{id}/bundle',
    '/api/v1/flag-handovers/{id}/bundle',
  ];

  beforeAll(async () => {
    t = await createTestApp();
    openapi = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t.close());

  it('every GET …/document answers the fields of SignableDocumentDto', () => {
    for (const path of DOCUMENT_ROUTES) {
      const schema = resolve(openapi.paths[path].get.responses['200'].content!['application/json'].schema);
      expect({ path, fields: Object.keys(schema.properties!) }).toEqual({
        path,
        fields: expect.arrayContaining(SIGNABLE_FIELDS),
      });
      expect(nameOf(schema.properties!.signatures.items!)).toBe('DocumentSignatureDto');
    }
  });

  it("types each route's `content` as its kind's document, and `kind` as that one kind", () => {
    const expected: Record<string, [string, string, string]> = {
      '/api/v1/unit-pledges/{id}/document': ['unit_pledge', 'UnitPledgeDocumentDto', 'thidua.unit-pledge'],
      '/api/v1/pledges/{id}/seal-document': ['pledge_seal', 'PledgeSealDocumentDto', 'thidua.pledge-seal'],
      '/api/v1/polls/{id}/counting-record': ['counting_record', 'CountingRecordDocumentDto', 'thidua.counting-record'],
      '/api/v1/flag-handovers/{id}/document': ['handover_record', 'HandoverRecordDocumentDto', 'thidua.flag-handover'],
    };
    for (const path of DOCUMENT_ROUTES) {
      const schema = resolve(openapi.paths[path].get.responses['200'].content!['application/json'].schema);
      const content = schema.properties!.content;
      const document = openapi.components.schemas[nameOf(content.allOf?.[0] ?? content)!];
      expect({
        path,
        kind: schema.properties!.kind.enum,
        content: nameOf(content.allOf?.[0] ?? content),
        type: document.properties!.type.enum,
        formatVersion: document.properties!.formatVersion.enum,
      }).toEqual({
        path,
        kind: [expected[path][0]],
        content: expected[path][1],
        type: [expected[path][2]],
        formatVersion: [1],
      });
    }
  });

  it('the strict check the specs run on served documents refuses what the schema does not say', async () => {
    const path = '/api/v1/unit-pledges/{id}/document';
    expect(await responseViolations(t, 'GET', path, 200, {})).toEqual(
      expect.arrayContaining(['body.kind: required, missing', 'body.content: required, missing']),
    );
    const wrong = {
      kind: 'pledge_seal',
      documentId: 'not-a-uuid',
      extra: 1,
      content: { type: 'thidua.unit-pledge', formatVersion: 2, targets: [{ position: 1.5 }] },
    };
    expect(await responseViolations(t, 'GET', path, 200, wrong)).toEqual(
      expect.arrayContaining([
        'body.kind: "pledge_seal" not in the enum',
        'body.documentId: "not-a-uuid" is not a uuid',
        'body.extra: not declared by the schema',
        'body.content.formatVersion: 2 not in the enum',
        'body.content.cluster: required, missing',
        'body.content.targets[0].position: 1.5 where the schema says integer',
        'body.content.targets[0].indicator: required, missing',
      ]),
    );
  });

  it('every sign route takes the one SignDocumentDto', () => {
    for (const path of SIGN_ROUTES) {
      expect({ path, body: nameOf(openapi.paths[path].post.requestBody!.content['application/json'].schema) }).toEqual({
        path,
        body: 'SignDocumentDto',
      });
    }
  });

  it('the three bundle routes answer the typed SignedBundleDto, not a bare object', () => {
    for (const path of BUNDLE_ROUTES) {
      expect({
        path,
        schema: nameOf(openapi.paths[path].get.responses['200'].content!['application/json'].schema),
      }).toEqual({
        path,
        schema: 'SignedBundleDto',
      });
    }
    const bundle = openapi.components.schemas.SignedBundleDto;
    for (const [field, item] of [
      ['documents', 'BundleDocumentDto'],
      ['signatures', 'BundleSignatureDto'],
      ['keys', 'BundleKeyDto'],
      ['mandates', 'BundleMandateDto'],
      ['delegations', 'BundleDelegationDto'],
      ['ledgerEntries', 'BundleLedgerEntryDto'],
    ]) {
      expect(nameOf(bundle.properties![field].items!)).toBe(item);
    }
  });

  it('every sign route refuses the same malformed request the same way', async () => {
    const auth = { Authorization: await t.bearer('chutich.lang-son@thidua.local') };
    const id = '00000000-0000-4000-8000-000000000001';
    const bad = [
      { digest: 'abc', signingKeyId: id, signature: 'AAAA' },
      { digest: 'a'.repeat(64), signingKeyId: 'not-a-uuid', signature: 'AAAA' },
      { digest: 'a'.repeat(64), signingKeyId: id, signature: 'not base64!' },
      { digest: 'a'.repeat(64), signingKeyId: id, signature: 'AAAA', extra: true },
    ];
    for (const path of SIGN_ROUTES) {
      for (const body of bad) {
        const res = await t.http.post(path.replace('{id}', id)).set(auth).send(body);
        expect({ path, body, status: res.status, code: res.body.code }).toEqual({
          path,
          body,
          status: 400,
          code: 'validation_failed',
        });
      }
    }
  });
});
