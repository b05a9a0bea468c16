// Reads an exported .docx back for the tests: unzips it (jszip), parses every XML part (xmldom, strictly:
// a malformed part fails the test) and offers small queries over WordprocessingML elements.
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';

type XmlDocument = Document;
type XmlElement = Element;

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface DocxParts {
  /** raw text of every part, by path */
  raw: Map<string, string>;
  document: XmlDocument;
  styles: XmlDocument;
  settings: XmlDocument;
  theme: XmlDocument;
  /** footers by relationship id, as the section properties refer to them */
  footers: Map<string, XmlDocument>;
}

function parseStrict(xml: string, path: string): XmlDocument {
  const problems: string[] = [];
  const parser = new DOMParser({
    errorHandler: {
      error: (message: unknown) => problems.push(String(message)),
      fatalError: (message: unknown) => problems.push(String(message)),
    },
  });
  const document = parser.parseFromString(xml, 'application/xml');
  if (problems.length > 0) throw new Error(`${path} is not well-formed XML: ${problems.join('; ')}`);
  return document;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const raw = new Map<string, string>();
  const parsed = new Map<string, XmlDocument>();
  for (const path of Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name))) {
    const text = await zip.file(path)!.async('string');
    raw.set(path, text);
    parsed.set(path, parseStrict(text, path));
  }
  const part = (path: string) => {
    const document = parsed.get(path);
    if (!document) throw new Error(`the .docx has no ${path}`);
    return document;
  };
  const footers = new Map<string, XmlDocument>();
  for (const relationship of elementsNs(part('word/_rels/document.xml.rels'), RELATIONSHIPS, 'Relationship')) {
    if ((relationship.getAttribute('Type') ?? '').endsWith('/footer')) footers.set(relationship.getAttribute('Id')!, part(`word/${relationship.getAttribute('Target')}`));
  }
  return { raw, document: part('word/document.xml'), styles: part('word/styles.xml'), settings: part('word/settings.xml'), theme: part('word/theme/theme1.xml'), footers };
}

function elementsNs(node: XmlDocument | XmlElement, namespace: string, localName: string): XmlElement[] {
  return Array.from(node.getElementsByTagNameNS(namespace, localName));
}

/** Every w:localName element under node, in document order. */
export const w = (node: XmlDocument | XmlElement, localName: string): XmlElement[] => elementsNs(node, W, localName);

/** The first w:localName child (not deeper) of an element. */
export function child(element: XmlElement, localName: string): XmlElement | undefined {
  return Array.from(element.childNodes).find((node): node is XmlElement => node.nodeType === 1 && (node as XmlElement).localName === localName && (node as XmlElement).namespaceURI === W);
}

/** The value of a w: attribute, or null. */
export function attr(element: XmlElement | undefined, name: string): string | null {
  if (!element) return null;
  return element.hasAttributeNS(W, name) ? element.getAttributeNS(W, name) : null;
}

/** The text of a paragraph or run (its w:t elements). */
export function textOf(element: XmlElement): string {
  return w(element, 't')
    .map((t) => t.textContent ?? '')
    .join('');
}

export function styleOf(paragraph: XmlElement): string | null {
  const properties = child(paragraph, 'pPr');
  return attr(properties && child(properties, 'pStyle'), 'val');
}

/** Paragraphs of the body (not inside table cells). */
export function bodyParagraphs(document: XmlDocument): XmlElement[] {
  const body = w(document, 'body')[0]!;
  return Array.from(body.childNodes).filter((node): node is XmlElement => node.nodeType === 1 && (node as XmlElement).localName === 'p');
}

/** The style definition with this id. */
export function styleById(styles: XmlDocument, id: string): XmlElement | undefined {
  return w(styles, 'style').find((style) => attr(style, 'styleId') === id);
}
