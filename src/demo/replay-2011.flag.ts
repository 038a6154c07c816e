import { ELECTED_2012, LEADER_2011, MEETING, SECRETARIAT, head } from './replay-2011.data';
import type { Replay } from './replay-2011.context';
import { advance, short } from './replay-2011.year';
import { signDocument } from './replay-signing';

interface CustodyPeriod {
  position: number;
  state: string;
  custodian: { code: string; name: string } | null;
  cause: string;
  startedAt: string;
  election: { termYear: number } | null;
  signedRecord: { digest: string } | null;
}

/**
 * Step 7, the rotating flag (trao cờ luân lưu): the cycle enters `handover`; the secretariat opens
 * the handover towards the leader elected for 2012; Lạng Sơn's head signs the handover record
 * (the flag is in transit), then Sơn La's head signs the same record (custody moves to Sơn La).
 */
export async function handOverFlag(r: Replay): Promise<string[]> {
  await advance(r, 'handover');
  const handover = await r.client.as(SECRETARIAT[0]).post(
    `/flags/${r.ids.flagId}/handovers`,
    {
      cycleId: r.ids.cycleId,
      handoverDate: MEETING.heldOn,
      place: MEETING.place,
      witnesses: MEETING.witnesses,
      toUnitId: r.ids.units[ELECTED_2012],
    },
    201,
  );
  r.ids.handoverId = handover.id;
  const document = `/flag-handovers/${handover.id}/document`;
  const released = await signDocument<{ status: string }>(
    r.client.as(head(LEADER_2011)),
    r.keys[head(LEADER_2011)],
    document,
    `/flag-handovers/${handover.id}/release`,
    200,
  );
  const received = await signDocument<{ status: string }>(
    r.client.as(head(ELECTED_2012)),
    r.keys[head(ELECTED_2012)],
    document,
    `/flag-handovers/${handover.id}/receipt`,
    200,
  );

  const chain = await r.client.as(head('lai-chau')).get(`/flags/${r.ids.flagId}/custody`, 200);
  const periods = chain.periods as CustodyPeriod[];
  r.outcome.custody = periods.map((p) => ({
    position: p.position,
    state: p.state,
    custodian: p.custodian?.code ?? null,
    cause: p.cause,
  }));
  const record = await r.client.as(head('lai-chau')).get(document, 200);
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
