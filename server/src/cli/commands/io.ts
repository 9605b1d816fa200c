// Where a command writes: injectable so tests can run commands in-process; main.ts binds it to the real streams.
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  color: boolean;
}
