import { demo2011ResultsFigures } from '../modules/reports/demo-2011-reports';
import { verifyBundle } from '../verifier/verify-bundle';
import {
  KEY_KIND,
  LEADER_2011,
  PLEDGE_TEXT,
  SECRETARIAT,
  UNITS,
  head,
  officer,
  pledgeTargets,
} from './replay-2011.data';
import type { Replay } from './replay-2011.context';
import { present } from './replay-client';
import { act, advance, short } from './replay-2011.year';
import { registerSigningKey, signDocument } from './replay-signing';

/**
 * Step 3, the emulation pledge (giao ước thi đua): the secretariat sets the shared text; each
 * unit's officer drafts its targets and its head approves them; each head registers a key of
 * their own (proof of possession over a challenge) and signs the unit's canonical document; the
 * 2011 leader's head countersigns the seal. The bundle is then fetched and checked with the
 * offline verifier, and the year starts (gate `pledges.sealed`).
 */
export async function signPledge(r: Replay): Promise<string[]> {
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
  for (const { code } of UNITS) {
    const drafter = r.client.as(officer(code));
    const unitPledge = await drafter.call(
      (api) =>
        api.PUT('/api/v1/unit-pledges/{id}/targets', {
          params: { path: { id: unitPledgeIds[code] } },
          body: { targets: pledgeTargets(figures[code]) },
        }),
      200,
    );
    const { requestId } = present(unitPledge.approval, `approval request of ${code}'s targets`);
    await act(r, officer(code), requestId, 'submit');
    await act(r, head(code), requestId, 'approve');
  }

  for (const [index, { code, province }] of UNITS.entries()) {
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

  const countersigner = r.client.as(head(LEADER_2011));
  const path = { id: pledge.id };
  const sealed = await signDocument(
    countersigner,
    r.keys[head(LEADER_2011)],
    (api) => api.GET('/api/v1/pledges/{id}/seal-document', { params: { path } }),
    (api, body) => api.POST('/api/v1/pledges/{id}/seal', { params: { path }, body }),
    200,
  );
  const seal = present(sealed.seal, 'seal');

  const bundle = await r.client
    .as(head('cao-bang'))
    .call((api) => api.GET('/api/v1/pledges/{id}/bundle', { params: { path } }), 200);
  const verified = await verifyBundle(bundle);
  r.outcome.pledgeBundle = {
    valid: verified.valid,
    problems: verified.problems,
    signatures: verified.checked.validSignatures,
  };
  if (!verified.valid) throw new Error(`The pledge bundle does not verify: ${verified.problems.join('; ')}`);
  await advance(r, 'in_progress');

  const algorithms = UNITS.map(({ code }) => r.keys[head(code)].algorithm);
  return [
    `shared text: “${PLEDGE_TEXT.slice(0, 72)}…”`,
    `${UNITS.length} units' targets drafted by the officers and approved by the heads`,
    `${UNITS.length} heads registered keys (${count(algorithms, 'ed25519')} Ed25519, ${count(algorithms, 'ecdsa-p256')} P-256) and signed`,
    `sealed by the 2011 leader's head (${seal.capacity}), seal digest ${short(seal.digest)}`,
    `bundle verified offline (src/verifier/verify-bundle.js): ${verified.checked.validSignatures} valid signatures, no problem`,
    `cycle → in_progress`,
  ];
}

const count = (values: string[], value: string) => values.filter((v) => v === value).length;
