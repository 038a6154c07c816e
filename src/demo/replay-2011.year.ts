import { demo2011ResultsFigures, SOURCE_2011_TOTALS } from '../modules/reports/demo-2011-reports';
import { CLUSTER, SECRETARIAT, UNITS, YEAR, head, officer } from './replay-2011.data';
import type { Replay } from './replay-2011.context';
import type { ThiduaSchema } from '../api-client';
import { present } from './replay-client';

/** The secretariat moves the cycle one phase on; the service runs the phase's gates first. */
export async function advance(r: Replay, to: ThiduaSchema<'AdvanceCycleDto'>['to']): Promise<void> {
  await r.client
    .as(SECRETARIAT[0])
    .call(
      (api) => api.POST('/api/v1/cycles/{id}/advance', { params: { path: { id: r.ids.cycleId } }, body: { to } }),
      200,
    );
}

/** One act on an approval request (submit, approve, propose, adopt…), by `email`. */
export async function act(
  r: Replay,
  email: string,
  requestId: string,
  transition: string,
): Promise<ThiduaSchema<'ApprovalRequestResponseDto'>> {
  return r.client
    .as(email)
    .call(
      (api) => api.POST('/api/v1/approvals/{id}/acts', { params: { path: { id: requestId } }, body: { transition } }),
      200,
    );
}

/**
 * Step 2: the secretariat opens the 2011 cycle, drafts the reward rules from the documented
 * defaults and proposes them; the member heads adopt them (k of n, k fixed when drafted); the
 * adopted version is pinned and the cycle moves to pledge signing (gate `rules.pinned`).
 */
export async function openCycleAndAdoptRules(
  r: Replay,
  options: { pledgeCountersignedBy?: 'secretariat' | 'cluster_leader_head' } = {},
): Promise<string[]> {
  const secretariat = r.client.as(SECRETARIAT[0]);
  // The source's rules have the leader's head seal the pledge; a browser test varies that one choice.
  const defaults = options.pledgeCountersignedBy
    ? await secretariat.call(
        (api) =>
          api.GET('/api/v1/clusters/{clusterId}/rules-defaults', { params: { path: { clusterId: r.ids.clusterId } } }),
        200,
      )
    : undefined;
  const content = defaults && { ...defaults.content, pledge: { countersignedBy: options.pledgeCountersignedBy! } };
  const cycle = await secretariat.call(
    (api) =>
      api.POST('/api/v1/clusters/{clusterId}/cycles', {
        params: { path: { clusterId: r.ids.clusterId } },
        body: { year: YEAR, deadlines: { pledge_signing: '2011-03-31', evaluation: '2011-11-21' } },
      }),
    201,
  );
  r.ids.cycleId = cycle.id;
  await advance(r, 'rules_adoption');

  const drafted = await secretariat.call(
    (api) =>
      api.POST('/api/v1/clusters/{clusterId}/rules-versions', {
        params: { path: { clusterId: r.ids.clusterId } },
        body: { title: `Quy chế khen thưởng ${CLUSTER.name}`, content },
      }),
    201,
  );
  r.ids.rulesVersionId = drafted.id;
  const { requestId, approvalsRequired } = present(drafted.approval, 'approval request of the rules');
  await act(r, SECRETARIAT[0], requestId, 'propose');
  const adoptedBy: string[] = [];
  for (const { code, province } of UNITS) {
    const result = await act(r, head(code), requestId, 'adopt');
    adoptedBy.push(province);
    if (result.state === 'adopted') break;
  }
  const version = await secretariat.call(
    (api) => api.GET('/api/v1/rules-versions/{id}', { params: { path: { id: drafted.id } } }),
    200,
  );
  await secretariat.call(
    (api) =>
      api.PUT('/api/v1/cycles/{id}/rules-version', {
        params: { path: { id: r.ids.cycleId } },
        body: { rulesVersionId: drafted.id },
      }),
    200,
  );
  await advance(r, 'pledge_signing');

  return [
    `cycle ${YEAR} opened: setup → rules_adoption`,
    `rules v${version.number} drafted from the defaults (max ${version.maxPoints} points, quorum ${fraction(version.content.voting.quorum)}, flag threshold ${version.content.voting.passingThreshold * 100}% of all members, outgoing leader eligible: ${version.content.leaderRotation.outgoingLeaderEligible})`,
    `adopted by ${adoptedBy.length} of ${UNITS.length} heads (k = ${approvalsRequired}): ${adoptedBy.join(', ')}`,
    `pinned (digest ${short(version.contentDigest)}); cycle → pledge_signing`,
  ];
}

