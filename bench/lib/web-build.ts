import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { onCleanup } from './cleanup';

const root = resolve(__dirname, '..', '..');

/** One entry of Vite's build manifest (`.vite/manifest.json`), as far as the bench reads it. */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** The web app built for the bench: its directory (served by the service), manifest and file sizes. */
export interface WebBuild {
  dir: string;
  manifest: Record<string, ManifestChunk>;
  /** Raw and gzipped bytes of a built file, by its path in the build (`assets/index-….js`). */
  size(file: string): { raw: number; gzip: number } | undefined;
  /** The manifest's chunk that produced a built file (its `src`, or its name), for the report. */
  origin(file: string): string;
  /** Minified bytes per source package of a built JS file, from its source map (see `attribute`). */
  packages(file: string): PackageWeight[];
  dispose(): Promise<void>;
}

export interface PackageWeight {
  name: string;
  raw: number;
  /** gzip of this package's code alone: an estimate (what it shares with its neighbours is lost). */
  gzip: number;
}

/**
 * `npm run build -w web` (type check, then `vite build`) into a directory of the bench's own, with
 * Vite's manifest and hidden source maps: the JS and CSS are byte for byte what `npm run build`
 * puts in web/dist (a hidden map adds no comment), and web/dist — which the browser tests and
 * `npm start` serve — is left alone.
 */
export function buildWebApp(): WebBuild {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-web-bench-'));
  const remove = onCleanup(`web build ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const result = spawnSync(
    'npm',
    ['run', 'build', '-w', 'web', '--', '--outDir', dir, '--emptyOutDir', '--manifest', '--sourcemap', 'hidden'],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    void remove();
    throw new Error(`Building web/ failed:\n${result.stdout}\n${result.stderr}`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const sizes = new Map<string, { raw: number; gzip: number }>();
  return {
    dir,
    manifest,
    size(file) {
      const path = join(dir, file);
      if (!path.startsWith(dir) || !existsSync(path)) return undefined;
      if (!sizes.has(file)) {
        const bytes = readFileSync(path);
        // zlib's default level (6), as @fastify/compress, nginx with gzip_comp_level 6 or a CDN send it.
        sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
      }
      return sizes.get(file);
    },
    origin(file) {
      for (const [key, chunk] of Object.entries(manifest)) {
        if (chunk.file === file) return chunk.src ?? chunk.name ?? key;
        if (chunk.css?.includes(file)) return `${chunk.src ?? chunk.name ?? key} (its CSS)`;
      }
      return '(not in the manifest)';
    },
    packages(file) {
      const mapPath = join(dir, `${file}.map`);
      if (!existsSync(mapPath)) return [];
      return attribute(readFileSync(join(dir, file), 'utf8'), JSON.parse(readFileSync(mapPath, 'utf8')) as SourceMap);
    },
    dispose: remove,
  };
}

interface SourceMap {
  sources: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 VLQ fields of one source-map segment (the spec's encoding: 5 bits a digit, sign in bit 0). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** `…/node_modules/@scope/name/…` → `@scope/name`; `…/node_modules/name/…` → `name`; else the app's own code. */
function packageOf(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return source.includes('/src/') || source.startsWith('src/') ? 'web/src (the app)' : source;
  const parts = source.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

const UNMAPPED = '(unmapped: JSON imports such as the messages, bundler glue)';

/**
 * Which package each byte of a minified file came from: every mapped segment of the generated code
 * (from its column to the next segment's) is charged to its source's package; code without a
 * mapping to UNMAPPED: Vite maps no JSON import (the i18n message files are most of it) nor its
 * own glue (the module preload helper, the interop shims). What source-map-explorer does.
 */
export function attribute(code: string, map: SourceMap): PackageWeight[] {
  const pieces = new Map<string, string[]>();
  const charge = (name: string, text: string) => {
    if (!text) return;
    if (!pieces.has(name)) pieces.set(name, []);
    pieces.get(name)!.push(text);
  };
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((mappingLine, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    let previous: { column: number; owner: string } = { column: 0, owner: UNMAPPED };
    for (const segment of mappingLine.split(',')) {
      if (!segment) continue;
      const fields = decodeSegment(segment);
      column += fields[0];
      charge(previous.owner, line.slice(previous.column, column));
      let owner = UNMAPPED;
      if (fields.length >= 4) {
        source += fields[1];
        owner = packageOf(map.sources[source] ?? '');
      }
      previous = { column, owner };
    }
    charge(previous.owner, line.slice(previous.column) + '\n');
  });
  return [...pieces.entries()]
    .map(([name, texts]) => {
      const text = texts.join('');
      return { name, raw: Buffer.byteLength(text), gzip: gzipSync(text).length };
    })
    .sort((a, b) => b.raw - a.raw);
}
