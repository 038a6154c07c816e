import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { deviceKeysOf, type DeviceKey } from './device-keys';

export type RegisteredKey = Schemas['SigningKeyResponseDto'];

/** A registered key and, when this device holds its private half, that half. */
export interface KeyOnRecord extends RegisteredKey {
  device?: DeviceKey;
}

export const MY_KEYS = ['me', 'signing-keys'] as const;

/**
 * The person's registered keys (newest first), each joined with the private key this device holds
 * for it, if any. `usable` are those that can sign here now: on this device and not revoked.
 */
export function useMyKeys(): {
  keys: KeyOnRecord[];
  usable: KeyOnRecord[];
  isLoading: boolean;
  error: unknown;
  refresh: () => Promise<void>;
} {
  const { me } = useSession();
  const userId = me?.user.id;
  const client = useQueryClient();
  const registered = useQuery({
    queryKey: [...MY_KEYS, 'registered'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/me/signing-keys', { params: { query: { pageSize: 100, sort: '-registeredAt' } } })),
  });
  const device = useQuery({
    queryKey: [...MY_KEYS, 'device', userId],
    queryFn: () => deviceKeysOf(userId!),
    enabled: Boolean(userId),
  });
  const onDevice = new Map((device.data ?? []).map((key) => [key.keyId, key]));
  const keys = (registered.data?.items ?? []).map((key) => ({ ...key, device: onDevice.get(key.id) }));
  return {
    keys,
    usable: keys.filter((key) => key.device && !key.revokedAt),
    isLoading: registered.isLoading || device.isLoading,
    error: registered.error ?? device.error,
    refresh: () => client.invalidateQueries({ queryKey: MY_KEYS }),
  };
}
