import { demo2011ResultsFigures } from '../../src/modules/reports/demo-2011-reports';
import type { Replay } from '../../src/demo/replay-2011.context';
import {
  KEY_KIND,
  LEADER_2011,
  PLEDGE_TEXT,
  SECRETARIAT,
  UNITS,
  head,
  officer,
  pledgeTargets,
} from '../../src/demo/replay-2011.data';
import { present } from '../../src/demo/replay-client';
import { act, advance } from '../../src/demo/replay-2011.year';
import { registerSigningKey, signDocument } from '../../src/demo/replay-signing';

/**
 * The pledge chapter (src/demo/replay-2011.pledge.ts) through the API, split where the head of
 * `inBrowser` does their part in the portal: that unit's targets are submitted by its officer and
 * left for its head's inbox; every other unit's targets are approved and signed as the replay does.
 * Returns the unit pledge ids by unit code and the approval request of the browser's unit.
 */
export async function pledgeUpToHead(
  r: Replay,
  inBrowser: string,
): Promise<{ unitPledgeIds: Record<string, string>; requestId: string }> {
  const pledge = await r.client.as(SECRETARIAT[0]).call(
    (api) =>
      api.POST('/api/v1/cycles/{cycleId}/pledges', {
        params: { path: { cycleId: r.ids.cycleId } },
        body: { sharedText: PLEDGE_TEXT },
      }),
    201,
  );
  r.ids.pledgeId = pledge.id;
  const unitPledgeIds: Record<string, string> = Object.fromEntries(
    pledge.units.map((u) => [u.unit.code, u.unitPledgeId]),
  );
  const figures = demo2011ResultsFigures();
  let browserRequest = '';
  for (const [index, { code, province }] of UNITS.entries()) {
    const unitPledge = await r.client.as(officer(code)).call(
      (api) =>
        api.PUT('/api/v1/unit-pledges/{id}/targets', {
          params: { path: { id: unitPledgeIds[code] } },
          body: { targets: pledgeTargets(figures[code]) },
        }),
      200,
    );
    const { requestId } = present(unitPledge.approval, `approval request of ${code}'s targets`);
    await act(r, officer(code), requestId, 'submit');
    if (code === inBrowser) {
      browserRequest = requestId;
      continue;
    }
    await act(r, head(code), requestId, 'approve');
    const signer = r.client.as(head(code));
    r.keys[head(code)] = await registerSigningKey(signer, KEY_KIND(index), `Khóa ký của Chủ tịch LMHTX ${province}`);
    const path = { id: unitPledgeIds[code] };
    await signDocument(
      signer,
      r.keys[head(code)],
      (api) => api.GET('/api/v1/unit-pledges/{id}/document', { params: { path } }),
      (api, body) => api.POST('/api/v1/unit-pledges/{id}/signatures', { params: { path }, body }),
      201,
    );
  }
  return { unitPledgeIds, requestId: browserRequest };
}

/** The rest of the chapter once every unit signed: the 2011 leader's head seals, the year starts. */
export async function sealPledge(r: Replay): Promise<void> {
  const path = { id: r.ids.pledgeId };
  await signDocument(
    r.client.as(head(LEADER_2011)),
    r.keys[head(LEADER_2011)],
    (api) => api.GET('/api/v1/pledges/{id}/seal-document', { params: { path } }),
    (api, body) => api.POST('/api/v1/pledges/{id}/seal', { params: { path }, body }),
    200,
  );
  await advance(r, 'in_progress');
}

/** An officer files the unit's results report and submits it: it waits in the head's inbox. */
export async function fileReport(r: Replay, code: string): Promise<string> {
  const report = await r.client.as(officer(code)).call(
    (api) =>
      api.POST('/api/v1/cycles/{cycleId}/reports', {
        params: { path: { cycleId: r.ids.cycleId } },
        body: { unitId: r.ids.units[code], ...demo2011ResultsFigures()[code] },
      }),
    201,
  );
  const { requestId } = present(report.approval, `approval request of ${code}'s report`);
  await act(r, officer(code), requestId, 'submit');
  return requestId;
}
