import { createHash } from 'node:crypto';
import type { CountingRecordData } from '../../src/modules/records/counting-record';
import type { HandoverRecordData } from '../../src/modules/records/handover-record';
import type { PledgeRecordData } from '../../src/modules/records/pledge-record';
import type { RecordParty, RecordSeal, RecordSigner } from '../../src/modules/records/record-parts';

/** Sample data for the record renderers' unit specs: fixed values, so two renders can be compared byte for byte. */
export const hex = (seed: string): string => createHash('sha256').update(seed, 'utf8').digest('hex');

export const SAMPLE_CLUSTER: RecordParty = {
  code: 'bien-gioi-phia-bac',
  name: 'Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc',
};

export const province = (code: string, name: string): RecordParty => ({
  code,
  name: `Liên minh Hợp tác xã tỉnh ${name}`,
});

export function sampleSeal(sealed: boolean, seq = '412'): RecordSeal {
  return {
    digest: hex(`digest ${seq}`),
    digestOf: sealed ? 'seal_document' : 'content',
    ledger: { seq, hash: hex(`ledger ${seq}`), occurredAt: '2011-11-21T03:30:00.000Z' },
    sealed,
  };
}

export function sampleSigner(
  name: string,
  unit: RecordParty | null,
  capacity = 'unit_head',
  seq = '400',
): RecordSigner {
  return {
    name,
    capacity,
    unitName: unit?.name ?? null,
    delegated: false,
    algorithm: 'ed25519',
    keyFingerprint: hex(`key of ${name}`),
    keyRevokedAt: null,
    signedAt: '2011-11-21T03:15:42.000Z',
    ledgerSeq: seq,
  };
}

const PROVINCES: readonly (readonly [string, string])[] = [
  ['son-la', 'Sơn La'],
  ['lai-chau', 'Lai Châu'],
  ['dien-bien', 'Điện Biên'],
  ['ha-giang', 'Hà Giang'],
  ['cao-bang', 'Cao Bằng'],
  ['lao-cai', 'Lào Cai'],
  ['lang-son', 'Lạng Sơn'],
];
export const SAMPLE_UNITS: readonly RecordParty[] = PROVINCES.map(([code, name]) => province(code, name));
const unitOf = (code: string) => SAMPLE_UNITS.find((unit) => unit.code === code)!;

export function samplePledgeRecord(sealed: boolean): PledgeRecordData {
  const units = [...SAMPLE_UNITS].sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    cluster: SAMPLE_CLUSTER,
    issuedAt: '2011-11-21T04:00:00.000Z',
    seal: sampleSeal(sealed, '512'),
    cycle: { id: '7d3c2a4e-0000-4000-8000-000000002012', year: 2012 },
    pledge: {
      id: '0c4f7a9e-0000-4000-8000-000000000001',
      version: 1,
      sharedText:
        'Các Liên minh HTX tỉnh cam kết thi đua hoàn thành thắng lợi nhiệm vụ năm 2012: phát triển hợp tác xã ' +
        'kiểu mới, nâng cao đời sống thành viên, đẩy mạnh tuyên truyền Luật Hợp tác xã.',
      amendmentReason: null,
      rulesVersionNumber: 1,
      sealedAt: sealed ? '2011-11-21T04:00:00.000Z' : null,
    },
    units: units.map((unit, index) => {
      const signedUnit = sealed || index < 2;
      return {
        unit,
        status: signedUnit ? 'signed' : index === 2 ? 'approved' : 'draft',
        signed: signedUnit
          ? {
              digest: hex(`unit pledge ${unit.code}`),
              targets: [
                {
                  position: 1,
                  indicator: 'Số HTX thành lập mới',
                  unitOfMeasure: 'HTX',
                  targetValue: '25.00',
                  baseline: '16.00',
                },
                {
                  position: 2,
                  indicator: 'Số HTX thành viên kết nạp mới',
                  unitOfMeasure: 'HTX',
                  targetValue: '12.00',
                  baseline: null,
                },
                {
                  position: 3,
                  indicator: 'Vốn điều lệ tăng thêm',
                  unitOfMeasure: 'triệu đồng',
                  targetValue: '1269.50',
                  baseline: null,
                },
              ],
              signatures: [
                sampleSigner(
                  `Chủ tịch ${unit.name.replace('Liên minh Hợp tác xã tỉnh ', '')}`,
                  unit,
                  'unit_head',
                  String(480 + index),
                ),
              ],
            }
          : null,
      };
    }),
    countersignatures: sealed ? [sampleSigner('Hoàng Văn Lạng', unitOf('lang-son'), 'cluster_leader_head', '512')] : [],
  };
}

