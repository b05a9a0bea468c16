// The Slate nodes of a bulletin body (articles and news sections), declared to Slate through its
// CustomTypes augmentation so that every Slate API in the app is typed with them.
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { ColumnAlign, HeadingLevel, ImageRef, NewsHeadForm, Sources } from '../../../shared/model/issue.ts';

/** A run of text; bold is the only character style a bulletin has. */
export interface BulletinText {
  text: string;
  bold?: true;
}

export interface ArticleTitleElement {
  type: 'article-title';
  children: BulletinText[];
}

export interface ArticleSubtitleElement {
  type: 'article-subtitle';
  children: BulletinText[];
}

/** A body paragraph; `heading` makes it a numbered sub-heading: 1 一、, 2 （一）, 3 1., 4 （1）. */
export interface ParagraphElement {
  type: 'paragraph';
  heading?: HeadingLevel;
  children: BulletinText[];
}

/** A table's title, printed above it; empty when the table has none. */
export interface TableTitleElement {
  type: 'table-title';
  children: BulletinText[];
}

/** One cell: its text (bold allowed); in a header row it may span columns and header rows (merged cells). */
export interface TableCellElement {
  type: 'table-cell';
  colSpan?: number;
  rowSpan?: number;
  children: BulletinText[];
}

/** A header row, a body row or the 合计 row; rows stand in that order, the 合计 row at most once and last. */
export type TableRowRole = 'header' | 'body' | 'total';

export interface TableRowElement {
  type: 'table-row';
  role: TableRowRole;
  children: TableCellElement[];
}

/** A statistics table: its title first, then its rows; `columns` holds each column's alignment. */
export interface TableElement {
  type: 'table';
  columns: ColumnAlign[];
  children: (TableTitleElement | TableRowElement)[];
}

/** A figure's caption (图为…), plain text. */
export interface FigureCaptionElement {
  type: 'figure-caption';
  children: BulletinText[];
}

/** A photo stored in the archive, shown at `widthPercent` of the type area's width, its caption its one child. */
export interface FigureElement {
  type: 'figure';
  image: ImageRef;
  widthPercent: number;
  children: FigureCaptionElement[];
}

/** What an article's or item's body holds: paragraphs, tables and figures. */
export type ContentNode = ParagraphElement | TableElement | FigureElement;

export interface ItemHeadElement {
  type: 'item-head';
  children: BulletinText[];
}

/** Which units' report an article or item is, and a leader's 批示 on it (信息采用): carried, not shown as text. */
export interface AttributionFields {
  sources?: Sources;
  instruction?: string;
}

/** Title, optional subtitle right after it, then paragraphs, tables and figures (at least one paragraph). */
export interface ArticleElement extends AttributionFields {
  type: 'article';
  children: (ArticleTitleElement | ArticleSubtitleElement | ContentNode)[];
}

/** A ▲ item: its head, then paragraphs, tables and figures (at least one paragraph); `form` says how the head prints. */
export interface NewsItemElement extends AttributionFields {
  type: 'news-item';
  form: NewsHeadForm;
  children: (ItemHeadElement | ContentNode)[];
}

/** A news section; its heading comes from the series template and is not editable text. */
export interface NewsSectionElement {
  type: 'news-section';
  heading: string;
  marker: boolean;
  children: NewsItemElement[];
}

/** The one-line text blocks: title, subtitle and item head (plain text, no sub-heading level). */
export type LineElement = ArticleTitleElement | ArticleSubtitleElement | ItemHeadElement;
/** The text holders inside a table or figure: title, cell, caption. */
export type CellLikeElement = TableTitleElement | TableCellElement | FigureCaptionElement;
export type TextBlockElement = LineElement | ParagraphElement | CellLikeElement;
export type TopLevelElement = ArticleElement | NewsSectionElement;
export type BulletinElement = TopLevelElement | NewsItemElement | TextBlockElement | TableElement | TableRowElement | FigureElement;
export type BulletinElementType = BulletinElement['type'];

export type BulletinEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: BulletinEditor;
    Element: BulletinElement;
    Text: BulletinText;
  }
}
