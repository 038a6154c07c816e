import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';

/**
 * What a reader's mandates in force give them to read in the ledger (docs/read-model.md). The
 * registry's ReaderScope is one: the registry registers its loader (LedgerService.readScopesWith),
 * because the ledger is the lowest module, which every other writes to, and imports none (issue 14).
 */
export interface LedgerReader {
  userId: string;
  admin: boolean;
  secretariatClusterIds: string[];
  /** The units in which the reader holds a mandate now. */
  unitIds: string[];
  /** The clusters the reader's units are members of today. */
  memberClusterIds: string[];
  /** The units that are members today of the clusters the reader serves as secretariat. */
  secretariatUnitIds: string[];
}

export type LedgerReaderLoader = (manager: EntityManager, actor: Actor) => Promise<LedgerReader>;
