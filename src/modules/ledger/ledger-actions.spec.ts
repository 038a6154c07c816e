import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_LEDGER_ACTIONS, LEDGER_ACTIONS, type LedgerAction, type LedgerModule } from './ledger-actions';

/** The list in docs/read-model.md, per module, as written between its two markers. */
function documentedActions(): Map<string, string[]> {
  const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'read-model.md'), 'utf8');
  const block = /<!-- ledger-actions:start -->([\s\S]*?)<!-- ledger-actions:end -->/.exec(doc)?.[1] ?? '';
  const perModule = new Map<string, string[]>();
  for (const [, module, actions] of block.matchAll(/^- \*\*(\w+)\*\*: (.+)$/gm)) {
    perModule.set(
      module,
      [...actions.matchAll(/`([^`]+)`/g)].map((m) => m[1]),
    );
  }
  return perModule;
}

describe('LEDGER_ACTIONS', () => {
  it('is the list docs/read-model.md documents, module by module and in the same order', () => {
    const documented = documentedActions();
    expect([...documented.keys()]).toEqual(Object.keys(LEDGER_ACTIONS));
    for (const module of Object.keys(LEDGER_ACTIONS) as LedgerModule[]) {
      expect(documented.get(module)).toEqual([...LEDGER_ACTIONS[module]]);
    }
  });

  it('names each action once, under the module it starts with', () => {
    expect(new Set(ALL_LEDGER_ACTIONS).size).toBe(ALL_LEDGER_ACTIONS.length);
    for (const [module, actions] of Object.entries(LEDGER_ACTIONS)) {
      for (const action of actions) expect(action).toMatch(new RegExp(`^${module}\\.[a-z_]+$`));
    }
  });

  it('refuses a misspelt action at compile time (tsc checks the expect-error below)', () => {
    // @ts-expect-error — not an action: a typo passed to LedgerService.append fails the typecheck
    const misspelt: LedgerAction = 'registry.cluster_craeted';
    expect(ALL_LEDGER_ACTIONS).not.toContain(misspelt);
  });
});
