// Command ids (package.json contributes.commands).
export const COMMANDS = {
  openGraph: 'pipelineLens.openGraph',
  analyzeWorkspace: 'pipelineLens.analyzeWorkspace',
  insertLoadAnnotation: 'pipelineLens.insertLoadAnnotation',
  exportReport: 'pipelineLens.exportReport',
  openExample: 'pipelineLens.openExample',
  showStatus: 'pipelineLens.showStatus',
  openLoadSettings: 'pipelineLens.openLoadSettings',
} as const;
