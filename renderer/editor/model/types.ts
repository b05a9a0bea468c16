// The Slate nodes of a bulletin body (articles and news sections), declared to Slate through its
// CustomTypes augmentation so that every Slate API in the app is typed with them.
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { HeadingLevel, NewsHeadForm, Sources } from '../../../shared/model/issue.ts';

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

export interface ItemHeadElement {
  type: 'item-head';
  children: BulletinText[];
}

/** Which units' report an article or item is, and a leader's 批示 on it (信息采用): carried, not shown as text. */
export interface AttributionFields {
  sources?: Sources;
  instruction?: string;
}

/** Title, optional subtitle right after it, then one or more paragraphs. */
export interface ArticleElement extends AttributionFields {
  type: 'article';
  children: (ArticleTitleElement | ArticleSubtitleElement | ParagraphElement)[];
}

/** A ▲ item: its head, then one or more paragraphs; `form` says how the head prints. */
export interface NewsItemElement extends AttributionFields {
  type: 'news-item';
  form: NewsHeadForm;
  children: (ItemHeadElement | ParagraphElement)[];
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
export type TextBlockElement = LineElement | ParagraphElement;
export type TopLevelElement = ArticleElement | NewsSectionElement;
export type BulletinElement = TopLevelElement | NewsItemElement | TextBlockElement;
export type BulletinElementType = BulletinElement['type'];

export type BulletinEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: BulletinEditor;
    Element: BulletinElement;
    Text: BulletinText;
  }
}
