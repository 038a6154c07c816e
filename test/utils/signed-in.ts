import type { DataSource } from 'typeorm';
import { API, type TestApp } from './test-app';

/** The demo data's cluster and administrator (src/database/demo-data.ts). */
export const DEMO_CLUSTER_CODE = 'bien-gioi-phia-bac';
export const DEMO_ADMIN = 'admin@thidua.local';
/** The demo cluster's (first) secretariat member. */
export const SECRETARIAT = 'thuky1@thidua.local';
/** The demo accounts of a unit, by its code: its head (chủ tịch), officer (cán bộ) and delegate (đại biểu). */
export const head = (code: string) => `chutich.${code}@thidua.local`;
export const officer = (code: string) => `canbo.${code}@thidua.local`;
export const delegate = (code: string) => `daibieu.${code}@thidua.local`;

/** The `Authorization` header of a demo account (logged in once per app and email), for `.set()`. */
export async function asUser(t: Pick<TestApp, 'bearer'>, email: string): Promise<{ Authorization: string }> {
  return { Authorization: await t.bearer(email) };
}

/**
 * An `as(email)` for specs that also sign in accounts they made themselves: the `Authorization`
 * header, logging in once per email with the password `passwords` gives it (the demo one otherwise).
 */
export function signInWith(
  t: Pick<TestApp, 'login'>,
  passwords: Record<string, string>,
): (email: string) => Promise<{ Authorization: string }> {
  const tokens = new Map<string, string>();
  return async (email) => {
    if (!tokens.has(email)) tokens.set(email, `Bearer ${(await t.login(email, passwords[email])).accessToken}`);
    return { Authorization: tokens.get(email)! };
  };
}

/** The id of the demo cluster, read through the API as `reader` (an email, or a header): the administrator unless said. */
export async function demoClusterId(
  t: TestApp,
  reader: string | { Authorization: string } = DEMO_ADMIN,
): Promise<string> {
  const header = typeof reader === 'string' ? await asUser(t, reader) : reader;
  const clusters = await t.http.get(`${API}/clusters?q=${DEMO_CLUSTER_CODE}`).set(header);
  return (clusters.body as { items: { id: string }[] }).items[0].id;
}

/** The id of the demo cluster, read by SQL (a DataSource or an EntityManager), for specs without a signed-in client. */
export async function demoClusterIdSql(db: Pick<DataSource, 'query'>): Promise<string> {
  const [cluster] = (await db.query(`SELECT id FROM clusters WHERE code = $1`, [DEMO_CLUSTER_CODE])) as {
    id: string;
  }[];
  return cluster.id;
}

/** The ids of the demo cluster and of its 2011 cycle (the demo data's year), read by SQL. */
export async function demoCycle2011Sql(db: Pick<DataSource, 'query'>): Promise<{ clusterId: string; cycleId: string }> {
  const [cycle] = (await db.query(
    `SELECT c.id, c.cluster_id FROM cycles c JOIN clusters k ON k.id = c.cluster_id WHERE k.code = $1 AND c.year = 2011`,
    [DEMO_CLUSTER_CODE],
  )) as { id: string; cluster_id: string }[];
  return { clusterId: cycle.cluster_id, cycleId: cycle.id };
}

/** The ids of a cluster's units by code, read through the API as the administrator. */
export async function unitIdsByCode(t: TestApp, clusterId: string): Promise<Record<string, string>> {
  const units = await t.http.get(`${API}/units?clusterId=${clusterId}&pageSize=100`).set(await asUser(t, DEMO_ADMIN));
  return Object.fromEntries((units.body as { items: { id: string; code: string }[] }).items.map((u) => [u.code, u.id]));
}
