// The module diagram of docs/module-graph.md, generated from the code's imports (issue 14): one node
// per src/modules/<m>, one arrow per module that imports another (through its front door), with
// the number of files importing. `npm run boundaries` checks that the committed diagram is the
// code's; `npm run boundaries -- --write-graph` rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const moduleGraphPath = join(__dirname, '..', 'docs', 'module-graph.md');

export interface CruisedModule {
  source: string;
  dependencies: { resolved: string }[];
}

const moduleOf = (path: string): string | undefined => /^src\/modules\/([^/]+)\//.exec(path)?.[1];

/** module → module it imports → how many of its files import it. */
export function moduleEdges(modules: CruisedModule[]): Map<string, Map<string, number>> {
  const edges = new Map<string, Map<string, number>>();
  for (const file of modules) {
    const from = moduleOf(file.source);
    if (!from || file.source.endsWith('.spec.ts')) continue;
    const targets = new Set(file.dependencies.map((d) => moduleOf(d.resolved)).filter((m) => m && m !== from));
    const out = edges.get(from) ?? new Map<string, number>();
    for (const to of targets) out.set(to!, (out.get(to!) ?? 0) + 1);
    edges.set(from, out);
  }
  return edges;
}

export function renderModuleGraph(edges: Map<string, Map<string, number>>): string {
  const names = [...edges.keys()].sort();
  const lines = [
    '# The modules and what each imports',
    '',
    'Generated from the imports by `npm run boundaries -- --write-graph` (CI fails when it is not the',
    "code's): an arrow `a --> b` means files of module `a` import module `b`'s front door",
    '(`src/modules/b/index.ts`); the number is how many files of `a` do. Tests are left out. No module',
    'reaches another one any other way, and the graph has no cycle ([architecture](architecture.md#module-boundaries)).',
    '',
    '```mermaid',
    'flowchart LR',
    ...names.flatMap((from) =>
      [...edges.get(from)!]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([to, files]) => `  ${from} -->|${files}| ${to}`),
    ),
    ...names.filter((m) => edges.get(m)!.size === 0 && ![...edges.values()].some((e) => e.has(m))).map((m) => `  ${m}`),
    '```',
    '',
  ];
  return lines.join('\n');
}

/** Whether docs/module-graph.md is the code's diagram; with `write`, makes it so. */
export function checkModuleGraph(modules: CruisedModule[], write: boolean): boolean {
  const wanted = renderModuleGraph(moduleEdges(modules));
  if (write) writeFileSync(moduleGraphPath, wanted);
  let current = '';
  try {
    current = readFileSync(moduleGraphPath, 'utf8');
  } catch {
    current = '';
  }
  return current === wanted;
}
