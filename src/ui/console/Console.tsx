import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { withConsoleLines } from '../../store/uiSlice';
import { useStore } from '../../store/useStore';
import { clearConsole, completeConsoleLine, interruptConsole, runConsoleLine } from '../commands/runConsole';
import { browseHistory, FRESH, type HistoryCursor } from './consoleLogic';

/** Focuses the console prompt (a scenario's "paste" button puts a command there). */
export function focusConsole(): void {
  document.querySelector<HTMLInputElement>('[data-testid="console-input"]')?.focus();
}

/**
 * A terminal for the engine's kubectl: ↑/↓ history, Tab completion (commands, kinds, flags, object
 * names), streaming commands (`get -w`) that hold the prompt until they end or Ctrl+C, Ctrl+L clears.
 * Output is plain text: React renders it, never as HTML.
 */
export function Console() {
  const { t } = useTranslation();
  const lines = useStore((s) => s.consoleLines);
  const connected = useStore((s) => s.connected);
  const past = useStore((s) => s.past !== undefined || s.scrubMs !== undefined);
  const stream = useStore((s) => s.consoleStream);
  const input = useStore((s) => s.consoleInput);
  const [cursor, setCursor] = useState<HistoryCursor>(FRESH);
  const outputRef = useRef<HTMLDivElement>(null);
  const completing = useRef(false);

  const setInput = (value: string) => useStore.setState({ consoleInput: value });

  useEffect(() => {
    const el = outputRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && (stream || e.currentTarget.selectionStart === e.currentTarget.selectionEnd)) {
      // Ctrl+C with no selection: interrupt (or drop the line, as a shell does).
      e.preventDefault();
      if (!stream && input !== '') useStore.setState((s) => ({ consoleLines: withConsoleLines(s.consoleLines, [{ kind: 'input', text: `${input}^C` }]) }));
      if (stream) interruptConsole();
      setInput('');
      setCursor(FRESH);
      return;
    }
    if (e.ctrlKey && e.key.toLowerCase() === 'l') {
      e.preventDefault();
      clearConsole();
      return;
    }
    if (stream) {
      // The prompt waits for the running command, as in a terminal.
      if (e.key !== 'Tab') e.preventDefault();
      return;
    }
    const history = useStore.getState().consoleHistory;
    if (e.key === 'Enter') {
      e.preventDefault();
      const line = input;
      setInput('');
      setCursor(FRESH);
      void runConsoleLine(line);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const next = browseHistory(history, cursor, input, e.key === 'ArrowUp' ? -1 : 1);
      setCursor(next.cursor);
      setInput(next.input);
    } else if (e.key === 'Tab' && !e.shiftKey) {
      // Tab completes; with nothing typed it leaves the prompt (keyboard users must not be trapped).
      if (input.trim() === '') return;
      e.preventDefault();
      if (completing.current) return;
      completing.current = true;
      void completeConsoleLine(input).then((line) => {
        completing.current = false;
        if (useStore.getState().consoleInput === input) setInput(line);
      });
    }
  };

  const placeholder = past ? t('console.pastPlaceholder') : stream ? t('console.streaming') : t('console.placeholder');
  return (
    <section className="console" aria-label={t('console.label')}>
      <div className="console__output" ref={outputRef} data-testid="console-output" role="log" aria-live="polite" tabIndex={0} aria-label={t('console.output')}>
        {lines.length === 0 && <div className="console__line console__line--info">{t('console.empty')}</div>}
        {lines.map((line) => (
          <div key={line.id} className={`console__line console__line--${line.kind}`}>
            {line.kind === 'input' ? `$ ${line.text}` : line.text || '\u00a0'}
          </div>
        ))}
      </div>
      <div className="console__prompt">
        <span aria-hidden="true">$</span>
        <input
          className="console__input"
          data-testid="console-input"
          value={input}
          onChange={(e) => {
            if (!stream) setInput(e.target.value);
          }}
          onKeyDown={onKeyDown}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          aria-label={t('console.inputLabel')}
          aria-describedby="console-keys"
          readOnly={Boolean(stream)}
          disabled={!connected || past}
        />
        {stream && (
          <button type="button" className="button button--small" data-testid="console-stop" onClick={interruptConsole} title={t('console.stopTitle')}>
            {t('console.stop')}
          </button>
        )}
        <span id="console-keys" className="visually-hidden">
          {t('console.keys')}
        </span>
      </div>
    </section>
  );
}
