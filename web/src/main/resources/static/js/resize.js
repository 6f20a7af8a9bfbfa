// The details panel's width: dragged by its left edge, or stepped with the arrow keys on that
// edge (a separator), within 18rem and 70% of the window. The width is a CSS variable of the
// layout and is published on the panel (data-width, in pixels); the graph is fitted to its new box.

import { byId } from './dom.js';

const STEP = 40;

export function wirePanelResize(onResized) {
  const handle = byId('panel-resizer');
  const panels = byId('panels');
  const layout = panels.parentElement;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  // a focusable separator says its value: the panel's width in pixels, between its bounds
  const publish = (width) => {
    handle.setAttribute('aria-valuemin', String(Math.round(18 * rem)));
    handle.setAttribute('aria-valuemax', String(Math.round(window.innerWidth * 0.7)));
    handle.setAttribute('aria-valuenow', String(width));
    handle.setAttribute('aria-valuetext', `${width} pixels wide`);
  };
  publish(Math.round(panels.getBoundingClientRect().width));
  const setWidth = (px) => {
    const width = Math.round(Math.min(window.innerWidth * 0.7, Math.max(18 * rem, px)));
    layout.style.setProperty('--panels-width', `${width}px`);
    panels.dataset.width = String(width);
    publish(width);
    onResized();
  };
  handle.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    handle.setPointerCapture(e.pointerId);
    const right = panels.getBoundingClientRect().right;
    const move = (m) => setWidth(right - m.clientX);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      setWidth(panels.getBoundingClientRect().width + (e.key === 'ArrowLeft' ? STEP : -STEP));
    }
  });
}
