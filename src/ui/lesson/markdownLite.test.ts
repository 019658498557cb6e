import { describe, expect, it } from 'vitest';
import { firstSentence, parseInline, parseMarkdownLite } from './markdownLite';

describe('markdown-lite', () => {
  it('parses paragraphs, line breaks, bullets and fences', () => {
    const blocks = parseMarkdownLite('One line\nsecond **bold** `code`.\n\n- item `a`\n- item b\n\n```\nNAME  READY\n```');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'pre']);
    expect(blocks[0]).toMatchObject({ lines: [[{ type: 'text', text: 'One line' }], [{ type: 'text', text: 'second ' }, { type: 'bold', text: 'bold' }, { type: 'text', text: ' ' }, { type: 'code', text: 'code' }, { type: 'text', text: '.' }]] });
    expect(blocks[2]).toEqual({ type: 'pre', text: 'NAME  READY' });
  });

  it('keeps markup-looking text as text', () => {
    expect(parseInline('<script>alert(1)</script>')).toEqual([{ type: 'text', text: '<script>alert(1)</script>' }]);
  });

  it('takes the first sentence for collapsed steps', () => {
    expect(firstSentence('Create a pod. Then look.')).toBe('Create a pod.');
    expect(firstSentence('**Delete** the `pod`\nmore')).toBe('Delete the pod');
    expect(firstSentence('x'.repeat(200), 20)).toHaveLength(20);
  });
});
