// Before every commit, while a contenteditable element has the focus, React records the selection in it as
// character offsets (getSelectionInformation), walking every node of the element, so that it could put the
// selection back were the commit to move the focus. Slate keeps the body's selection itself, so for the body
// this walk is pure cost, paid at every keystroke and growing with the issue: about 2 ms a keystroke in a
// 200-page issue (docs/editor.md). React knows such an element by its `contentEditable` property reading
// "true"; the body's own property reads "inherit" to scripts instead. The attribute, by which the browser
// edits, and `isContentEditable` are untouched.

const prototypeProperty = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');

/** Keeps React from walking `element` at each commit; the returned function undoes it. */
export function skipReactSelectionWalk(element: HTMLElement): () => void {
  if (!prototypeProperty?.set) return () => {};
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => prototypeProperty.set!.call(element, value),
  });
  return () => {
    delete (element as { contentEditable?: string }).contentEditable;
  };
}
