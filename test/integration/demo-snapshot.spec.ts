import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { readDatabaseConfig } from '../../src/config/database.config';
import { buildDataSourceOptions } from '../../src/database/data-source';
import { DEMO_CLUSTER_CODE } from '../../src/database/demo-data';
import { writeDemoSnapshot } from '../../src/database/demo-snapshot.cli';
import { embeddedDriverForFolder } from '../../src/database/embedded-postgres';

// The first `npm start` unpacks the snapshot the build made instead of migrating and loading:
// what it unpacks must be the database the slow path would have made, and only a new folder gets it.
describe('the prebuilt demo snapshot (embedded)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-snapshot-'));
  const snapshot = join(dir, 'pglite.tar.gz');
  const base = buildDataSourceOptions({ ...readDatabaseConfig({}), url: undefined });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function openFolder(folder: string, seed?: () => Blob): Promise<DataSource> {
    return new DataSource({
      ...base,
      driver: embeddedDriverForFolder(folder, { seed }),
    } as DataSourceOptions).initialize();
  }

  it('starts a new data folder migrated and loaded with the demo cluster, and never reseeds an existing one', async () => {
    await writeDemoSnapshot(base, snapshot);
    const seed = jest.fn(() => new Blob([readFileSync(snapshot)]));
    const folder = join(dir, 'data');

    const first = await openFolder(folder, seed);
    try {
      expect(await first.showMigrations()).toBe(false); // nothing pending
      const clusters = await first.query('SELECT code FROM clusters');
      expect(clusters).toEqual([{ code: DEMO_CLUSTER_CODE }]);
      const [{ count }] = await first.query('SELECT count(*)::int AS count FROM users');
      expect(count).toBe(24);
      await first.query("UPDATE clusters SET name = name || ' (edited)'");
    } finally {
      await first.destroy();
    }
    expect(seed).toHaveBeenCalledTimes(1);

    const again = await openFolder(folder, seed);
    try {
      const [{ name }] = await again.query('SELECT name FROM clusters');
      expect(name).toMatch(/\(edited\)$/);
    } finally {
      await again.destroy();
    }
    expect(seed).toHaveBeenCalledTimes(1);
  }, 120_000);
});
