// The workspace scan's loop (pure): analyses files one after another, reports progress after each, yields to the
// event loop between files, and stops as soon as it is cancelled.
export interface ScanSteps<F, R> {
  analyse(file: F): Promise<R | undefined>;
  /** Called after each file with how many are done of how many. */
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

export async function scanFiles<F, R>(files: readonly F[], steps: ScanSteps<F, R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < files.length; i++) {
    if (steps.cancelled()) break;
    const result = await steps.analyse(files[i]);
    if (result !== undefined) results.push(result);
    steps.progress(i + 1, files.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}
