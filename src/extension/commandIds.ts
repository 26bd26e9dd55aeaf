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
} as const;
