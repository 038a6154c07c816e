import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDatabaseConfig } from '../config/database.config';
import { demoSnapshotFor } from './demo-snapshot';

describe(demoSnapshotFor.name, () => {
  const file = join(mkdtempSync(join(tmpdir(), 'thidua-snapshot-')), 'pglite.tar.gz');
  writeFileSync(file, 'not really a dump');
  const embedded = readDatabaseConfig({});

  it('gives the snapshot to a new embedded database that wants the demo with its documented password', () => {
    expect(demoSnapshotFor(embedded, {}, file)).toBeInstanceOf(Blob);
    expect(demoSnapshotFor(readDatabaseConfig({ DEMO_DATA: 'true' }), {}, file)).toBeInstanceOf(Blob);
  });

  it('is never used where the first start must load differently', () => {
    // Another password: the snapshot's hashes would not match it.
    expect(demoSnapshotFor(readDatabaseConfig({ DEMO_PASSWORD: 'another-password-2026' }), {}, file)).toBeUndefined();
    // No demo wanted, a server, or production (where the documented password is refused).
    expect(demoSnapshotFor(readDatabaseConfig({ DEMO_DATA: 'false' }), {}, file)).toBeUndefined();
    expect(demoSnapshotFor(readDatabaseConfig({ DATABASE_URL: 'postgres://x/y' }), {}, file)).toBeUndefined();
    expect(demoSnapshotFor(embedded, { NODE_ENV: 'production' }, file)).toBeUndefined();
    // No build made one (ts-node, jest): migrate and load as before.
    expect(demoSnapshotFor(embedded, {}, join(tmpdir(), 'no-such-snapshot.tar.gz'))).toBeUndefined();
  });
});
