// The rules core: pure functions, no I/O. Runs the same in the browser, the server and the CLI.
export * from './types';
export { formatCitation, regimeName } from './citation';
export { evaluate, normalizeFacts, classifyFacts, migrateFacts } from './evaluate';
export {
	loadLibrary,
	parseFolder,
	compileRuleSet,
	formatLoadError,
	formatLoadWarning
} from './load';
export type { SourceFile } from './load';
export { runGoldenCase, runGoldenCases, runProcedureCase } from './golden';
export { coverage } from './coverage';
export type { CoverageReport, CriterionCoverage } from './coverage';
export type { GoldenReport } from './golden';
export { selectRuleSet, today } from './select';
export { procedureFor } from './procedure';
export { sectionApplies, firedIds } from './sections';
export type { ProcedureInfo } from './procedure';
export { canonicalJson, sha256Hex } from './hash';
export { hashMatches } from './hash-match';
export { impact, impactBetween, impactOf, projectFacts } from './impact';
export { releaseNote } from './release-note';
export type { StoredClassification, ImpactRow, ImpactReport, ImpactChange } from './impact';
export {
	checkTiling,
	checkPublished,
	parsePublished,
	withRevisions,
	addDays,
	declaredEnd,
	resolveEnds,
	PUBLISHED_FILE
} from './versions';
export { revisionOf, currentRevision, correctionsSince, touchesProcedure } from './corrections';
export type { PublishedEntry } from './versions';
export { diffRuleSets, formatCondition, DIFF_SECTIONS } from './diff';
export type { RuleSetDiff, Change, FieldChange, DiffSection, ChangeKind } from './diff';
export { provisionDate, transitionStatus } from './transition';
export type {
	TransitionStatus,
	TransitionInput,
	TransitionAction,
	TransitionReason,
	TransitionProvision
} from './transition';
export { parseTimeline, runTimeline, runTimelineCase, TIMELINE_FILE } from './timeline';
export type { TimelineCase, TimelineResult } from './timeline';
export { normalizeRouting, routeFor } from './routing';
export { dataMutants, mutationReport, killed } from './mutate';
export type { DataMutant, MutantKind, MutationReport } from './mutate';
