import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Who burns the CPU during a load run, from /proc (Linux; elsewhere every figure is null): the
 * whole machine, and given processes (the PostgreSQL backends serving the bench database).
 * On a 2-core box shared by the service, PostgreSQL and the load generator, the split of CPU
 * per ballot is what says where a ballot's time goes.
 */
const linux = existsSync('/proc/stat');
const ticksPerSecond = (() => {
  if (!linux) return 100;
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface MachineCpu {
  busyMs: number;
  totalMs: number;
}

/** CPU time of all cores since boot: busy (user, nice, system, irq, softirq, steal) and total. */
export function machineCpu(): MachineCpu | null {
  if (!linux) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
  const toMs = (ticks: number) => (ticks * 1000) / ticksPerSecond;
  return {
    busyMs: toMs(user + nice + system + irq + softirq + (steal ?? 0)),
    totalMs: toMs(user + nice + system + idle + (iowait ?? 0) + irq + softirq + (steal ?? 0)),
  };
}

/** User + system CPU of each of these processes that is readable here, in ms. */
export function processesCpuMs(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (!linux) return out;
  for (const pid of pids) {
    try {
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(after[11]) + Number(after[12]); // utime, stime (fields 14 and 15)
      out.set(pid, (ticks * 1000) / ticksPerSecond);
    } catch {
      // The process ended or is not readable (a server on another machine).
    }
  }
  return out;
}

/** CPU the processes seen both times used in between; null when none was (a remote server). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number | null {
  let sum = 0;
  let seen = 0;
  for (const [pid, ms] of after) {
    const was = before.get(pid);
    if (was === undefined) continue;
    sum += ms - was;
    seen += 1;
  }
  return seen === 0 ? null : sum;
}
