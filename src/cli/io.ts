// What the CLI touches of the outside world, injectable so tests run it in-process.
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour text output (a TTY without NO_COLOR). */
  colour: boolean;
}

export function processIo(): CliIo {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colour: Boolean(process.stdout.isTTY) && !noColor && process.env.TERM !== 'dumb',
  };
}
