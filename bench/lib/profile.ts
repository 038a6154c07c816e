import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const post = <T>(session: Session, method: string, params?: object) =>
  new Promise<T>((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );

/**
 * A sampling CPU profile of this process (the service) while `work` runs, written as a
 * .cpuprofile (Chrome DevTools) and summarised: self time by package or source folder, and the
 * hottest functions. Off unless BENCH_ELECTIONS_PROFILE names the file.
 */
export async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    console.log(`\nCPU profile of the service process: ${file}\n${summarise(profile)}\n`);
  }
}

/**
 * The parts of a request, for a sample's stage: the innermost frame on its stack that matches one
 * of these decides (a socket write under pg is the PostgreSQL client's, under http the response's).
 */
const STAGES: [string, RegExp][] = [
  ['PostgreSQL client (pg, its socket I/O)', /node_modules\/(pg|pg-pool|pg-protocol)\/|prepared-query/],
  [
    'JWT check (fast-jwt; before: passport, jsonwebtoken)',
    /node_modules\/(fast-jwt|passport|passport-jwt|jsonwebtoken|jws|jwa|@nestjs\/passport)\/|auth\.guards|access-token\.verifier|jwt\.strategy/,
  ],
  [
    'validation pipe (class-transformer, class-validator)',
    /node_modules\/(class-validator|class-transformer)\/|@nestjs\/common\/pipes/,
  ],
  ['helmet headers', /node_modules\/(helmet|@fastify\/helmet)\//],
  ['request logging (nestjs-pino, pino-http, middie)', /node_modules\/(pino|pino-http|nestjs-pino|@fastify\/middie)\//],
  ['ballot handler (hashes, choice)', /src\/modules\/elections\//],
  ['HTTP response (serialise, write)', /_http_outgoing|fastify\/lib\/reply|fast-json-stringify/],
  [
    'HTTP request (parse, route, body)',
    /_http_server|_http_common|find-my-way|fastify\/lib\/(route|handleRequest|contentTypeParser)|secure-json-parse/,
  ],
  [
    'Nest pipeline (router, guards, interceptors)',
    /node_modules\/(@nestjs\/core|@nestjs\/platform-fastify|rxjs)\/|src\/common\//,
  ],
  ['garbage collector', /^\(garbage collector\)/],
];

/** Where a frame's code lives: a package, a folder of src/, Node itself, or V8's own buckets. */
function bucketOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const path = relative(process.cwd(), url.replace(/^file:\/\//, ''));
  const parts = path.split('/');
  return parts[0] === 'src' ? parts.slice(0, Math.min(3, parts.length - 1)).join('/') : parts[0];
}

export function summarise(profile: CpuProfile, top = 15): string {
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1);
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const add = (map: Map<string, number>, key: string, hits: number) => map.set(key, (map.get(key) ?? 0) + hits);
  const stages = new Map<string, number>();
  const stageOf = (node: ProfileNode): string => {
    for (let at: ProfileNode | undefined = node; at; at = parent.get(at.id)) {
      const frame = `${at.callFrame.functionName}@${at.callFrame.url}`;
      const stage = STAGES.find(([, pattern]) => pattern.test(frame));
      if (stage) return stage[0];
    }
    return 'other (Node core, Fastify hooks, promises)';
  };
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const bucket = bucketOf(url, functionName);
    add(buckets, bucket, hits);
    add(functions, `${functionName || '(anonymous)'} ${bucket}${url ? `:${lineNumber + 1}` : ''}`, hits);
    if (functionName !== '(idle)') add(stages, stageOf(node), hits);
  }
  const busy = total - (buckets.get('(idle)') ?? 0);
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .filter(([key]) => key !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, hits]) => `  ${((hits / busy) * 100).toFixed(1).padStart(5)}%  ${key}`);
  return [
    `busy ${((busy * interval) / 1000).toFixed(0)} ms of ${((total * interval) / 1000).toFixed(0)} ms sampled; by part of the request:`,
    ...rows(stages),
    'self time by place:',
    ...rows(buckets),
    'hottest functions (self time):',
    ...rows(functions),
  ].join('\n');
}
