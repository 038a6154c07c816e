import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../format/format';
import type { BundleIssue } from './check-bundle';
import type { BundleSignature, BundleView } from './bundle-view';

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, as a record prints a signing time. */
export function formatSigningTime(value: string): string {
  if (Number.isNaN(Date.parse(value))) return value;
  const [time] = formatDateTime(value).split(' ');
  return `${formatDate(value)} ${time}`;
}

const KINDS = ['unit_pledge', 'pledge_seal', 'counting_record', 'handover_record'];
const CAPACITIES = [
  'unit_head',
  'cluster_leader_head',
  'outgoing_custodian_head',
  'incoming_leader_head',
  'secretariat',
  'counting_board',
];

export function kindName(t: TFunction, kind: string | undefined): string {
  return KINDS.includes(kind ?? '') ? t(`verify.kind.${kind}`) : t('verify.kind.other', { kind: kind ?? '?' });
}

const shortId = (id: string) => (id.length > 16 ? `${id.slice(0, 12)}…` : id);

/** "Head of <unit>" and, under a delegation, from whom and for which window. */
export function capacityOf(t: TFunction, signature: BundleSignature, view: BundleView): string[] {
  const unit = signature.unitId
    ? (view.names.get(signature.unitId) ?? t('verify.capacity.unknownUnit', { id: shortId(signature.unitId) }))
    : '';
  const capacity = CAPACITIES.includes(signature.capacity)
    ? t(`verify.capacity.${signature.capacity}`, { unit })
    : t('verify.capacity.other', { capacity: signature.capacity });
  const delegation = signature.delegationId ? view.delegations.find((d) => d.id === signature.delegationId) : undefined;
  if (!delegation) return [capacity];
  const delegator =
    view.signatures.find((s) => s.signerId === delegation.delegatorId)?.signerName || t('verify.capacity.theHead');
  return [
    capacity,
    t('verify.capacity.delegated', {
      delegator,
      from: formatSigningTime(delegation.validFrom),
      to: formatSigningTime(delegation.validTo),
    }),
  ];
}

/** One problem of the verdict as a sentence in the reader's language. */
export function issueSentence(t: TFunction, issue: BundleIssue, view: BundleView): string {
  const p = issue.params;
  const document = view.documents.find((d) => d.id === p.documentId);
  const sentence = t(`verify.issue.${issue.kind}`, {
    ...p,
    kindName: kindName(t, document?.kind ?? p.kind),
    short: p.fingerprint ? `${p.fingerprint.slice(0, 16)}…` : '',
    signedAtText: p.signedAt ? formatSigningTime(p.signedAt) : '',
    revokedAtText: p.revokedAt ? formatSigningTime(p.revokedAt) : '',
  });
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
