// Declarations for modules the packages do not declare. word-extractor: the part of its Word 97–2003 reader that doc.ts drives directly (the package declares only
// its top-level class): the piece table and the FIB's story lengths, filled in by extractWordDocument.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  export interface WordPiece {
    text: string;
    startCp: number;
    endCp: number;
    startFilePos: number;
    endFilePos: number;
    size: number;
    length: number;
    /** bytes per character: 1 (cp1252) or 2 (UTF-16) */
    bpc: number;
  }

  export interface WordBoundaries {
    ccpText: number;
    ccpFtn: number;
    ccpHdd: number;
    ccpAtn: number;
    ccpEdn: number;
    ccpTxbx: number;
    ccpHdrTxbx: number;
  }

  export default class WordOleExtractor {
    _pieces: WordPiece[];
    _boundaries: WordBoundaries;
    extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
    documentStream(document: unknown, streamName: string): Promise<unknown>;
    streamBuffer(stream: unknown): Promise<Buffer>;
    writeCharacterProperties(buffer: Buffer, tableBuffer: Buffer): void;
    buildDocument(): unknown;
  }
}

// pdfjs-dist's worker code, loaded by pdf.ts to run in the same thread (the package declares only pdf.mjs).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
