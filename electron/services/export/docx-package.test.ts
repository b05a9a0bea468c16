import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { compiledParts, docxCompiler, partText, unzipParts, zipParts } from './docx-package.ts';

const sampleDocument = () => new Document({ title: '工作简报', sections: [{ children: [new Paragraph({ children: [new TextRun('市政府办公室　第1期')] })] }] });

describe('a .docx package as its parts', () => {
  it('reaches docx’s own compiler with the installed docx, so an export zips its package once (an upgrade that hides it fails here)', () => {
    expect(docxCompiler()).not.toBeNull();
  });

  it('gives the parts Packer.toBuffer zips, part for part, text for text', async () => {
    const compiled = await compiledParts(sampleDocument());
    const packed = unzipParts(await Packer.toBuffer(sampleDocument()));
    expect([...compiled.keys()].sort()).toEqual([...packed.keys()].sort());
    for (const name of ['word/document.xml', 'word/styles.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels']) {
      expect(partText(compiled, name), name).toBe(partText(packed, name));
    }
    expect(partText(compiled, 'word/document.xml')).toContain('市政府办公室　第1期');
  });

  it('zips parts that read back unchanged, keeping the stored ones byte for byte in the file and deflating the rest', () => {
    const photo = new Uint8Array(4096).map((_, index) => (index * 7919) % 251);
    const xml = `<?xml version="1.0"?><w:document>${'<w:p><w:r><w:t>简报正文</w:t></w:r></w:p>'.repeat(500)}</w:document>`;
    const parts = new Map<string, string | Uint8Array>([
      ['word/document.xml', xml],
      ['word/media/photo.jpeg', photo],
    ]);
    const zipped = zipParts(parts, new Set(['word/media/photo.jpeg']));
    expect(Buffer.from(zipped).indexOf(Buffer.from(photo))).toBeGreaterThan(0);
    expect(zipped.length).toBeLessThan(photo.length + Buffer.byteLength(xml) / 10);
    const read = unzipParts(zipped);
    expect(read.get('word/document.xml')).toBe(xml);
    expect(Buffer.from(read.get('word/media/photo.jpeg') as Uint8Array).equals(Buffer.from(photo))).toBe(true);
  });
});
