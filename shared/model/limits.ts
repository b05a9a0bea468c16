// Upper bounds that every API payload and imported file is held to, so that hostile input is refused
// at the boundary instead of exhausting memory further in. Each is far above what a real bulletin needs.
export const ISSUE_LIMITS = {
  titleChars: 4000,
  paragraphChars: 100_000,
  /** the whole body: a 200-page bulletin holds about 115 000 characters */
  bodyChars: 3_000_000,
  runsPerParagraph: 2000,
  paragraphsPerBlock: 20_000,
  blocks: 5000,
  recipientChars: 500,
  recipients: 2000,
  /** bytes of a text file that import will read */
  textFileBytes: 20 * 1024 * 1024,
  /**
   * bytes of a plain-text (.txt) bulletin: about 3.3 million characters in UTF-8, already past bodyChars;
   * reading one takes memory in proportion, and a larger file would exhaust the reader's
   */
  plainTextFileBytes: 10 * 1024 * 1024,
} as const;

/** Bounds of a table inside an article: far past any statistics table a bulletin prints. */
export const TABLE_LIMITS = {
  columns: 20,
  headerRows: 4,
  rows: 1000,
} as const;

/** Bounds of a photo: what is accepted, and what is stored after downscaling to print resolution. */
export const IMAGE_LIMITS = {
  /** bytes of an image file accepted for insertion (a camera's photo is 3–15 MB) */
  fileBytes: 40 * 1024 * 1024,
  /** pixels an image may have before it is decoded (a 20000 × 20000 PNG is refused, not decoded) */
  inputPixels: 120_000_000,
  /** the longest side a stored image may have (prepared photos are smaller: print resolution, see figure-layout.ts) */
  storedSidePx: 4000,
  minWidthPercent: 20,
} as const;
