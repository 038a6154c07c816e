import { registerAs } from '@nestjs/config';

export interface LiveConfig {
  /** How often a meeting's stream checks whether the open polls' turnout moved. */
  turnoutIntervalMs: number;
  /** How often a quiet stream sends `ping`, so that proxies and phones keep it open. */
  heartbeatMs: number;
  /** The reconnection delay suggested to EventSource-style clients. */
  retryMs: number;
}

export function readLiveConfig(env: NodeJS.ProcessEnv = process.env): LiveConfig {
  return {
    turnoutIntervalMs: Number(env.LIVE_TURNOUT_INTERVAL_MS ?? 2000),
    heartbeatMs: Number(env.LIVE_HEARTBEAT_MS ?? 15_000),
    retryMs: 3000,
  };
}

export const liveConfig = registerAs('live', () => readLiveConfig());
