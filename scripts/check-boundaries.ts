// `npm run boundaries`: the module boundaries of issue 14 in one command (decision 038).
// Runs dependency-cruiser with .dependency-cruiser.cjs, compares its violations with the known
// baseline (.dependency-cruiser-known-violations.json), runs the table-owner check, prints the
// figures, and fails on a violation that is not in a baseline or on a baseline entry that no longer
// happens (the baselines only shrink: remove what was fixed). `npm run boundaries -- --shrink` writes
// the baselines down to what remains after a fix; it never adds an entry or raises a count.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkTableOwners,
  printTableOwners,
  tableOwnersBaselinePath,
  type ForeignTablePlaces,
} from './check-table-owners';
import { checkModuleGraph, type CruisedModule } from './module-graph';

const root = join(__dirname, '..');
const knownViolationsPath = join(root, '.dependency-cruiser-known-violations.json');

interface Violation {
  type: string;
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

const key = (v: Violation): string => `${v.rule.name} ${v.from} → ${v.to}`;

function cruise(): { violations: Violation[]; modules: CruisedModule[] } {
  const output = execFileSync(
    join(root, 'node_modules', '.bin', 'depcruise'),
    ['src', 'web/src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  );
  const result = JSON.parse(output) as { summary: { violations: Violation[] }; modules: CruisedModule[] };
  return { violations: result.summary.violations, modules: result.modules };
}

/** Lowers both baselines to what still happens; what is new stays a failure. */
function shrinkBaselines(violations: Violation[]): void {
  const current = new Set(violations.map(key));
  const known = JSON.parse(readFileSync(knownViolationsPath, 'utf8')) as Violation[];
  writeFileSync(
    knownViolationsPath,
    `${JSON.stringify(
      known.filter((v) => current.has(key(v))),
      null,
      2,
    )}\n`,
  );
  const places = new Map(checkTableOwners().places.map((entry) => [`${entry.file} ${entry.table}`, entry.places]));
  const tables = JSON.parse(readFileSync(tableOwnersBaselinePath, 'utf8')) as ForeignTablePlaces[];
  const lowered = tables
    .map((entry) => ({ ...entry, places: Math.min(entry.places, places.get(`${entry.file} ${entry.table}`) ?? 0) }))
    .filter((entry) => entry.places > 0);
  writeFileSync(tableOwnersBaselinePath, `${JSON.stringify(lowered, null, 2)}\n`);
}

function main(): void {
  const { violations, modules } = cruise();
  if (process.argv.includes('--shrink')) shrinkBaselines(violations);
  const known = new Set((JSON.parse(readFileSync(knownViolationsPath, 'utf8')) as Violation[]).map(key));
  const current = new Set(violations.map(key));
  const added = [...current].filter((v) => !known.has(v)).sort();
  const stale = [...known].filter((v) => !current.has(v)).sort();

  const perRule = new Map<string, number>();
  for (const v of violations) perRule.set(v.rule.name, (perRule.get(v.rule.name) ?? 0) + 1);
  const count = (rule: string): number => perRule.get(rule) ?? 0;
  console.log(`deep imports between modules: ${count('no-deep-import-between-modules')}`);
  console.log(`  of which an entity of another module: ${count('entities-private-to-their-module')}`);
  console.log(`module dependencies on a cycle: ${count('no-cycle-between-modules')}`);
  console.log(`src/common importing a module: ${count('common-never-imports-a-module')}`);
  console.log(
    `web/ importing src/ beyond api-client and verifier: ${count('web-reaches-the-service-only-through-its-client')}`,
  );
  for (const v of added) console.log(`  NEW  ${v}`);
  for (const v of stale) console.log(`  STALE  ${v} — remove it from .dependency-cruiser-known-violations.json`);

  const tables = checkTableOwners();
  printTableOwners(tables);

  const graphCurrent = checkModuleGraph(modules, process.argv.includes('--write-graph'));
  if (!graphCurrent) console.log('  STALE  docs/module-graph.md — run `npm run boundaries -- --write-graph`');

  const failures = added.length + stale.length + tables.added.length + tables.stale.length + (graphCurrent ? 0 : 1);
  console.log(failures === 0 ? 'boundaries: nothing new beyond the baselines' : `boundaries: ${failures} problem(s)`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main();
