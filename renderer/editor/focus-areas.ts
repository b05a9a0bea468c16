// F6 / Shift+F6 move between the editor's areas (报头, 正文, 版记, 校对) as in Word and WPS; Tab stays
// inside the body. An area is any element marked data-area; its first field takes the focus.
const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [contenteditable="true"]';

export function moveFocusArea(direction: 1 | -1, root: ParentNode = document): string | null {
  const areas = [...root.querySelectorAll<HTMLElement>('[data-area]')];
  if (areas.length === 0) return null;
  const current = areas.findIndex((area) => area.contains(document.activeElement));
  const start = current === -1 ? (direction === 1 ? -1 : 0) : current;
  for (let step = 1; step <= areas.length; step++) {
    const area = areas[(start + direction * step + areas.length * 2) % areas.length]!;
    const target = area.matches(FOCUSABLE) ? area : area.querySelector<HTMLElement>(FOCUSABLE);
    if (!target) continue;
    target.focus();
    return area.dataset.area ?? null;
  }
  return null;
}
