// The force-directed layout (fcose), and the pass that moves labels off each other after a fresh
// drawing and in meeting mode's larger type. The genogram's layout is genogram.js, a pure module.

/**
 * The force layout's options. It spaces the symbols; a fresh drawing then moves labels off each
 * other (separateLabels), since a name with its marks, "Ruby Hale (6) [NOT ASSESSED] [FLAG 2]", is
 * far wider than its symbol (layout45: Ruby's label over Dawn's in Kyle's household). Spacing by the
 * labels inside the layout instead spread every network out and made every name smaller.
 */
export function fcose(animate = true) {
  return { name: 'fcose', quality: 'default', randomize: true, animate, animationDuration: 400,
    nodeRepulsion: 6500, idealEdgeLength: 90, nodeSeparation: 90, fit: true, padding: 30 };
}

/**
 * Moves boxes (a node's symbol with its label) apart until no two overlap, each as little as it can:
 * every overlapping pair is pushed apart, half each, along the axis where they overlap least (with
 * a gap between them), pass after pass, in the same order every time, so that the same graph always
 * comes out the same. Boxes that do not overlap do not move. A fixed box never moves: the other of
 * its pair is pushed the whole way, and two fixed boxes stay as they are. A box the passes leave over
 * another goes to the nearest place where it is over no one.
 *
 * @param boxes [{key, x, y, x1, y1, x2, y2}]: the node's position and its box (model pixels)
 * @param fixed the keys of the boxes that stay where they are
 * @returns key → {x, y}: where each node goes
 */
export function separateLabels(boxes, fixed = new Set(), gap = 6, passes = 400) {
  const at = [...boxes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((b) => ({
    key: b.key, x: b.x, y: b.y, left: b.x1 - b.x, right: b.x2 - b.x, top: b.y1 - b.y, bottom: b.y2 - b.y,
  }));
  const before = (a, b, axis) => a[axis] < b[axis] || (a[axis] === b[axis] && a.key < b.key);
  for (let pass = 0; pass < passes; pass += 1) {
    let moved = false;
    for (let i = 0; i < at.length; i += 1) {
      for (let j = i + 1; j < at.length; j += 1) {
        const a = at[i];
        const b = at[j];
        const across = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left) + gap;
        const down = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top) + gap;
        const aFixed = fixed.has(a.key);
        const bFixed = fixed.has(b.key);
        if (across > 0 && down > 0 && !(aFixed && bFixed)) {
          moved = true;
          const axis = across <= down ? 'x' : 'y';
          const overlap = axis === 'x' ? across : down;
          const sign = before(a, b, axis) ? -1 : 1;
          // half each, or the whole way for the one that may move
          a[axis] += aFixed ? 0 : sign * (bFixed ? overlap : overlap / 2);
          b[axis] -= bFixed ? 0 : sign * (aFixed ? overlap : overlap / 2);
        }
      }
    }
    if (!moved) {
      break;
    }
  }
  // a box still over another once the passes end (pushed back and forth between fixed boxes: Sara's
  // label and probation's after Gary's expansion, once in a full test run) goes to the nearest place
  // where it is over no one: rings round where it is, nearest first, in the same order every time
  const clash = (a, b) => Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left) + gap > 0
    && Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top) + gap > 0;
  at.filter((a) => !fixed.has(a.key)).forEach((a) => {
    if (!at.some((b) => b !== a && clash(a, b))) {
      return;
    }
    const step = Math.max(8, (a.bottom - a.top) / 2);
    for (let ring = 1; ring <= 60; ring += 1) {
      const points = 8 * ring;
      for (let i = 0; i < points; i += 1) {
        const angle = (2 * Math.PI * i) / points;
        const trial = { ...a, x: a.x + ring * step * Math.cos(angle), y: a.y + ring * step * Math.sin(angle) };
        if (!at.some((b) => b !== a && clash(trial, b))) {
          a.x = trial.x;
          a.y = trial.y;
          return;
        }
      }
    }
  });
  return Object.fromEntries(at.map((a) => [a.key, { x: a.x, y: a.y }]));
}
