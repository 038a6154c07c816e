import { DataSource } from 'typeorm';
import { createEmbeddedDriver, openEmbeddedPostgres } from './embedded-postgres';

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function openDataSource(): Promise<DataSource> {
  const db = await openEmbeddedPostgres({});
  return new DataSource({
    type: 'postgres',
    driver: createEmbeddedDriver(db, { onEnd: () => db.close() }),
    entities: [],
    synchronize: false,
  }).initialize();
}

/** Read, wait (so other transactions get a chance to run), then write back read+1. */
async function incrementSlowly(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const [{ value }] = (await manager.query('SELECT value FROM counter WHERE id = 1')) as { value: number }[];
    await pause();
    await manager.query('UPDATE counter SET value = $1 WHERE id = 1', [value + 1]);
  });
}

describe('embedded PostgreSQL driver', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = await openDataSource();
    await dataSource.query('CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)');
    await dataSource.query('INSERT INTO counter VALUES (1, 0)');
  });
  afterEach(() => dataSource.destroy());

  it('gives each transaction the session alone: 50 concurrent read-modify-writes lose nothing', async () => {
    await Promise.all(Array.from({ length: 50 }, () => incrementSlowly(dataSource)));
    const [{ value }] = (await dataSource.query('SELECT value FROM counter')) as { value: number }[];
    expect(value).toBe(50);
  });

  it('rolls back a failed transaction without leaking it into the next one', async () => {
    const failing = dataSource.transaction(async (manager) => {
      await manager.query('UPDATE counter SET value = 100 WHERE id = 1');
      throw new Error('boom');
    });
    const next = incrementSlowly(dataSource);
    await expect(failing).rejects.toThrow('boom');
    await next;
    const [{ value }] = (await dataSource.query('SELECT value FROM counter')) as { value: number }[];
    expect(value).toBe(1);
  });

  it('returns pg-shaped results: bigint and numeric as strings, dates as YYYY-MM-DD, affected rows', async () => {
    const [row] = (await dataSource.query(
      "SELECT 9007199254740993::int8 AS big, 1269.5::numeric AS money, DATE '2011-11-21' AS day",
    )) as { big: string; money: string; day: string }[];
    expect(row).toEqual({ big: '9007199254740993', money: '1269.5', day: '2011-11-21' });
    const [, affected] = (await dataSource.query('UPDATE counter SET value = value WHERE id = 1')) as [
      unknown[],
      number,
    ];
    expect(affected).toBe(1);
  });

  it('runs several statements in one unparameterised query, as pg does', async () => {
    await dataSource.query('CREATE TABLE a (x int); CREATE TABLE b (y int)');
    const tables = (await dataSource.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('a', 'b')",
    )) as { n: number }[];
    expect(tables[0].n).toBe(2);
  });
});
