/** Query keys of the flag area: a change to a handover re-reads the flag and its chain. */
export const flagKeys = {
  all: ['flag'] as const,
  ofCluster: (clusterId: string) => ['flag', 'cluster', clusterId] as const,
  custody: (flagId: string) => ['flag', flagId, 'custody'] as const,
  handover: (handoverId: string) => ['flag', 'handover', handoverId] as const,
};
