import { QueryFailedError, type DataSource } from 'typeorm';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A hot statement run as a named prepared statement on the server's `pg` pool: parsed and planned
 * once per connection instead of on every call, without TypeORM's query-runner round (decision
 * 011). The embedded driver has no such pool; there the statement goes through TypeORM as usual.
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master?: Partial<PgPool> }).master;
  if (typeof pool?.query === 'function') {
    try {
      return (await (pool as PgPool).query({ name, text, values })).rows as Row[];
    } catch (error) {
      // The same error TypeORM raises, so constraint names map to the module's own codes as usual.
      throw new QueryFailedError(text, values, error as Error);
    }
  }
  return (await dataSource.query(text, values)) as Row[];
}
