import { PGlite, types, type Extension, type Results } from '@electric-sql/pglite';

// The package's `types` export condition points CommonJS at its ESM typings, so it is required by
// hand (the .cjs build exists); typed by PGlite's own Extension interface.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as { btree_gist: Extension };
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A `pg`-shaped driver over PGlite for TypeORM's postgres driver (`options.driver`).
 *
 * PGlite is one PostgreSQL session. TypeORM expects a pool in which each query runner owns its
 * connection until it releases it; handing every runner the same session would interleave two
 * requests' transactions. So this pool lends the one session to one runner at a time: `connect`
 * waits in a FIFO queue until the previous runner has released it (see
 * docs/decisions/002-embedded-postgres-session-lock.md).
 */

/** Parse results the way `pg` does on a server, so that both modes hand TypeORM the same types. */
export const EMBEDDED_PARSERS = {
  [types.INT8]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
  [types.DATE]: (value: string) => value,
};

interface PgShapedResult {
  rows: unknown[];
  rowCount: number;
  command?: string;
  fields: Results['fields'];
}

const TX_START = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const TX_END = /^\s*(COMMIT|END|ROLLBACK)\s*(TRANSACTION|WORK)?\s*;?\s*$/i;

class EmbeddedConnection extends EventEmitter {
  inTransaction = false;

  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[]): Promise<PgShapedResult> {
    let result: Results;
    if (params && params.length > 0) {
      result = await this.db.query(sql, params);
    } else {
      // The simple protocol, as `pg` uses for unparameterised text: allows several statements.
      const results = await this.db.exec(sql);
      result = results[results.length - 1] ?? { rows: [], fields: [], affectedRows: 0 };
    }
    if (TX_START.test(sql)) this.inTransaction = true;
    else if (TX_END.test(sql)) this.inTransaction = false;
    const extra = result as Results & { command?: string; rowCount?: number };
    return {
      rows: result.rows,
      rowCount: extra.rowCount ?? result.affectedRows ?? result.rows.length,
      command: extra.command,
      fields: result.fields,
    };
  }
}

type ConnectCallback = (err: Error | null, connection?: EmbeddedConnection, release?: (err?: unknown) => void) => void;

interface Waiter {
  callback: ConnectCallback;
  timer?: NodeJS.Timeout;
}

export interface EmbeddedPoolOptions {
  /** How long a runner may wait for the session before it gets an error instead of hanging. */
  acquireTimeoutMs?: number;
}

/** One lock per PGlite instance, shared by every pool (DataSource) opened on it. */
class SessionLock {
  private busy = false;
  private readonly queue: Waiter[] = [];
  readonly connection: EmbeddedConnection;

  constructor(readonly db: PGlite) {
    this.connection = new EmbeddedConnection(db);
  }

  acquire(callback: ConnectCallback, acquireTimeoutMs: number): void {
    const waiter: Waiter = { callback };
    if (!this.busy) {
      this.grant(waiter);
      return;
    }
    waiter.timer = setTimeout(() => {
      const index = this.queue.indexOf(waiter);
      if (index >= 0) this.queue.splice(index, 1);
      callback(
        new Error(
          `The embedded database session was busy for ${acquireTimeoutMs} ms. ` +
            'A query probably ran outside its transaction while the transaction held the session.',
        ),
      );
    }, acquireTimeoutMs);
    waiter.timer.unref();
    this.queue.push(waiter);
  }

  private grant(waiter: Waiter): void {
    if (waiter.timer) clearTimeout(waiter.timer);
    this.busy = true;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void this.handOver();
    };
    waiter.callback(null, this.connection, release);
  }

  private async handOver(): Promise<void> {
    // A runner that released mid-transaction (a crash between BEGIN and COMMIT) must not leak
    // its open transaction into the next runner's work.
    if (this.connection.inTransaction) {
      try {
        await this.db.exec('ROLLBACK');
      } catch {
        /* the session has no transaction after all */
      }
      this.connection.inTransaction = false;
    }
    const next = this.queue.shift();
    if (next) this.grant(next);
    else this.busy = false;
  }
}

const locks = new WeakMap<PGlite, SessionLock>();

function lockFor(db: PGlite): SessionLock {
  let lock = locks.get(db);
  if (!lock) {
    lock = new SessionLock(db);
    locks.set(db, lock);
  }
  return lock;
}

/**
 * Returns the object TypeORM's postgres driver loads in place of `pg`. The database may still be
 * opening: the first `connect` waits for it. `onEnd` runs when TypeORM ends the pool.
 */
export function createEmbeddedDriver(
  database: PGlite | (() => Promise<PGlite>),
  { acquireTimeoutMs = 60_000, onEnd }: EmbeddedPoolOptions & { onEnd?: () => Promise<void> } = {},
) {
  let ready: Promise<PGlite> | undefined;
  const open = () => (ready ??= typeof database === 'function' ? database() : Promise.resolve(database));

  class Pool extends EventEmitter {
    connect(callback?: ConnectCallback): Promise<EmbeddedConnection> | void {
      const acquire = (cb: ConnectCallback) =>
        open().then(
          (db) => lockFor(db).acquire(cb, acquireTimeoutMs),
          (err: Error) => cb(err),
        );
      if (callback) {
        void acquire(callback);
        return;
      }
      return new Promise((resolve, reject) => {
        void acquire((err, connection) => (err ? reject(err) : resolve(connection!)));
      });
    }

    /** LISTEN on the embedded session: PGlite delivers NOTIFY after the sending transaction commits. */
    async listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
      const db = await open();
      return db.listen(channel, handler);
    }

    end(callback?: (err?: Error) => void): void {
      (onEnd ? onEnd() : Promise.resolve()).then(
        () => callback?.(),
        (err: Error) => callback?.(err),
      );
    }
  }

  return { Pool };
}

/** Opens PGlite on a data folder (or in memory from a dump), with `pg`-compatible parsing. */
export async function openEmbeddedPostgres(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  return PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: EMBEDDED_PARSERS,
    // The exclusion constraints of the registry (one head per unit, one cluster per parent body).
    extensions: { btree_gist },
  });
}

const openFolders = new Map<string, { db: Promise<PGlite>; users: number }>();

/**
 * One PGlite per data folder per process, however many DataSources use it: two instances on
 * one folder would corrupt it. Closed when the last user ends its pool. A folder that holds no
 * database yet starts from `seed()` when it gives a dump (the prebuilt demo snapshot).
 */
export function embeddedDriverForFolder(
  dataDir: string,
  { seed, ...options }: EmbeddedPoolOptions & { seed?: () => Blob | undefined } = {},
) {
  let opened = false;
  return createEmbeddedDriver(
    () => {
      let entry = openFolders.get(dataDir);
      if (!entry) {
        const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
        entry = { db: openEmbeddedPostgres({ dataDir, loadDataDir: fresh ? seed?.() : undefined }), users: 0 };
        openFolders.set(dataDir, entry);
      }
      entry.users += 1;
      opened = true;
      return entry.db;
    },
    {
      ...options,
      onEnd: async () => {
        const entry = openFolders.get(dataDir);
        if (!opened || !entry) return;
        entry.users -= 1;
        if (entry.users > 0) return;
        openFolders.delete(dataDir);
        const db = await entry.db;
        if (!db.closed) await db.close();
      },
    },
  );
}
