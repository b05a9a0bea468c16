// What a file reader hands the bulletin parser: the document's lines in reading order with what the
// format could tell about each (bold, size, alignment, red, indent, page), and the parser's report back.
// Plain text gives bare lines; .docx gives whole paragraphs with their look; PDF gives printed lines
// with their size and position, page numbers already dropped by position.
import type { Figure, ImageRef, Issue, Paragraph, Table } from '../model/issue.ts';

export interface SourceRun {
  text: string;
  bold?: boolean;
}

export interface SourceLine {
  text: string;
  /** the runs of the line when the format knows them (a bold head run into plain text) */
  runs?: SourceRun[];
  /** every visible character of the line is bold */
  bold?: boolean;
  /** font size in points (the largest on the line) */
  sizePt?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** printed in red (a red masthead) */
  red?: boolean;
  /** the line starts with a first-line indent: a paragraph starts here */
  indented?: boolean;
  /** 1-based page the line is printed on */
  page?: number;
  /** the line runs to the right edge of the type area (a printed line that wrapped), when the format knows */
  full?: boolean;
  /**
   * A table or photo standing here instead of text (a .docx's): the body reader puts it in the article or
   * item it stands in, as it stands; `text` is empty then.
   */
  element?: SourceElement;
}

/**
 * What a reader found between the lines besides text: a statistics table, a photo with its caption, or the
 * caption of a photo that could not be read, kept as a paragraph where it stood (read as text, it could be
 * taken for a title).
 */
export type SourceElement = Table | Figure | Paragraph;

/** An image a reader took from the file, prepared for the archive (electron/services/images/prepare-image.ts). */
export interface ImportedImage {
  ref: ImageRef;
  bytes: Uint8Array;
}

export interface SourceDocument {
  /**
   * `paragraphs`: each line is a whole paragraph (Word, HTML), never joined with the next.
   * `lines`: physical lines that may be a paragraph hard-wrapped (plain text, PDF).
   */
  unit: 'paragraphs' | 'lines';
  lines: SourceLine[];
  /** the format the lines came from, for the report */
  format: SourceFormat;
}

export type SourceFormat = 'text' | 'docx' | 'doc' | 'pdf' | 'html';

/** Which masthead facts the text itself gave (the rest in `issue` are defaults). */
export interface FoundFacts {
  seriesName: boolean;
  number: boolean;
  date: boolean;
  docNumber: boolean;
}

export interface ParsedBulletin {
  issue: Issue;
  found: FoundFacts;
  /** things the parser had to guess, in Chinese, for the import report */
  warnings: string[];
  /** web-page chrome and other lines set aside (the one thing besides page numbers import may drop) */
  setAside: string[];
}

/** A file read into the canonical issue, with what the reader had to guess or set aside. */
export interface ReadBulletin extends ParsedBulletin {
  /** how the issue was read: a format's structure, or the canonical issue a file carried (.json, a Jianbao .docx) */
  via: SourceFormat | 'canonical';
  /**
   * the images the issue's figures show, prepared (absent when it shows none): stored in the archive in the
   * step that files the issue, never inside the issue
   */
  images?: ImportedImage[];
}

/** A source of bare text lines, as a plain-text file or a paste gives them. */
export function textSource(text: string, format: SourceFormat = 'text'): SourceDocument {
  return { unit: 'lines', lines: text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\u2028|\u2029|\f/).map((line) => ({ text: line })), format };
}
