import { ELECTED_2012, LEADER_2011, MEETING, SECRETARIAT, head } from './replay-2011.data';
import type { ThiduaClient } from '../api-client';
import type { Replay } from './replay-2011.context';
import { advance, short } from './replay-2011.year';
import { signDocument } from './replay-signing';

/**
 * Step 7, the rotating flag (trao cờ luân lưu): the cycle enters `handover`; the secretariat opens
 * the handover towards the leader elected for 2012; Lạng Sơn's head signs the handover record
 * (the flag is in transit), then Sơn La's head signs the same record (custody moves to Sơn La).
 */
export async function handOverFlag(r: Replay): Promise<string[]> {
  await advance(r, 'handover');
  const handover = await r.client.as(SECRETARIAT[0]).call(
    (api) =>
      api.POST('/api/v1/flags/{id}/handovers', {
        params: { path: { id: r.ids.flagId } },
        body: {
          cycleId: r.ids.cycleId,
          handoverDate: MEETING.heldOn,
          place: MEETING.place,
          witnesses: MEETING.witnesses,
          toUnitId: r.ids.units[ELECTED_2012],
        },
      }),
    201,
  );
  r.ids.handoverId = handover.id;
  const ofHandover = { path: { id: handover.id } };
  const document = (api: ThiduaClient) => api.GET('/api/v1/flag-handovers/{id}/document', { params: ofHandover });
  const released = await signDocument(
    r.client.as(head(LEADER_2011)),
    r.keys[head(LEADER_2011)],
    document,
    (api, body) => api.POST('/api/v1/flag-handovers/{id}/release', { params: ofHandover, body }),
    200,
  );
  const received = await signDocument(
    r.client.as(head(ELECTED_2012)),
    r.keys[head(ELECTED_2012)],
    document,
    (api, body) => api.POST('/api/v1/flag-handovers/{id}/receipt', { params: ofHandover, body }),
    200,
  );

  const chain = await r.client
    .as(head('lai-chau'))
    .call((api) => api.GET('/api/v1/flags/{id}/custody', { params: { path: { id: r.ids.flagId } } }), 200);
  const periods = chain.periods;
  r.outcome.custody = periods.map((p) => ({
    position: p.position,
    state: p.state,
    custodian: p.custodian?.code ?? null,
    cause: p.cause,
  }));
  const record = await r.client.as(head('lai-chau')).call(document, 200);
  return [
    `handover opened by the secretariat towards ${handover.to.name} (term ${handover.termYear})`,
    `released by ${head(LEADER_2011)} (${released.status}), received by ${head(ELECTED_2012)} (${received.status}); record ${short(record.digest)}`,
    `custody chain of “${chain.flag.name}”:`,
    ...periods.map(
      (p) =>
        `  ${p.position}. ${(p.custodian?.name ?? 'in transit').padEnd(36)} ${p.cause.padEnd(18)} from ${p.startedAt}` +
        (p.election ? ` (term ${p.election.termYear})` : '') +
        (p.signedRecord ? ` — record ${short(p.signedRecord.digest)}` : ''),
    ),
  ];
}
