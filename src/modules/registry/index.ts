// The registry module's front door (issue 14): what other modules may import from it — facts about
// clusters, member units and memberships, read in the caller's transaction. It grows as the module
// is reworked; today other modules still reach some internals (see the baseline).
export { RegistryException } from './registry.exception';
export {
  currentClusterIdsOfUnit,
  currentMemberCodes,
  currentMemberUnits,
  currentMembersOfClusters,
  currentClusterIdsOfUnits,
  currentMembershipSql,
  isCurrentMember,
  unitExists,
  type MemberUnit,
  unitRefs,
  type UnitRef,
} from './current-membership';
export { leaderOf } from './leader-of';
export { loadReaderScope, type ReaderScope } from './reader-scope';
export { clusterRef, clusterRefs, type ClusterRef } from './cluster-facts';
export { leadershipFacts, type LeadershipFacts, termLeader, type TermLeader } from './leadership-facts';
export { clusterExists } from './cluster-exists';
export { currentClustersOfUnits, lockUnit, type UnitCluster } from './unit-clusters';
export { lockCluster, type ClusterLock } from './cluster-lock';
export { leadersOfTerms, type LeadershipRole, type LeadershipToRecord, recordLeadership } from './leadership-terms';
export { currentMembersAmong } from './current-members-among';
