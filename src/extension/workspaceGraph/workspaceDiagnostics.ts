// While the workspace is joined (the workspace graph is open), the findings that only the joined model has (a
// consumer over its producer's shards, a queue whose consumer lives elsewhere...) show in the Problems view too,
// with related locations in the other files. The single-file diagnostics stay as they are.
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { ruleDocsUrl, type Finding } from '../../core/findings';
import type { Span } from '../../core/model';
import { LineIndex } from '../../core/text/lines';
import { spanFile, type JoinedWorkspace } from '../../core/workspace';
import { toSeverity } from '../convert';

export const WORKSPACE_DIAGNOSTIC_SOURCE = 'Pipeline Lens (workspace)';

const keyOf = (f: Finding) => `${f.rule}|${f.node ?? ''}|${f.span.start}|${f.message}`;

export class WorkspaceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pipelineLens.workspace');

  /** `alone` gives each file's own (single-file) analysis; `uris` its uri. */
  update(joined: JoinedWorkspace, alone: (path: string) => Analysis | undefined, uris: Map<string, vscode.Uri>): void {
    const lines = new Map(joined.files.map((f) => [f.path, new LineIndex(f.analysis.parsed.text)]));
    const range = (path: string, span: Span) => {
      const index = lines.get(path);
      const start = index?.positionAt(span.start) ?? { line: 0, character: 0 };
      const end = index?.positionAt(span.end) ?? start;
      return new vscode.Range(start.line, start.character, end.line, end.character);
    };
    this.collection.clear();
    for (const { path, analysis } of joined.files) {
      const uri = uris.get(path);
      if (!uri) continue;
      const own = new Set((alone(path)?.findings ?? []).map(keyOf));
      const added = analysis.findings.filter((f) => !own.has(keyOf(f)));
      if (added.length === 0) continue;
      this.collection.set(
        uri,
        added.map((finding) => {
          const diagnostic = new vscode.Diagnostic(range(path, finding.span), finding.message, toSeverity(finding.severity));
          diagnostic.source = WORKSPACE_DIAGNOSTIC_SOURCE;
          diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
          diagnostic.relatedInformation = finding.related.flatMap((r) => {
            const file = spanFile(r.span) ?? path;
            const target = uris.get(file);
            return target ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(target, range(file, r.span)), `${r.message}${file === path ? '' : ` (${file})`}`)] : [];
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
