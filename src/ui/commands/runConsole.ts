import { request } from '../../bridge/engineClient';
import { CONSOLE_HISTORY_MAX, withConsoleLines, type ConsoleLineKind } from '../../store/uiSlice';
import { useStore } from '../../store/useStore';

const HELP = [
  'Type kubectl commands, e.g.:',
  '  kubectl get pods',
  '  kubectl apply -f manifest.yaml     (the editor\'s text)',
  '  kubectl describe pod <name>',
  'Local commands: clear, help. ↑/↓ browse history.',
];

function print(lines: { kind: ConsoleLineKind; text: string }[]): void {
  useStore.setState((s) => ({ consoleLines: withConsoleLines(s.consoleLines, lines) }));
}

function splitOutput(kind: ConsoleLineKind, text: string): { kind: ConsoleLineKind; text: string }[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n').map((line) => ({ kind, text: line }));
}

/** Runs one console line: local commands here, everything else through the engine's kubectl. */
export async function runConsoleLine(input: string): Promise<void> {
  const line = input.trim();
  if (line === '') return;
  useStore.setState((s) => ({
    consoleHistory: [...s.consoleHistory.filter((h) => h !== line), line].slice(-CONSOLE_HISTORY_MAX),
  }));
  if (line === 'clear') {
    useStore.setState({ consoleLines: [] });
    return;
  }
  print([{ kind: 'input', text: line }]);
  if (line === 'help') {
    print(HELP.map((text) => ({ kind: 'info', text })));
    return;
  }
  const { editorText, editorFileName } = useStore.getState();
  try {
    const result = await request({ type: 'kubectl', line, files: { [editorFileName]: editorText } });
    print([...splitOutput('stdout', result.stdout), ...splitOutput('stderr', result.stderr)]);
  } catch (error) {
    print([{ kind: 'stderr', text: `error: ${(error as Error).message}` }]);
  }
}
