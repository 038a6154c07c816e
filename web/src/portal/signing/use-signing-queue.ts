import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { usePortalScope } from '../portal-scope';
import { useCountingRecords, type CountingRecordItem } from './use-counting-records';

type Pledge = Schemas['PledgeResponseDto'];
type Handover = Schemas['FlagHandoverResponseDto'];

export interface PledgeItem {
  kind: 'pledge';
  pledge: Pledge;
  unit: Pledge['units'][number];
}

export interface HandoverItem {
  kind: 'handover';
  handover: Handover;
  step: 'release' | 'receipt';
}

/**
 * The documents to sign in the chosen year. For a head, the unit's: its part of the current pledge,
 * and the flag handover record when the unit hands the flag over (release) or receives it (receipt).
 * For anyone on a counting board (a delegate or a head): the counting records of that board.
 */
export function useSigningQueue() {
  const { unit, cycle, clusterId, hasRole } = usePortalScope();
  const isHead = hasRole('head');
  const countingRecords = useCountingRecords();
  const pledges = useQuery({
    queryKey: ['cycles', cycle?.id, 'pledges'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cycles/{cycleId}/pledges', {
          params: { path: { cycleId: cycle!.id }, query: { pageSize: 100 } },
        }),
      ),
    enabled: Boolean(cycle) && isHead,
  });
  const flag = useQuery({
    queryKey: ['clusters', clusterId, 'flag'],
    queryFn: () => unwrap(api.GET('/api/v1/clusters/{id}/flag', { params: { path: { id: clusterId! } } })),
    enabled: Boolean(clusterId) && isHead,
    retry: false,
  });
  const handoverId = flag.data?.openHandoverId ?? undefined;
  const handover = useQuery({
    queryKey: ['flag-handovers', handoverId],
    queryFn: () => unwrap(api.GET('/api/v1/flag-handovers/{id}', { params: { path: { id: handoverId! } } })),
    enabled: Boolean(handoverId),
  });

  const items: (PledgeItem | HandoverItem | CountingRecordItem)[] = [];
  const current = pledges.data?.items.find((pledge) => pledge.current);
  const mine = current?.units.find((item) => item.unit.id === unit?.id);
  if (current && mine) items.push({ kind: 'pledge', pledge: current, unit: mine });
  const open = handover.data;
  if (open && open.cycleId === cycle?.id) {
    if (open.status === 'opened' && open.from.id === unit?.id)
      items.push({ kind: 'handover', handover: open, step: 'release' });
    if (open.status === 'released' && open.to.id === unit?.id)
      items.push({ kind: 'handover', handover: open, step: 'receipt' });
  }
  items.push(...countingRecords.items);
  return {
    items,
    isLoading: pledges.isLoading || handover.isLoading || countingRecords.isLoading,
    error: pledges.error ?? handover.error ?? countingRecords.error,
  };
}
