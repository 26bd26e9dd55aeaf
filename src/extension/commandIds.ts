// Command ids (package.json contributes.commands).
export const COMMANDS = {
  openGraph: 'pipelineLens.openGraph',
  analyzeWorkspace: 'pipelineLens.analyzeWorkspace',
  insertLoadAnnotation: 'pipelineLens.insertLoadAnnotation',
  exportReport: 'pipelineLens.exportReport',
  openExample: 'pipelineLens.openExample',
  showStatus: 'pipelineLens.showStatus',
  importMeasuredLoad: 'pipelineLens.importMeasuredLoad',
  generateFromDesign: 'pipelineLens.generateFromDesign',
  newPipeline: 'pipelineLens.newPipeline',
  openLoadSettings: 'pipelineLens.openLoadSettings',
  insertBufferQueue: 'pipelineLens.insertBufferQueue',
  openWorkspaceGraph: 'pipelineLens.openWorkspaceGraph',
} as const;

/** Internal (not in the palette): applies a quick fix for the document version it was offered for. */
export const APPLY_FIX_COMMAND = 'pipelineLens.applyFix';
