// Conversions between the units print layout is written in: millimetres, points, twips (1/20 pt),
// half-points (docx font sizes) and eighths of a point (docx border widths).
export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
export const TWIPS_PER_PT = 20;
export const HALF_POINTS_PER_PT = 2;
export const EIGHTHS_PER_PT = 8;

export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;
export const ptToMm = (pt: number): number => (pt / PT_PER_INCH) * MM_PER_INCH;
export const twipsToPt = (twips: number): number => twips / TWIPS_PER_PT;

/** Whole twips, as docx wants them. */
export const ptToTwips = (pt: number): number => Math.round(pt * TWIPS_PER_PT);
export const mmToTwips = (mm: number): number => ptToTwips(mmToPt(mm));
export const ptToHalfPoints = (pt: number): number => Math.round(pt * HALF_POINTS_PER_PT);
export const ptToEighths = (pt: number): number => Math.round(pt * EIGHTHS_PER_PT);

/** A length for CSS, in the unit it was specified in, without floating-point noise. */
export const cssMm = (mm: number): string => `${Number(mm.toFixed(3))}mm`;
export const cssPt = (pt: number): string => `${Number(pt.toFixed(3))}pt`;

/** CSS pixels (96 to the inch), the unit docx sizes an image in. */
export const PX_PER_INCH = 96;
export const ptToPx = (pt: number): number => Math.round((pt / PT_PER_INCH) * PX_PER_INCH);
