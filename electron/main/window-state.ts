// The main window's size, position and maximized state, kept in userData/window-state.json between runs
// and used again only where it still fits on a display that is attached now.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 };
export const MIN_WINDOW_SIZE = { width: 960, height: 640 };

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WINDOW_SIZE.width).max(100_000),
  height: z.number().int().min(MIN_WINDOW_SIZE.height).max(100_000),
  maximized: z.boolean(),
});

export type WindowState = z.infer<typeof windowStateSchema>;

/** enough of the window on screen to grab its title bar */
const VISIBLE_MARGIN = { width: 200, height: 80 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The saved state if it is readable and still reachable on one of workAreas, shrunk to fit it; else null. */
export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState | null {
  let saved: WindowState;
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return null;
    saved = parsed.data;
  } catch {
    return null;
  }
  const area = workAreas.find((candidate) => {
    const shared = overlap(saved, candidate);
    return shared.width >= VISIBLE_MARGIN.width && shared.height >= VISIBLE_MARGIN.height;
  });
  if (!area) return null;
  return { ...saved, width: Math.min(saved.width, area.width), height: Math.min(saved.height, area.height) };
}

/** Written to a temporary file first, so a crash mid-write never leaves a torn state file. */
export function saveWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}
