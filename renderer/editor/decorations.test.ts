// The body's decorations by text path, in Node: a finding across a bold run is split over both texts, a page
// start inside a paragraph marks one character (two code units for a character outside the BMP), and what points
// at text no longer there is left out.
import { describe, expect, it } from 'vitest';
import { createEditor, type Descendant } from 'slate';
import { decorationIndex, pathKey, sameHighlights, type Highlight } from './decorations.ts';

function editorWith(children: Descendant[]) {
  const editor = createEditor();
  editor.children = children;
  return editor;
}

const value = [
  { type: 'paragraph', children: [{ text: '督察组深入' }, { text: '一线', bold: true }, { text: '开展核查' }] },
  { type: 'paragraph', children: [{ text: '𠀀字在前' }] },
] as unknown as Descendant[];

describe('decorationIndex', () => {
  it('splits a highlight over the texts it covers, each clipped to its text', () => {
    const editor = editorWith(value);
    const highlight: Highlight = { key: 'k1', range: { anchor: { path: [0, 0], offset: 3 }, focus: { path: [0, 2], offset: 2 } } };
    const index = decorationIndex(editor, [highlight], []);
    expect(index.get(pathKey([0, 0]))).toEqual([{ anchor: { path: [0, 0], offset: 3 }, focus: { path: [0, 0], offset: 5 }, finding: 'k1' }]);
    expect(index.get(pathKey([0, 1]))).toEqual([{ anchor: { path: [0, 1], offset: 0 }, focus: { path: [0, 1], offset: 2 }, finding: 'k1' }]);
    expect(index.get(pathKey([0, 2]))).toEqual([{ anchor: { path: [0, 2], offset: 0 }, focus: { path: [0, 2], offset: 2 }, finding: 'k1' }]);
    expect(index.has(pathKey([1, 0]))).toBe(false);
  });

  it('marks the one character a page starts at, a surrogate pair whole, and skips marks past the text or outside the value', () => {
    const editor = editorWith(value);
    const index = decorationIndex(editor, [{ key: 'gone', range: { anchor: { path: [5, 0], offset: 0 }, focus: { path: [5, 0], offset: 1 } } }], [
      { page: 2, element: [1], inside: { path: [1, 0], offset: 0 } },
      { page: 3, element: [0], inside: { path: [0, 2], offset: 9 } },
      { page: 4, element: [7], inside: { path: [7, 0], offset: 1 } },
    ]);
    expect([...index.keys()]).toEqual([pathKey([1, 0])]);
    expect(index.get(pathKey([1, 0]))).toEqual([{ anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 2 }, pageStart: 2 }]);
  });
});

describe('sameHighlights', () => {
  const a: Highlight = { key: 'k1', range: { anchor: { path: [0, 0], offset: 1 }, focus: { path: [0, 0], offset: 3 } } };
  it('is true for the same keys on the same spans, false when a span or a key differs', () => {
    expect(sameHighlights([a], [structuredClone(a)])).toBe(true);
    expect(sameHighlights([a], [{ ...a, range: { ...a.range, focus: { path: [0, 0], offset: 4 } } }])).toBe(false);
    expect(sameHighlights([a], [{ ...a, key: 'k2' }])).toBe(false);
    expect(sameHighlights([a], [])).toBe(false);
  });
});
