import { Fragment, useMemo } from 'react';
import { parseMarkdownLite, type Inline } from './markdownLite';

function Inlines({ parts }: { parts: readonly Inline[] }) {
  return (
    <>
      {parts.map((p, i) => (p.type === 'code' ? <code key={i}>{p.text}</code> : p.type === 'bold' ? <strong key={i}>{p.text}</strong> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/** Renders a scenario text (markdown-lite) as React elements; the text is never used as HTML. */
export function MarkdownLite({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdownLite(text), [text]);
  return (
    <div className="md">
      {blocks.map((b, i) =>
        b.type === 'pre' ? (
          <pre key={i}>{b.text}</pre>
        ) : b.type === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Inlines parts={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            {b.lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 && <br />}
                <Inlines parts={line} />
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
