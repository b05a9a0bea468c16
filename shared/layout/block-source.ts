// Where a printed block comes from in the body, so the editor can mark where each page starts.

/**
 * Where a printed paragraph comes from in the body (the body blocks without the 导读, in order), so the
 * editor can mark where each page starts. `prefix` counts the characters printed before the paragraph's own
 * text (a news item's marker, head and colon run in before its first paragraph), `marker` the marker's share.
 * A table's or figure's pieces name the element's index in its content list as `paragraph`.
 */
export interface BlockSource {
  block: number;
  part: 'title' | 'subtitle' | 'paragraph' | 'sectionHeading' | 'itemHead';
  item?: number;
  paragraph?: number;
  prefix?: number;
  marker?: number;
}