/**
 * Step 4: during the year each unit's officer drafts its results report (the 2011 figures) and
 * submits it; the unit's head approves it. The cluster's totals are then read back and must be
 * exactly the source's.
 */
export async function reportResults(r: Replay): Promise<string[]> {
  const figures = demo2011ResultsFigures();
  for (const { code } of UNITS) {
    const report = await r.client.as(officer(code)).call(
      (api) =>
        api.POST('/api/v1/cycles/{cycleId}/reports', {
          params: { path: { cycleId: r.ids.cycleId } },
          body: { unitId: r.ids.units[code], ...figures[code] },
        }),
      201,
    );
    const { requestId } = present(report.approval, `approval request of ${code}'s report`);
    await act(r, officer(code), requestId, 'submit');
    const approved = await act(r, head(code), requestId, 'approve');
    if (approved.state !== 'approved') throw new Error(`The report of ${code} is ${approved.state}, not approved.`);
  }
  const results = await r.client
    .as(head('lao-cai'))
    .call((api) => api.GET('/api/v1/cycles/{cycleId}/results', { params: { path: { cycleId: r.ids.cycleId } } }), 200);
  const totals: Record<string, number | string> = results.totals;
  r.outcome.totals = totals;
  const wrong = Object.entries(SOURCE_2011_TOTALS).filter(([field, value]) => totals[field] !== value);
  if (wrong.length > 0 || results.missingUnits.length > 0) {
    throw new Error(`The totals are not the source's: ${JSON.stringify({ totals, missing: results.missingUnits })}`);
  }
  return [
    `${results.units.length} reports drafted by the officers, submitted, approved by the heads`,
    `totals: ${num(totals.cooperatives)} cooperatives; ${num(totals.charterCapitalVnd)} VND charter capital; ` +
      `${num(totals.membersAndWorkers)} members and workers;`,
    `        ${num(totals.cooperativeGroups)} cooperative groups with ${num(totals.groupMembers)} members; ` +
      `${totals.newCooperatives} founded, ${totals.newMemberCooperatives} admitted — exactly the source's figures`,
  ];
}

/** Step 8 (first half): the secretariat closes the cycle; the gate `flag.handed_over` must be met. */
export async function closeCycle(r: Replay): Promise<string[]> {
  await advance(r, 'closed');
  const cycle = await r.client
    .as(SECRETARIAT[0])
    .call((api) => api.GET('/api/v1/cycles/{id}', { params: { path: { id: r.ids.cycleId } } }), 200);
  r.outcome.cyclePhase = cycle.phase;
  const verified = await r.client.as(head('son-la')).call((api) => api.GET('/api/v1/ledger/verify'), 200);
  r.outcome.ledger = { valid: verified.valid, length: verified.length, headHash: verified.headHash };
  if (!verified.valid) throw new Error(`The ledger does not verify: ${JSON.stringify(verified)}`);
  return [`cycle ${YEAR} → ${cycle.phase}`, `ledger verified: ${verified.length} entries, valid: ${verified.valid}`];
}

export const num = (value: number | string) => BigInt(value).toLocaleString('en-US');
export const short = (hash: string) => `${hash.slice(0, 12)}…`;
const fraction = (value: number) => (Math.abs(value - 2 / 3) < 1e-9 ? '2/3' : String(value));
