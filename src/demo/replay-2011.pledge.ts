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
  const pledge = await r.client
    .as(SECRETARIAT[0])
    .post(`/cycles/${r.ids.cycleId}/pledges`, { sharedText: PLEDGE_TEXT }, 201);
  r.ids.pledgeId = pledge.id;
  const unitPledgeIds: Record<string, string> = Object.fromEntries(
    (pledge.units as { unitPledgeId: string; unit: { code: string } }[]).map((u) => [u.unit.code, u.unitPledgeId]),
  );

  const figures = demo2011ResultsFigures();
  for (const { code } of UNITS) {
    const drafter = r.client.as(officer(code));
    const unitPledge = await drafter.put(
      `/unit-pledges/${unitPledgeIds[code]}/targets`,
      { targets: pledgeTargets(figures[code]) },
      200,
    );
    await act(r, officer(code), unitPledge.approval.requestId, 'submit');
    await act(r, head(code), unitPledge.approval.requestId, 'approve');
  }

  for (const [index, { code, province }] of UNITS.entries()) {
    const signer = r.client.as(head(code));
    r.keys[head(code)] = await registerSigningKey(signer, KEY_KIND(index), `Khóa ký của Chủ tịch LMHTX ${province}`);
    const id = unitPledgeIds[code];
    await signDocument(
      signer,
      r.keys[head(code)],
      `/unit-pledges/${id}/document`,
      `/unit-pledges/${id}/signatures`,
      201,
    );
  }

  const countersigner = r.client.as(head(LEADER_2011));
  const sealed = await signDocument<{ status: string; seal: { digest: string; capacity: string } }>(
    countersigner,
    r.keys[head(LEADER_2011)],
    `/pledges/${pledge.id}/seal-document`,
    `/pledges/${pledge.id}/seal`,
    200,
  );

  const bundle = await r.client.as(head('cao-bang')).get(`/pledges/${pledge.id}/bundle`, 200);
  const verified = verifyBundle(bundle);
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
    `sealed by the 2011 leader's head (${sealed.seal.capacity}), seal digest ${short(sealed.seal.digest)}`,
    `bundle verified offline (src/verifier/verify-bundle.js): ${verified.checked.validSignatures} valid signatures, no problem`,
    `cycle → in_progress`,
  ];
}

const count = (values: string[], value: string) => values.filter((v) => v === value).length;
