// The workspace room (DESIGN.md "Growing the house"): per-file analyses -> one joined pipeline.
export { Workspace, type JoinedWorkspace, type WorkspaceOptions, type FileOptions } from './workspace';
export type { Join, Ambiguity, NodeHandle } from './join';
export type { JoinVia } from './references';
export type { WorkspaceGraph, WorkspaceGraphEdge, WorkspaceGraphNode } from './workspaceGraph';
export type { PipelineTotal } from './totals';
export { spanFile, type FileSpan } from './view';
export { cdkStackNames } from './cdkManifest';
export { samConfigStackName, samConfigFormat, SAM_TEMPLATE_NAMES } from './samConfig';
export { mergedGraphInput, type MergedGraphInput } from './mergedInput';
// The graph layout (elkjs) is imported from './layout' by the callers that draw, so `check` never loads it.
