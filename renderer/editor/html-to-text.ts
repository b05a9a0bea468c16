// Turns pasted HTML (Word/WPS, WeChat articles, web pages) into plain lines: block elements and <br>
// break lines; scripts, styles, images, comments and every attribute are dropped by construction,
// since only text nodes are read.
const BLOCK = new Set(['P', 'DIV', 'LI', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'TABLE', 'UL', 'OL', 'HEADER', 'FOOTER']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'IMG', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) lines.push(current.replace(/[ \t\u00a0]+/g, (space) => (space.includes('\u00a0') || space.length > 1 ? ' ' : space)).trim());
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      current += (node.textContent ?? '').replace(/[\r\n]+/g, ' ');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIP.has(tag) || element.getAttribute('aria-hidden') === 'true' || (element as HTMLElement).style?.display === 'none') return;
    if (tag === 'BR') return flush();
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of element.childNodes) walk(child);
    if (block || tag === 'TD' || tag === 'TH') flush();
  };
  if (doc.body) walk(doc.body);
  flush();
  return lines.join('\n');
}
