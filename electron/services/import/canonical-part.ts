// The canonical issue inside a Jianbao .docx: a custom XML part (customXml/itemN.xml, with its
// itemPropsN.xml, the customXml relationship from the main part and the content type of the properties)
// holding the issue's JSON and the fingerprint of the body as the .docx reader reads it
// (docx-paragraphs.ts). Importing the file gives that issue back exactly while the body is
// unchanged; once the text was edited (the fingerprint differs) the document is read like any other. The .docx exporter writes it (export/docx.ts).
import { createHash } from 'node:crypto';
import type { Issue } from '../../../shared/model/issue.ts';
import { bodyFingerprint, readDocxLines } from './docx-paragraphs.ts';

/** The namespace of the part's root element, by which the reader knows the part among other custom XML. */
export const CANONICAL_NAMESPACE = 'urn:jianbao:canonical-issue:1';
const ROOT = 'canonicalIssue';
const CUSTOM_XML_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CUSTOM_XML_PROPS_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const CUSTOM_XML_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON as XML character data: the two characters XML 1.0 cannot hold that JSON.stringify leaves as they are (U+FFFE, U+FFFF) escaped in the JSON. */
function jsonForXml(issue: Issue): string {
  return JSON.stringify(issue).replace(/[\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}

export function canonicalPartXml(issue: Issue, fingerprint: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${ROOT} xmlns="${CANONICAL_NAMESPACE}" format="${escapeXml(issue.format)}" bodySha256="${fingerprint}">${escapeXml(jsonForXml(issue))}</${ROOT}>`;
}

/** The fingerprint and JSON text of a part, or null when the element is not a Jianbao canonical issue. */
export function readCanonicalPart(root: Element): { fingerprint: string; json: string } | null {
  if (root.localName !== ROOT || root.namespaceURI !== CANONICAL_NAMESPACE) return null;
  const fingerprint = root.getAttribute('bodySha256') ?? '';
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) return null;
  return { fingerprint, json: root.textContent ?? '' };
}

/** A GUID made from the fingerprint, so that one issue exports to the same part every time. */
function itemId(fingerprint: string): string {
  const hex = createHash('sha256').update(`item:${fingerprint}`).digest('hex').toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

function nextRelationshipId(rels: string): string {
  const used = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((match) => match[1]));
  let number = 1;
  while (used.has(`rIdJianbao${number}`)) number++;
  return `rIdJianbao${number}`;
}

/** A package's parts by name (export/docx-package.ts makes and zips them): XML as text, media as bytes. */
export type PackageParts = Map<string, string | Uint8Array>;

/** A part as text, or undefined when the package has no such part. */
export function partText(parts: PackageParts, name: string): string | undefined {
  const data = parts.get(name);
  return data === undefined || typeof data === 'string' ? data : new TextDecoder().decode(data);
}

/** Adds the canonical part to the parts of a .docx the exporter is writing (before its one zipping). */
export function addCanonicalPart(parts: PackageParts, issue: Issue): void {
  const read = (name: string) => partText(parts, name);
  const document = read('word/document.xml');
  const relsName = 'word/_rels/document.xml.rels';
  const rels = read(relsName);
  const types = read('[Content_Types].xml');
  if (document === undefined || rels === undefined || types === undefined) throw new Error('the .docx has no main part, relationships or content types');
  const fingerprint = bodyFingerprint(readDocxLines({ document, styles: read('word/styles.xml'), numbering: read('word/numbering.xml') }));

  let number = 1;
  while (parts.has(`customXml/item${number}.xml`) || parts.has(`customXml/itemProps${number}.xml`)) number++;
  parts.set(`customXml/item${number}.xml`, canonicalPartXml(issue, fingerprint));
  parts.set(
    `customXml/itemProps${number}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${itemId(fingerprint)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${CANONICAL_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  parts.set(
    `customXml/_rels/item${number}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_RELATIONSHIP}" Target="itemProps${number}.xml"/></Relationships>`,
  );
  parts.set(relsName, rels.replace('</Relationships>', `<Relationship Id="${nextRelationshipId(rels)}" Type="${CUSTOM_XML_RELATIONSHIP}" Target="../customXml/item${number}.xml"/></Relationships>`));
  let overrides = `<Override ContentType="${CUSTOM_XML_PROPS_TYPE}" PartName="/customXml/itemProps${number}.xml"/>`;
  if (!/<Default\b[^>]*Extension="xml"/i.test(types)) overrides += `<Override ContentType="application/xml" PartName="/customXml/item${number}.xml"/>`;
  parts.set('[Content_Types].xml', types.replace('</Types>', `${overrides}</Types>`));
}
