// The registry module's front door (issue 14): what other modules may import from it — facts about
// clusters, member units, memberships and leadership terms, read (and a term recorded) in the
// caller's transaction, and the reader's scope the read policies decide from.
export { RegistryException } from './registry.exception';
export {
  currentMemberCodes,
  currentMemberUnits,
  currentMembersOfClusters,
  currentClusterIdsOfUnits,
  currentClustersOfUnits,
  currentMembersAmong,
  lockUnit,
  type UnitCluster,
  isCurrentMember,
  unitExists,
  type MemberUnit,
  unitRefs,
  type UnitRef,
} from './current-membership';
export { loadReaderScope, type ReaderScope } from './reader-scope';
export { clusterRef, clusterRefs, type ClusterLock, type ClusterRef, lockCluster } from './cluster-facts';
export {
  leadersOfTerms,
  leadershipFacts,
  type LeadershipFacts,
  type LeadershipRole,
  type LeadershipToRecord,
  recordLeadership,
  termLeader,
  type TermLeader,
} from './leadership-facts';
