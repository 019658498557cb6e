import { request, send } from '../../bridge/engineClient';
import { filesRecord, splitOutput } from '../../store/learningSlice';
import { CONSOLE_HISTORY_MAX, withConsoleLines, type ConsoleLineKind } from '../../store/uiSlice';
import { useStore } from '../../store/useStore';
import { applyCompletion, columns, localCompletion, readsFiles, withHistory } from '../console/consoleLogic';
import { i18n } from '../i18n';

function print(lines: { kind: ConsoleLineKind; text: string }[]): void {
  if (lines.length > 0) useStore.setState((s) => ({ consoleLines: withConsoleLines(s.consoleLines, lines) }));
}

function viewingPast(): boolean {
  const { past, scrubMs } = useStore.getState();
  return past !== undefined || scrubMs !== undefined;
}

/** Runs one console line: local commands here, everything else through the engine's kubectl. */
export async function runConsoleLine(input: string): Promise<void> {
  const line = input.trim();
  if (line === '' || viewingPast() || useStore.getState().consoleStream) return;
  useStore.setState((s) => ({ consoleHistory: withHistory(s.consoleHistory, line, CONSOLE_HISTORY_MAX) }));
  if (line === 'clear') {
    useStore.setState({ consoleLines: [] });
    return;
  }
  print([{ kind: 'input', text: line }]);
  if (line === 'help') {
    print((i18n.t('console.help', { returnObjects: true }) as string[]).map((text) => ({ kind: 'info', text })));
    return;
  }
  const { files } = useStore.getState();
  try {
    // Only lines that read files carry the tabs: they are stored in the command log (share links).
    const result = await request({ type: 'kubectl', line, stream: true, ...(readsFiles(line) ? { files: filesRecord(files) } : {}) });
    print([...splitOutput('stdout', result.stdout), ...splitOutput('stderr', result.stderr)]);
    if (result.streamId) useStore.setState({ consoleStream: { id: result.streamId, line } });
  } catch (error) {
    print([{ kind: 'stderr', text: `error: ${(error as Error).message}` }]);
  }
}

/** Ctrl+C: stops the command that is still printing (the worker sends its last output). */
export function interruptConsole(): void {
  const stream = useStore.getState().consoleStream;
  print([{ kind: 'info', text: '^C' }]);
  if (!stream) return;
  useStore.setState({ consoleStream: undefined });
  send({ type: 'stream_stop', streamId: stream.id });
}

/** Tab: completes the line (commands, kinds, flags, object names); returns the new line. */
export async function completeConsoleLine(line: string): Promise<string> {
  const local = localCompletion(line);
  let completion: { from: number; candidates: readonly string[] } | undefined = local;
  if (!completion) {
    try {
      completion = await request({ type: 'complete', line });
    } catch {
      return line;
    }
  }
  const outcome = applyCompletion(line, completion);
  if (outcome.list.length > 0) print([{ kind: 'input', text: line }, ...columns(outcome.list).map((text) => ({ kind: 'info' as const, text }))]);
  return outcome.line;
}

export function clearConsole(): void {
  useStore.setState({ consoleLines: [] });
}
