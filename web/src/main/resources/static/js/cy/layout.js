// The force-directed layout (fcose), and the pass that moves labels off each other after a fresh
// drawing and in meeting mode's larger type. The genogram's layout is genogram.js, a pure module.

import { crosses } from '../genogram.js';

/**
 * The force layout's options. It spaces the symbols; a fresh drawing then moves labels off each
 * other (separateLabels), since a name with its marks, "Ruby Hale (6) [NOT ASSESSED] [FLAG 2]", is
 * far wider than its symbol (layout45: Ruby's label over Dawn's in Kyle's household). Spacing by the
 * labels inside the layout instead spread every network out and made every name smaller.
 * Never animated: from its random start everyone flew in from a heap, then jumped once the labels
 * were spread and the view fitted (walk 64: the first opening drew the network twice); unanimated,
 * the network is drawn once, where it stays.
 */
export function fcose() {
  return { name: 'fcose', quality: 'default', randomize: true, animate: false,
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
 * @param placeStuck whether a box the passes leave over another goes to the nearest free place (false:
 *   where the passes left it, for a quick estimate of a shape's size)
 * @returns key → {x, y}: where each node goes
 */
export function separateLabels(boxes, fixed = new Set(), gap = 6, passes = 400, placeStuck = true) {
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
  at.filter((a) => placeStuck && !fixed.has(a.key)).forEach((a) => {
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

/** The factors a shape spreads a network by along its box's long axis, and draws it together by along the other. */
const STRETCHES = [1, 1.3, 1.6, 2.2];
const SQUEEZES = [1, 0.85, 0.7, 0.55, 0.45];
/** How far the network's shape must differ from its box's to be shaped at all. */
const STRETCH_FROM = 1.15;
/** How much larger a shape must draw the names than the layout's own to be chosen instead. */
const STRETCH_GAIN = 1.05;
/** The passes that estimate each shape's size with its labels moved apart. */
const ESTIMATE_PASSES = 60;

/** Whether the straight line from a to b passes over the box of half-size (w, h) around at. */
export function lineMeetsBox(a, b, at, half) {
  return crosses(a, b, { x1: at.x - half.w, y1: at.y - half.h, x2: at.x + half.w, y2: at.y + half.h });
}

/**
 * The shape in which a network is drawn largest in a box of width × height (meeting mode's shared
 * screen), or null for the layout's own. The places are spread along the axis the network is short of
 * and drawn together along the other, about the middle, by each of a few factors; each shape's labels
 * are moved apart in a few passes to estimate its size, and the largest is chosen that, its labels
 * moved apart in full as the screen will draw them, still draws the names STRETCH_GAIN larger with no more
 * lines run over the symbol of a person they do not join than in the layout's own (walk 62: a line from
 * Dawn to Tom over Ruby read as Ruby being Dawn's child).
 *
 * @param boxes [{key, x, y, x1, y1, x2, y2, halfWidth, halfHeight, person}]: each node's place, its box
 *   with its label, half its symbol's size (model pixels), and whether it is a person (or someone hidden),
 *   whom no line must seem to join (a line over a service's symbol misreads nobody's family)
 * @param lines [[key, key]]: the lines between them
 * @returns {move, undo, places}: the shape (place → place), its undoing, and each box's place drawn
 *   (key → {x, y}); or null for the layout's own
 */
export function chooseShape(boxes, lines, width, height) {
  const x1 = Math.min(...boxes.map((b) => b.x1));
  const x2 = Math.max(...boxes.map((b) => b.x2));
  const y1 = Math.min(...boxes.map((b) => b.y1));
  const y2 = Math.max(...boxes.map((b) => b.y2));
  // > 1: the box is wider than the network; < 1: taller
  const ratio = (width / height) / ((x2 - x1) / (y2 - y1));
  if (boxes.length < 3 || !(ratio >= STRETCH_FROM || ratio <= 1 / STRETCH_FROM)) {
    return null;
  }
  const [long, short] = ratio > 1 ? ['x', 'y'] : ['y', 'x'];
  const middle = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
  // a shape and its undoing: about the middle, along each axis by a factor
  const shape = (spread, squeeze) => {
    const factor = { [long]: spread, [short]: squeeze };
    const by = (f) => (place) => ({ ...place, x: middle.x + (place.x - middle.x) * f(factor.x),
      y: middle.y + (place.y - middle.y) * f(factor.y) });
    return { move: by((f) => f), undo: by((f) => 1 / f) };
  };
  const half = new Map(boxes.map((b) => [b.key, { w: b.halfWidth, h: b.halfHeight }]));
  // a shape with its labels moved apart (in a few passes for an estimate; in full, as spreadLabels
  // will, for the places drawn): the zoom at which it fits the box, the names' size, and how many
  // lines run over a person they do not join
  const measure = (move, passes, placeStuck) => {
    const shaped = boxes.map((b) => {
      const p = move(b);
      return { ...b, x: p.x, y: p.y, x1: b.x1 + p.x - b.x, x2: b.x2 + p.x - b.x, y1: b.y1 + p.y - b.y, y2: b.y2 + p.y - b.y };
    });
    const places = separateLabels(shaped, new Set(), 6, passes, placeStuck);
    const edge = (b, side, axis) => b[side] + places[b.key][axis] - b[axis];
    const w = Math.max(...shaped.map((b) => edge(b, 'x2', 'x'))) - Math.min(...shaped.map((b) => edge(b, 'x1', 'x')));
    const h = Math.max(...shaped.map((b) => edge(b, 'y2', 'y'))) - Math.min(...shaped.map((b) => edge(b, 'y1', 'y')));
    const over = lines.reduce((count, [a, b]) => count + boxes.filter((n) => n.person && n.key !== a && n.key !== b
      && lineMeetsBox(places[a], places[b], places[n.key], half.get(n.key))).length, 0);
    return { zoom: Math.min(width / w, height / h), over, places };
  };
  const estimate = (move) => measure(move, ESTIMATE_PASSES, false);
  const drawn = (move) => measure(move, 400, true);
  const asLaid = drawn((p) => p);
  // the shapes by their estimated size, largest first; the first that, drawn in full, is larger and
  // lays no more lines over people than the layout's own drawn in full (review 80: the estimate alone
  // let a line come to lie over someone on screen)
  const candidates = [];
  STRETCHES.forEach((spread) => SQUEEZES.forEach((squeeze) => {
    if (spread !== 1 || squeeze !== 1) {
      const candidate = shape(spread, squeeze);
      candidates.push({ ...candidate, zoom: estimate(candidate.move).zoom });
    }
  }));
  candidates.sort((a, b) => b.zoom - a.zoom);
  for (const candidate of candidates) {
    if (candidate.zoom <= asLaid.zoom * STRETCH_GAIN) {
      break;
    }
    const full = drawn(candidate.move);
    if (full.over <= asLaid.over && full.zoom > asLaid.zoom * STRETCH_GAIN) {
      return { move: candidate.move, undo: candidate.undo, places: full.places };
    }
  }
  return null;
}

/** How far beyond a person's symbol a line they do not join is kept (model pixels), and the passes that try. */
const LINE_CLEARANCE = 8;
const CLEAR_PASSES = 40;

/**
 * Moves people off the lines that run over their symbols without joining them (walk 63: Dawn's line to
 * Lily over Ruby, Kerry's line to Sara over Gary, each read as a parent that is not): each such person is
 * pushed square to the line, away from it, just far enough to clear it, pass after pass (the lines move
 * with their ends), in the same order every time. Nobody else moves; what the passes cannot clear stays.
 *
 * @param boxes [{key, x, y, halfWidth, halfHeight, person}]: each node's place and half its symbol's size
 * @param lines [[key, key]]: the lines between them
 * @returns key → {x, y}: where each node goes
 */
export function clearLines(boxes, lines, passes = CLEAR_PASSES) {
  const at = Object.fromEntries(boxes.map((b) => [b.key, { x: b.x, y: b.y }]));
  const people = [...boxes].filter((b) => b.person).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let pass = 0; pass < passes; pass += 1) {
    let moved = false;
    people.forEach((p) => {
      const reach = Math.max(p.halfWidth, p.halfHeight) + LINE_CLEARANCE;
      lines.forEach(([a, b]) => {
        if (a === p.key || b === p.key) {
          return;
        }
        const [from, to, me] = [at[a], at[b], at[p.key]];
        const dx = to.x - from.x;
        const dy = to.y - from.y;
        const length = dx * dx + dy * dy;
        if (length === 0) {
          return;
        }
        // the nearest point of the line to the person, and how far they are from it
        const t = Math.max(0, Math.min(1, ((me.x - from.x) * dx + (me.y - from.y) * dy) / length));
        const near = { x: from.x + t * dx, y: from.y + t * dy };
        let away = { x: me.x - near.x, y: me.y - near.y };
        const distance = Math.hypot(away.x, away.y);
        if (distance >= reach || t === 0 || t === 1) {
          return;
        }
        // square to the line (on the line itself, to its left), as far as it takes to clear it
        away = distance > 0 ? { x: away.x / distance, y: away.y / distance }
          : { x: -dy / Math.sqrt(length), y: dx / Math.sqrt(length) };
        me.x += away.x * (reach - distance);
        me.y += away.y * (reach - distance);
        moved = true;
      });
    });
    if (!moved) {
      break;
    }
  }
  return at;
}
