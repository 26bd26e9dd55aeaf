// Entry of the dist/workspaceGraph.js bundle: the extension requires it when the workspace graph is first opened,
// so activation never loads the parser, the rules or elkjs that joining and drawing the workspace need.
export { WorkspaceGraphPanel } from './workspaceGraphPanel';
