import { describe, expect, it } from 'vitest';
import { LAYOUT_PROFILES } from '../model/series.ts';
import { ELEMENTS, PAGE_PROFILES, characterSpacingTwipsFor, pageGeometry, pageNumberPlacement, redRulePlacement } from './profiles.ts';
import { mmToTwips, ptToMm, twipsToPt } from './units.ts';

describe.each(LAYOUT_PROFILES)('layout profile %s', (name) => {
  const page = pageGeometry(name);

  it('has the largest whole-twip exact line pitch at which 22 lines fill the type area', () => {
    const typeAreaTwips = mmToTwips(page.typeAreaHeightMm);
    expect(page.linesPerPage * page.linePitchTwips).toBeLessThanOrEqual(typeAreaTwips);
    expect(page.linesPerPage * (page.linePitchTwips + 1)).toBeGreaterThan(typeAreaTwips);
  });

  it('fits 28 characters of 三号 text a line only with the −5 twips of character spacing', () => {
    const sizePt = ELEMENTS.body.sizePt;
    const spacingPt = twipsToPt(characterSpacingTwipsFor(sizePt));
    expect(spacingPt).toBe(-0.25);
    expect(28 * (sizePt + spacingPt)).toBeLessThanOrEqual(page.typeAreaWidthPt);
    expect(29 * (sizePt + spacingPt)).toBeGreaterThan(page.typeAreaWidthPt);
    expect(28 * sizePt).toBeGreaterThan(page.typeAreaWidthPt);
  });

  it('puts the middle of the page number’s line 7 mm under the type area', () => {
    const { footerDistanceMm, lineHeightPt, gapAboveLineMm } = pageNumberPlacement(page);
    expect(footerDistanceMm + ptToMm(lineHeightPt / 2)).toBeCloseTo(page.marginBottomMm - 7, 6);
    expect(gapAboveLineMm + ptToMm(lineHeightPt / 2)).toBeCloseTo(7, 6);
  });

  it('makes the issuer line, the gap and the red rule take exactly two lines of the grid', () => {
    for (const sizePt of ELEMENTS.issuerLine.sizesPt) {
      const { spacePt, afterPt } = redRulePlacement(page, sizePt);
      expect(page.linePitchPt + spacePt + ELEMENTS.redRule.widthPt + afterPt).toBeCloseTo(2 * page.linePitchPt, 6);
      expect(afterPt).toBeGreaterThan(0);
    }
  });
});

describe('the two layout profiles', () => {
  it('share the 28 mm / 26 mm side margins and differ in the top and bottom ones', () => {
    expect(PAGE_PROFILES.gbt9704.marginLeftMm).toBe(PAGE_PROFILES['first-glyph'].marginLeftMm);
    expect(PAGE_PROFILES.gbt9704.marginRightMm).toBe(PAGE_PROFILES['first-glyph'].marginRightMm);
    expect(PAGE_PROFILES['first-glyph'].marginTopMm).toBeLessThan(PAGE_PROFILES.gbt9704.marginTopMm);
    expect(pageGeometry('gbt9704').typeAreaWidthMm).toBe(156);
    expect(pageGeometry('gbt9704').typeAreaHeightMm).toBe(225);
  });
});
