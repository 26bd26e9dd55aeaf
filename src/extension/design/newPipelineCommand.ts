// Pipeline Lens: New Pipeline. A few quick picks (source, steps, stateful or not, expected rate) -> a design file
// in an untitled editor or saved where the user says (src/core/generate/scaffold writes it).
import * as vscode from 'vscode';
import { parseRate } from '../../core/read/quantities';
import { SCAFFOLD_SOURCES, scaffoldDesign, type ScaffoldChoices } from '../../core/generate/scaffold';

const SOURCE_LABELS: Readonly<Record<(typeof SCAFFOLD_SOURCES)[number], string>> = {
  kinesis: 'Kinesis data stream',
  'dynamodb-stream': 'DynamoDB stream (table changes)',
  sqs: 'SQS queue',
  s3: 'S3 bucket (object created)',
  sns: 'SNS topic',
  eventbridge: 'EventBridge bus',
  schedule: 'Schedule',
  api: 'HTTP API',
};

/** Command arguments come from anywhere: accept only a well-formed set of choices. */
export function isScaffoldChoices(value: unknown): value is ScaffoldChoices {
  const v = value as Partial<ScaffoldChoices> | undefined;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.rate === 'string' && typeof v.stateful === 'boolean' &&
    Array.isArray(v.steps) && v.steps.every((s) => typeof s === 'string') && (SCAFFOLD_SOURCES as readonly string[]).includes(v.source as string);
}

/** `choices` and `where` let tests skip the prompts. Returns the design document shown. */
export async function newPipeline(choices?: ScaffoldChoices, where?: 'untitled' | vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const picked = choices ?? (await askChoices());
  if (!picked) return undefined;
  const result = scaffoldDesign(picked);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Pipeline Lens: ${result.error}`);
    return undefined;
  }
  const destination = where ?? (await askWhere(picked.name));
  if (!destination) return undefined;
  if (destination === 'untitled') {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: result.text });
    await vscode.window.showTextDocument(document);
    return document;
  }
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.text));
  const document = await vscode.workspace.openTextDocument(destination);
  await vscode.window.showTextDocument(document);
  return document;
}

async function askChoices(): Promise<ScaffoldChoices | undefined> {
  const name = await vscode.window.showInputBox({ prompt: 'Pipeline name', value: 'my-pipeline' });
  if (!name) return undefined;
  const source = await vscode.window.showQuickPick(
    SCAFFOLD_SOURCES.map((type) => ({ label: SOURCE_LABELS[type], description: type, type })),
    { placeHolder: 'Where do the events come from?' },
  );
  if (!source) return undefined;
  const steps = await vscode.window.showInputBox({ prompt: 'Steps, in order, separated by commas', value: 'parse, enrich, store' });
  if (steps === undefined) return undefined;
  const stateful = await vscode.window.showQuickPick(
    [{ label: 'Stateless', stateful: false }, { label: 'Stateful', description: 'the last step keeps state (sessions, windows, aggregates) in DynamoDB', stateful: true }],
    { placeHolder: 'Does the last step keep state across events?' },
  );
  if (!stateful) return undefined;
  const rate = await vscode.window.showInputBox({
    prompt: 'Expected rate of the first step (e.g. 50/minute, 10/s, 3M/month)',
    value: '10/s',
    validateInput: (value) => (parseRate(value.trim()).ok ? undefined : 'Write N/unit, e.g. 50/minute, 10/s, 3M/month'),
  });
  if (!rate) return undefined;
  return { name, source: source.type, steps: steps.split(','), stateful: stateful.stateful, rate };
}

async function askWhere(name: string): Promise<'untitled' | vscode.Uri | undefined> {
  const choice = await vscode.window.showQuickPick(
    [{ label: 'Open as an unsaved editor', where: 'untitled' as const }, { label: 'Save as a file...', where: 'file' as const }],
    { placeHolder: 'Where should the design go?' },
  );
  if (!choice) return undefined;
  if (choice.where === 'untitled') return 'untitled';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const file = `${name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pipeline'}.pipeline.yaml`;
  return vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, file) : undefined, filters: { 'Pipeline design': ['yaml', 'yml'] } });
}
