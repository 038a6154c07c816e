import { API, type TestApp } from './test-app';

/** The demo data's cluster and administrator (src/database/demo-data.ts). */
export const DEMO_CLUSTER_CODE = 'bien-gioi-phia-bac';
export const DEMO_ADMIN = 'admin@thidua.local';

/** The `Authorization` header of a demo account (logged in once per app and email), for `.set()`. */
export async function asUser(t: Pick<TestApp, 'bearer'>, email: string): Promise<{ Authorization: string }> {
  return { Authorization: await t.bearer(email) };
}

/** The id of the demo cluster, read through the API as the administrator. */
export async function demoClusterId(t: TestApp): Promise<string> {
  const clusters = await t.http.get(`${API}/clusters?q=${DEMO_CLUSTER_CODE}`).set(await asUser(t, DEMO_ADMIN));
  return (clusters.body as { items: { id: string }[] }).items[0].id;
}

/** The ids of a cluster's units by code, read through the API as the administrator. */
export async function unitIdsByCode(t: TestApp, clusterId: string): Promise<Record<string, string>> {
  const units = await t.http.get(`${API}/units?clusterId=${clusterId}&pageSize=100`).set(await asUser(t, DEMO_ADMIN));
  return Object.fromEntries((units.body as { items: { id: string; code: string }[] }).items.map((u) => [u.code, u.id]));
}
