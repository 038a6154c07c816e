const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses "900", "15m", "30d" into seconds; the env validator has already checked the shape. */
export function durationToSeconds(value: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(value.trim());
  if (!match) throw new Error(`Not a duration: ${value}`);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}
