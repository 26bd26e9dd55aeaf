// While the workspace is joined (the workspace graph is open), the findings that only the joined model has (a
// consumer over its producer's shards, a queue whose consumer lives elsewhere...) show in the Problems view too,
// with related locations in the other files. The single-file diagnostics stay as they are.
import * as vscode from 'vscode';
import { ruleDocsUrl } from '../../core/findings';
import type { Range } from '../../core/text/lines';
import { toSeverity } from '../convert';
import type { WorkspaceView } from '../worker/workspaceProtocol';

export const WORKSPACE_DIAGNOSTIC_SOURCE = 'Pipeline Lens (workspace)';

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class WorkspaceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pipelineLens.workspace');

  /** `uris` gives each taking-part file's uri by its workspace path. */
  update(problems: WorkspaceView['problems'], uris: Map<string, vscode.Uri>): void {
    this.collection.clear();
    for (const { path, problems: list } of problems) {
      const uri = uris.get(path);
      if (!uri) continue;
      this.collection.set(
        uri,
        list.map((problem) => {
          const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, toSeverity(problem.severity));
          diagnostic.source = WORKSPACE_DIAGNOSTIC_SOURCE;
          diagnostic.code = { value: problem.rule, target: vscode.Uri.parse(ruleDocsUrl(problem.rule)) };
          diagnostic.relatedInformation = problem.related.flatMap((r) => {
            const target = uris.get(r.path);
            return target ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(target, toRange(r.range)), r.message)] : [];
          });
          return diagnostic;
        }),
      );
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}