export function sampleHandoverRecord(): HandoverRecordData {
  return {
    cluster: SAMPLE_CLUSTER,
    issuedAt: '2011-11-21T09:00:00.000Z',
    seal: { ...sampleSeal(true, '620'), digestOf: 'signed_document' },
    cycle: { year: 2011 },
    handover: {
      id: '5b1e3c2d-0000-4000-8000-000000000001',
      status: 'completed',
      date: '2011-11-21',
      place: 'Lạng Sơn',
      witnesses: ['Phó Chủ tịch UBND tỉnh Lạng Sơn', 'Phó Chủ tịch Liên minh HTX Việt Nam'],
      releasedAt: '2011-11-21T08:55:00.000Z',
      completedAt: '2011-11-21T09:00:00.000Z',
      cancelledAt: null,
      cancelReason: null,
    },
    flag: { name: 'Cờ luân lưu Cụm thi đua', description: 'Cờ thêu chữ vàng trên nền đỏ' },
    from: unitOf('lang-son'),
    to: unitOf('son-la'),
    election: {
      pollId: '9a8b7c6d-0000-4000-8000-000000000001',
      termYear: 2012,
      poll: {
        title: 'Bầu Cụm trưởng năm 2012',
        certifiedAt: '2011-11-21T07:00:00.000Z',
        countingRecordDigest: hex('digest 600'),
      },
    },
    custody: [
      {
        position: 1,
        state: 'held',
        custodian: unitOf('lang-son').name,
        cause: 'registered',
        startedAt: '2011-01-05T02:00:00.000Z',
      },
      { position: 2, state: 'in_transit', custodian: null, cause: 'released', startedAt: '2011-11-21T08:55:00.000Z' },
      {
        position: 3,
        state: 'held',
        custodian: unitOf('son-la').name,
        cause: 'received',
        startedAt: '2011-11-21T09:00:00.000Z',
      },
    ],
    signatures: [
      sampleSigner('Hoàng Văn Lạng', unitOf('lang-son'), 'outgoing_custodian_head', '618'),
      sampleSigner('Lò Văn Sơn', unitOf('son-la'), 'incoming_leader_head', '620'),
    ],
  };
}

export function sampleCountingRecord(): CountingRecordData {
  const sonLa = unitOf('son-la');
  const dienBien = unitOf('dien-bien');
  return {
    cluster: SAMPLE_CLUSTER,
    issuedAt: '2011-11-21T07:00:00.000Z',
    seal: { ...sampleSeal(true, '600'), digestOf: 'signed_document' },
    cycle: { year: 2011 },
    meeting: {
      title: 'Hội nghị giao ban Cụm thi đua năm 2011',
      heldOn: '2011-11-21',
      place: 'Lạng Sơn',
    },
    poll: {
      id: '9a8b7c6d-0000-4000-8000-000000000001',
      kind: 'leader_election',
      title: 'Bầu Cụm trưởng năm 2012',
      method: 'paper',
      round: 1,
      parentPollId: null,
      awardCategory: null,
      motionText: null,
    },
    certification: { certifiedAt: '2011-11-21T07:00:00.000Z', ledgerSeq: '600' },
    attendance: { members: 7, present: 7 },
    roll: { size: 7, weight: 7, digest: hex('roll') },
    ballots: { cast: 7, valid: 7, invalid: 0, blank: 0, electronic: 0 },
    paper: {
      ballotsIssued: 7,
      sheet: [
        { label: 'Số phiếu phát ra', count: 7 },
        { label: 'Số phiếu thu về', count: 7 },
        { label: `Phiếu cho ${sonLa.name}`, count: 6 },
        { label: `Phiếu cho ${dienBien.name}`, count: 1 },
        { label: 'Phiếu trắng', count: 0 },
        { label: 'Phiếu không hợp lệ', count: 0 },
      ],
      agreeingMembers: ['Nguyễn Thị Kiểm', 'Trần Văn Phiếu'],
      entries: 12,
      corrections: 1,
    },
    options: [
      { unit: sonLa, label: sonLa.name, votes: 6, passes: true, winner: true, runoff: false },
      { unit: dienBien, label: dienBien.name, votes: 1, passes: false, winner: false, runoff: false },
    ],
    result: {
      outcome: 'elected',
      winners: [sonLa.name],
      runoff: [],
      threshold: 0.5,
      base: { kind: 'all_members', value: 7 },
      votesNeeded: 3.5,
      quorum: { required: 2 / 3, members: 7, present: 7, met: true },
      unresolvedTie: null,
    },
    tieBreaks: [],
    drawSeed: null,
    drawSeedLedgerSeq: null,
    bulletinDigest: null,
    board: ['Nguyễn Thị Kiểm', 'Trần Văn Phiếu', 'Đặng Thị Ước'],
    signatures: [
      sampleSigner('Nguyễn Thị Kiểm', null, 'counting_board', '597'),
      sampleSigner('Trần Văn Phiếu', null, 'counting_board', '598'),
      sampleSigner('Đặng Thị Ước', null, 'counting_board', '599'),
      sampleSigner('Phạm Thu Ký', null, 'secretariat', '599'),
    ],
  };
}
