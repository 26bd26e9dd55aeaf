// Command ids (package.json contributes.commands).
export const COMMANDS = {
  openGraph: 'pipelineLens.openGraph',
  analyzeWorkspace: 'pipelineLens.analyzeWorkspace',
  insertLoadAnnotation: 'pipelineLens.insertLoadAnnotation',
  exportReport: 'pipelineLens.exportReport',
  openExample: 'pipelineLens.openExample',
  showStatus: 'pipelineLens.showStatus',
  openWorkspaceGraph: 'pipelineLens.openWorkspaceGraph',
} as const;
