// The details panel's width: dragged by its left edge, or stepped with the arrow keys on that
// edge (a separator), from 18rem to what the window leaves once the sidebar (when shown) and a
// graph of at least MIN_GRAPH_REM are in it, so that the page never scrolls sideways. The width is
// a CSS variable of the layout and is published on the panel (data-width, in pixels); the graph is
// fitted to its new box.

import { byId } from './dom.js';

const STEP = 40;
/** The narrowest the graph may become, in rem. */
const MIN_GRAPH_REM = 20;
/** The layout's padding and gaps, in rem. */
const GUTTERS_REM = 3;

export function wirePanelResize(onResized) {
  const handle = byId('panel-resizer');
  const panels = byId('panels');
  const layout = panels.parentElement;
  // meeting mode enlarges the root size: read it when it is needed
  const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize);
  const widest = () => {
    const sidebar = document.querySelector('.sidebar');
    const side = sidebar && sidebar.getClientRects().length > 0 ? sidebar.getBoundingClientRect().width : 0;
    return Math.max(18 * rem(), Math.floor(window.innerWidth - side - (MIN_GRAPH_REM + GUTTERS_REM) * rem()));
  };
  // a focusable separator says its value: the panel's width in pixels, between its bounds
  const publish = (width) => {
    handle.setAttribute('aria-valuemin', String(Math.round(18 * rem())));
    handle.setAttribute('aria-valuemax', String(widest()));
    handle.setAttribute('aria-valuenow', String(width));
    handle.setAttribute('aria-valuetext', `${width} pixels wide`);
  };
  publish(Math.round(panels.getBoundingClientRect().width));
  const setWidth = (px) => {
    const width = Math.round(Math.min(widest(), Math.max(18 * rem(), px)));
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
