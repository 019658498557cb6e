/**
 * The scenario texts' markdown-lite (src/scenarios/types.ts MarkdownLite): paragraphs (blank line),
 * line breaks, `- ` bullets, `code`, **bold** and ``` fences. Parsed into plain data that the
 * component renders as React elements: no HTML is ever produced from the text.
 */
export type Inline = { readonly type: 'text' | 'code' | 'bold'; readonly text: string };

export type Block =
  | { readonly type: 'paragraph'; readonly lines: readonly (readonly Inline[])[] }
  | { readonly type: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly type: 'pre'; readonly text: string };

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) out.push({ type: 'text', text: text.slice(last, match.index) });
    out.push(match[1] !== undefined ? { type: 'code', text: match[1] } : { type: 'bold', text: match[2] });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

export function parseMarkdownLite(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: Inline[][] = [];
  let list: Inline[][] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', lines: paragraph });
    if (list.length > 0) blocks.push({ type: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/.test(line)) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) body.push(lines[i]);
      blocks.push({ type: 'pre', text: body.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const bullet = /^\s*-\s+(.*)$/.exec(line);
    if (bullet) {
      if (paragraph.length > 0) {
        blocks.push({ type: 'paragraph', lines: paragraph });
        paragraph = [];
      }
      list.push(parseInline(bullet[1]));
      continue;
    }
    if (list.length > 0) {
      blocks.push({ type: 'list', items: list });
      list = [];
    }
    paragraph.push(parseInline(line));
  }
  flush();
  return blocks;
}

/** The text's first sentence (or line), for a collapsed step. */
export function firstSentence(source: string, max = 110): string {
  const plain = source.replace(/```[\s\S]*?```/g, ' ').replace(/\*\*|`/g, '').split('\n').find((l) => l.trim() !== '') ?? '';
  const match = /^(.+?[.!?。])(\s|$)/.exec(plain.trim());
  const sentence = (match ? match[1] : plain).trim();
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}
