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
  /** Runs after a quick fix's edit (no effect): the walkthrough's step completes on it. */
  quickFixApplied: 'pipelineLens.quickFixApplied',
  openWorkspaceGraph: 'pipelineLens.openWorkspaceGraph',
} as const;
