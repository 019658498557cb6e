import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../../store/useStore';
import { runConsoleLine } from '../commands/runConsole';

/** A minimal terminal: kubectl lines go to the engine's kubectl, output is printed below. */
export function Console() {
  const lines = useStore((s) => s.consoleLines);
  const connected = useStore((s) => s.connected);
  const [input, setInput] = useState('');
  const [historyIndex, setHistoryIndex] = useState<number | undefined>(undefined);
  const outputRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = outputRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const history = useStore.getState().consoleHistory;
    if (e.key === 'Enter') {
      e.preventDefault();
      const line = input;
      setInput('');
      setHistoryIndex(undefined);
      void runConsoleLine(line);
    } else if (e.key === 'ArrowUp' && history.length > 0) {
      e.preventDefault();
      const index = historyIndex === undefined ? history.length - 1 : Math.max(0, historyIndex - 1);
      setHistoryIndex(index);
      setInput(history[index]);
    } else if (e.key === 'ArrowDown' && historyIndex !== undefined) {
      e.preventDefault();
      const index = historyIndex + 1;
      if (index >= history.length) {
        setHistoryIndex(undefined);
        setInput('');
      } else {
        setHistoryIndex(index);
        setInput(history[index]);
      }
    }
  };

  return (
    <section className="console" aria-label="Console">
      <div className="console__output" ref={outputRef} data-testid="console-output" role="log" aria-live="polite">
        {lines.length === 0 && <div className="console__line console__line--info">Type kubectl commands below (try: kubectl get pods). Type help for more.</div>}
        {lines.map((line) => (
          <div key={line.id} className={`console__line console__line--${line.kind}`}>
            {line.kind === 'input' ? `$ ${line.text}` : line.text || '\u00a0'}
          </div>
        ))}
      </div>
      <label className="console__prompt">
        <span aria-hidden="true">$</span>
        <input
          className="console__input"
          data-testid="console-input"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="kubectl get pods"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          aria-label="kubectl command"
          disabled={!connected}
        />
      </label>
    </section>
  );
}
