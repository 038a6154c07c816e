import type { TestApp } from './test-app';

/**
 * Checks a response body against the schema the served OpenAPI document (`/docs-json`, the input
 * of the generated client) declares for its route — strictly: a property the schema does not
 * declare is a violation too, so a schema that describes "exactly" what a builder produces stays
 * exact. Knows the subset of OpenAPI 3.0 the app emits: $ref, allOf, oneOf, type, nullable, enum,
 * required, properties, items, additionalProperties, format uuid/date/date-time.
 */
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
}
interface Document {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

const documents = new WeakMap<TestApp, Promise<Document>>();

function served(t: TestApp): Promise<Document> {
  let document = documents.get(t);
  if (!document) {
    document = t.http.get('/docs-json').then((response) => response.body as Document);
    documents.set(t, document);
  }
  return document;
}

const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

/** The properties an object schema declares, through its allOf parts. */
function declared(document: Document, schema: Schema): Schema[] {
  const own = schema.$ref ? [document.components.schemas[schema.$ref.split('/').pop()!]] : [schema];
  return own.flatMap((s) => [s, ...(s.allOf ?? []).flatMap((part) => declared(document, part))]);
}

function violations(document: Document, schema: Schema, value: unknown, where: string): string[] {
  const parts = declared(document, schema);
  if (value === null) {
    return parts.some((s) => s.nullable) ? [] : [`${where}: null where the schema is not nullable`];
  }
  const found: string[] = [];
  for (const part of parts) {
    if (part.enum && !part.enum.includes(value)) found.push(`${where}: ${JSON.stringify(value)} not in the enum`);
    if (part.oneOf) {
      const matching = part.oneOf.filter((option) => violations(document, option, value, where).length === 0);
      if (matching.length !== 1) found.push(`${where}: matches ${matching.length} of the oneOf schemas, not 1`);
    }
    if (part.format && FORMATS[part.format] && typeof value === 'string' && !FORMATS[part.format].test(value)) {
      found.push(`${where}: ${JSON.stringify(value)} is not a ${part.format}`);
    }
    switch (part.type) {
      case undefined:
        break;
      case 'string':
      case 'boolean':
        if (typeof value !== part.type) found.push(`${where}: ${typeof value} where the schema says ${part.type}`);
        break;
      case 'number':
      case 'integer':
        if (typeof value !== 'number' || (part.type === 'integer' && !Number.isInteger(value))) {
          found.push(`${where}: ${JSON.stringify(value)} where the schema says ${part.type}`);
        }
        break;
      case 'array':
        if (!Array.isArray(value)) found.push(`${where}: not an array`);
        else if (part.items)
          value.forEach((item, i) => found.push(...violations(document, part.items!, item, `${where}[${i}]`)));
        break;
      case 'object':
        if (typeof value !== 'object' || Array.isArray(value)) found.push(`${where}: not an object`);
        break;
      default:
        found.push(`${where}: the schema's type ${part.type} is not known here`);
    }
  }
  if (typeof value === 'object' && !Array.isArray(value) && parts.some((s) => s.properties || s.additionalProperties)) {
    const properties = Object.assign({}, ...parts.map((s) => s.properties ?? {})) as Record<string, Schema>;
    const required = parts.flatMap((s) => s.required ?? []);
    const extra = parts.map((s) => s.additionalProperties).find((a) => typeof a === 'object');
    const freeForm = parts.some((s) => s.additionalProperties === true);
    for (const name of required) if (!(name in value)) found.push(`${where}.${name}: required, missing`);
    for (const [name, inner] of Object.entries(value)) {
      const schemaOf = properties[name] ?? extra;
      if (schemaOf) found.push(...violations(document, schemaOf, inner, `${where}.${name}`));
      else if (!freeForm) found.push(`${where}.${name}: not declared by the schema`);
    }
  }
  return found;
}

/** Where `body` departs from the JSON schema of `method path`'s `status` answer in the served document. */
export async function responseViolations(
  t: TestApp,
  method: string,
  path: string,
  status: number,
  body: unknown,
): Promise<string[]> {
  const document = await served(t);
  const schema =
    document.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${path} ${status}: no JSON schema in the served document`];
  return violations(document, schema, body, 'body');
}
