import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** A scope choice remembered on this device (the console's cluster and year, the portal's unit and year). */
export function storedScope<T extends object>(key: string): Partial<T> {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(key) ?? '{}') as Partial<T>;
  } catch {
    return {};
  }
}

export function rememberScope(key: string, value: object): void {
  globalThis.localStorage?.setItem(key, JSON.stringify(value));
}

/** The cluster's years, newest first (the scope bars' list; invalidated by the year screen). */
export function useClusterCycles(clusterId: string | undefined) {
  return useQuery({
    queryKey: ['clusters', clusterId, 'cycles'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/clusters/{clusterId}/cycles', {
          params: { path: { clusterId: clusterId! }, query: { pageSize: 100, sort: '-year' } },
        }),
      ),
    enabled: Boolean(clusterId),
  });
}
