// The genogram and ecomap layout: pure functions, plain data in and positions out, so that the
// same family is always drawn the same way (never re-randomised) and the layout can be tested
// without a graph library. controller.js applies the answer with Cytoscape's preset layout.
//
// Conventions followed (as practitioners draw them): generations in rows, oldest at the top;
// partners side by side joined by a partnership line; one descent line from the couple (or from a
// single parent) down to their children, ordered by date of birth from the left; children drawn on
// the side of the parent they live with when the parents live apart; partners who do not share a
// home drawn further apart, so that a household outline around one home does not take in the other
// partner; professionals, agencies and homes that are no household in a ring around the family,
// each agency followed by its professionals.

/**
 * Distance between two people in a row, and between rows, at the ordinary size of type; the
 * controller passes wider ones (input.column, input.row) when the labels are wider (meeting mode).
 */
const SPACING = { column: 150, row: 200 };
export const COLUMN = SPACING.column;
export const ROW = SPACING.row;

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The generation of every person: the subject 0, parents -1, children +1, partners and siblings alike. */
export function generations(input) {
  const { subject, people, partnerships = [], parentage = [], siblings = [] } = input;
  const links = new Map(people.map((p) => [p.key, []]));
  const link = (a, b, step) => {
    if (links.has(a) && links.has(b)) {
      links.get(a).push([b, step]);
      links.get(b).push([a, -step]);
    }
  };
  partnerships.forEach((p) => link(p.a, p.b, 0));
  siblings.forEach((s) => link(s.a, s.b, 0));
  parentage.forEach((p) => link(p.parent, p.child, 1));
  const generation = new Map();
  const spread = (start, g) => {
    generation.set(start, g);
    const queue = [start];
    while (queue.length > 0) {
      const key = queue.shift();
      links.get(key).forEach(([other, step]) => {
        if (!generation.has(other)) {
          generation.set(other, generation.get(key) + step);
          queue.push(other);
        }
      });
    }
  };
  const subjectPerson = people.find((p) => p.key === subject);
  if (subjectPerson) {
    spread(subject, 0);
  }
  // people reached only through homes or professionals: adults in the subject's row, children below
  const subjectIsChild = Boolean(subjectPerson && subjectPerson.child);
  [...people].sort((a, b) => byText(a.key, b.key)).forEach((p) => {
    if (!generation.has(p.key)) {
      spread(p.key, p.child && !subjectIsChild ? 1 : 0);
    }
  });
  return generation;
}

/** Key of the couple of two people, the same whichever is named first. */
export function unionKey(a, b) {
  return `union:${[a, b].sort(byText).join('|')}`;
}

/**
 * The whole layout. Input: subject (a person key); people [{key, dateOfBirth, child}];
 * partnerships [{key, a, b}] (partner edges); parentage [{key, parent, child, kind}];
 * siblings [{a, b}] (only to place people whose parents are not shown); households
 * [{key, members}] (the people living there on the as-of day); others [{key, group, people}] (everything
 * for the ring; group is the agency a professional works for, or the node's own key; people, the
 * family it is linked to, whom its lines go to).
 *
 * column, row and ringColumn (optional): the spacing, COLUMN and ROW unless given; the controller derives
 * them from the widest and tallest label, so that labels never overlap whatever their size.
 * gap (optional): the room a column leaves between the widest labels (24 unless given);
 * padding (optional): the room inside a household's outline around its members (8 unless given);
 * two households' outlines never overlap (separateHouseholds).
 * bands (optional): {top, bottom}, how far above the family's top row and below its bottom row the
 * ecomap's bands lie (the controller derives them from the symbols, labels and household outlines,
 * leaving a corridor for the ecomap's lines between each band and the family); half a row above and
 * two thirds of a row below unless given.
 * compact (optional; meeting mode, where the family must fit a shared screen at a size a room can
 * read): partners who live apart one column apart instead of two, except where that would misdraw the
 * family; each couple's (or single parent's) children are kept together under their own parents, and
 * no descent line runs over, or drops on, a child of another couple; children who live with one
 * parent start under that parent, away from the other, so that their home's outline takes in no one else.
 *
 * Answers {positions: key → {x, y}, unions: [{key, a, b, partnership, x, y}],
 * descents: [{key, source, target, kind}], twins: [[key, key, ...]] (left to right),
 * generation: key → row}. A union is a couple (partners,
 * or two people who are parents of the same child); partnership is the partner edge's key or null.
 */
export function genogramLayout(input) {
  if (!input.compact) {
    return place(input).plan;
  }
  // compact: partners apart one column apart, then two where that would misdraw the family (a
  // descent line over another couple's child, a household outline around someone who lives elsewhere)
  const wide = new Set();
  let placed = place(input, wide);
  for (let round = 0; round < 16; round += 1) {
    const widen = crowded(placed).filter((pair) => !wide.has(pair));
    if (widen.length === 0) {
      break;
    }
    widen.forEach((pair) => wide.add(pair));
    placed = place(input, wide);
  }
  return placed.plan;
}

/** Key of a pair of neighbours in a row, left first. */
const pairKey = (a, b) => `${a}|${b}`;

/**
 * The layout with the gaps between partners who live apart: two columns (the ordinary layout), or in
 * the compact one (wide given) one column unless the pair is in wide. Answers {plan, ...} with what
 * crowded() checks.
 */
function place(input, wide = null) {
  const compact = wide !== null;
  const { people, partnerships = [], parentage = [], households = [], others = [] } = input;
  const COLUMN = Math.max(input.column || 0, SPACING.column);
  const ROW = Math.max(input.row || 0, SPACING.row);
  const generation = generations(input);
  const person = new Map(people.map((p) => [p.key, p]));
  const dob = (key) => (person.get(key) && person.get(key).dateOfBirth) || '9999-12-31';
  const homes = new Map();
  households.forEach((h) => h.members.forEach((m) => {
    if (!homes.has(m)) {
      homes.set(m, new Set());
    }
    homes.get(m).add(h.key);
  }));
  const liveTogether = (a, b) => [...(homes.get(a) || [])].some((h) => (homes.get(b) || new Set()).has(h));

  // parents of each child, grouped by kind of parenthood (birth first)
  const parentsOf = new Map();
  parentage.forEach((p) => {
    if (!person.has(p.parent) || !person.has(p.child)) {
      return;
    }
    if (!parentsOf.has(p.child)) {
      parentsOf.set(p.child, new Map());
    }
    const kind = p.kind || 'BIRTH';
    const byKind = parentsOf.get(p.child);
    if (!byKind.has(kind)) {
      byKind.set(kind, []);
    }
    byKind.get(kind).push(p.parent);
  });

  // couples: partners, and two parents of the same kind of the same child in one row
  const unions = new Map();
  const addUnion = (a, b, partnership) => {
    if (a === b || !person.has(a) || !person.has(b) || generation.get(a) !== generation.get(b)) {
      return null;
    }
    const key = unionKey(a, b);
    if (!unions.has(key)) {
      unions.set(key, { key, a, b, partnership: null });
    }
    if (partnership) {
      unions.get(key).partnership = partnership;
    }
    return unions.get(key);
  };
  [...partnerships].sort((x, y) => byText(x.key, y.key)).forEach((p) => addUnion(p.a, p.b, p.key));

  // each child's descent: from a couple or from a single parent, one per kind of parenthood
  const descents = [];
  const primarySource = new Map();
  [...parentsOf.keys()].sort(byText).forEach((child) => {
    const byKind = parentsOf.get(child);
    const kinds = [...byKind.keys()].sort((x, y) => (x === 'BIRTH' ? -1 : y === 'BIRTH' ? 1 : byText(x, y)));
    kinds.forEach((kind) => {
      const parents = [...new Set(byKind.get(kind))].sort(byText);
      const sources = [];
      if (parents.length === 2 && generation.get(parents[0]) === generation.get(parents[1])) {
        sources.push(addUnion(parents[0], parents[1], null).key);
      } else {
        sources.push(...parents);
      }
      sources.forEach((source) => {
        descents.push({ key: `descent:${source}>${child}:${kind}`, source, target: child, kind });
        if (!primarySource.has(child)) {
          primarySource.set(child, source);
        }
      });
    });
  });

  const rows = new Map();
  generation.forEach((g, key) => {
    if (!rows.has(g)) {
      rows.set(g, []);
    }
    rows.get(g).push(key);
  });
  const positions = {};
  const unionX = new Map();
  const chains = [];

  [...rows.keys()].sort((a, b) => a - b).forEach((g) => {
    const row = rows.get(g);
    const inRow = new Set(row);
    // where each person would like to be: under the couple or parent they descend from
    const wanted = new Map();
    /** Each child's sibling group (its first place, then the child's place in it): groups stay together. */
    const group = new Map();
    const sources = [...new Set(row.map((k) => primarySource.get(k)).filter((s) => s && sourceX(s) !== null))];
    const siblingGroups = [];
    sources.forEach((source) => {
      const kids = row.filter((k) => primarySource.get(k) === source).sort((a, b) => byText(dob(a), dob(b)) || byText(a, b));
      const x = sourceX(source);
      const union = unions.get(source);
      let first = x - ((kids.length - 1) * COLUMN) / 2;
      let home = false;
      if (!union) {
        // a single parent's children go on the far side from the parent's couples, beside them
        const partnersX = [...unions.values()].filter((u) => u.x !== undefined && (u.a === source || u.b === source))
          .map((u) => positions[u.a === source ? u.b : u.a].x);
        if (partnersX.length > 0 && partnersX.every((px) => px > x)) {
          first = x - kids.length * COLUMN;
        } else if (partnersX.length > 0 && partnersX.every((px) => px < x)) {
          first = x + COLUMN;
        }
      } else {
        // parents apart: the children on the side of the one they live with (compact: from under
        // that parent, away from the other, so that their home's outline takes in no one else)
        const left = positions[union.a].x <= positions[union.b].x ? union.a : union.b;
        const right = left === union.a ? union.b : union.a;
        // compact: children known to live elsewhere than one parent (who has a home of their own)
        // while the other's home is not known (a placeholder's) are taken to live with the other
        const away = (parent) => homes.has(parent) && kids.every((k) => homes.has(k) && !liveTogether(parent, k));
        const withLeft = kids.some((k) => liveTogether(left, k))
          || (compact && away(right) && !homes.has(left));
        const withRight = kids.some((k) => liveTogether(right, k))
          || (compact && away(left) && !homes.has(right));
        if (withLeft && !withRight) {
          first = (compact ? positions[left].x : x) - (kids.length - 1) * COLUMN;
        } else if (withRight && !withLeft) {
          first = compact ? positions[right].x : x;
        }
        home = withLeft !== withRight;
      }
      siblingGroups.push({ source, kids, x, first, union: Boolean(union), home });
    });
    if (compact) {
      separate(siblingGroups, COLUMN);
    }
    siblingGroups.forEach(({ source, kids, first }) => kids.forEach((k, i) => {
      wanted.set(k, first + i * COLUMN);
      group.set(k, [first, source, i]);
    }));
    // blocks: people of the row joined by couples, each drawn as a chain
    const neighbours = new Map(row.map((k) => [k, []]));
    [...unions.values()].filter((u) => inRow.has(u.a) && inRow.has(u.b)).forEach((u) => {
      neighbours.get(u.a).push(u.b);
      neighbours.get(u.b).push(u.a);
    });
    const groupOrder = (a, b) => {
      const ga = group.get(a);
      const gb = group.get(b);
      if (!ga || !gb) {
        return ga ? -1 : gb ? 1 : 0;
      }
      return (ga[0] - gb[0]) || byText(ga[1], gb[1]) || (ga[2] - gb[2]);
    };
    const order = (a, b) => groupOrder(a, b) || byText(dob(a), dob(b)) || byText(a, b);
    // the eldest of the children a person has outside the couples of their row (a single parent's)
    const ownChildren = (k) => descents.filter((d) => d.source === k).map((d) => dob(d.target)).sort(byText)[0];
    const coupleChildren = (chain) => descents.filter((d) => unions.has(d.source)
      && chain.includes(unions.get(d.source).a) && chain.includes(unions.get(d.source).b))
      .map((d) => dob(d.target)).sort(byText)[0];
    const seen = new Set();
    const blocks = [];
    [...row].sort(order).forEach((start) => {
      if (seen.has(start)) {
        return;
      }
      const component = [];
      const stack = [start];
      const inComponent = new Set([start]);
      while (stack.length > 0) {
        const k = stack.pop();
        component.push(k);
        neighbours.get(k).forEach((n) => {
          if (!inComponent.has(n)) {
            inComponent.add(n);
            stack.push(n);
          }
        });
      }
      const ends = component.filter((k) => neighbours.get(k).length <= 1).sort(order);
      const chain = [];
      const walk = (k) => {
        chain.push(k);
        seen.add(k);
        [...neighbours.get(k)].sort(order).forEach((n) => {
          if (!seen.has(n)) {
            walk(n);
          }
        });
      };
      walk(ends.length > 0 ? ends[0] : [...component].sort(order)[0]);
      if (chain.length > 1) {
        // older families to the left: a parent whose other children are younger than the couple's
        // goes on the right end, one whose other children are older on the left
        const shared = coupleChildren(chain);
        const firstOwn = ownChildren(chain[0]);
        const lastOwn = ownChildren(chain[chain.length - 1]);
        if (shared && ((firstOwn && firstOwn > shared) || (lastOwn && lastOwn < shared))) {
          chain.reverse();
        } else if (!(shared && (firstOwn || lastOwn)) && order(chain[0], chain[chain.length - 1]) > 0) {
          chain.reverse();
        }
      }
      blocks.push(chain);
    });
    // gaps inside a block: one column for partners at home together, two for partners apart
    const offsets = blocks.map((chain) => {
      const offset = [0];
      for (let i = 1; i < chain.length; i += 1) {
        const apart = !liveTogether(chain[i - 1], chain[i]);
        const twoColumns = apart && (!compact || wide.has(pairKey(chain[i - 1], chain[i])));
        offset.push(offset[i - 1] + (twoColumns ? 2 * COLUMN : COLUMN));
      }
      return offset;
    });
    blocks.forEach((chain) => chains.push(chain));
    const desiredStart = blocks.map((chain, b) => {
      const i = chain.findIndex((k) => wanted.has(k));
      return i >= 0 ? wanted.get(chain[i]) - offsets[b][i] : null;
    });
    const anchor = (chain) => chain.find((k) => wanted.has(k)) || chain[0];
    const blockOrder = blocks.map((_, b) => b).sort((x, y) => order(anchor(blocks[x]), anchor(blocks[y])));
    let cursor = null;
    blockOrder.forEach((b) => {
      const wantedStart = desiredStart[b] === null ? (cursor === null ? 0 : cursor) : desiredStart[b];
      const start = cursor === null ? wantedStart : Math.max(cursor, wantedStart);
      blocks[b].forEach((k, i) => { positions[k] = { x: start + offsets[b][i], y: g * ROW }; });
      cursor = start + offsets[b][offsets[b].length - 1] + COLUMN;
    });
    [...unions.values()].filter((u) => inRow.has(u.a) && inRow.has(u.b)).forEach((u) => {
      const x = (positions[u.a].x + positions[u.b].x) / 2;
      unionX.set(u.key, x);
      u.x = x;
      u.y = g * ROW;
    });
  });

  function sourceX(source) {
    if (unionX.has(source)) {
      return unionX.get(source);
    }
    return positions[source] ? positions[source].x : null;
  }

  // two households' outlines never overlap: the family parted where they would, the couples' points after it
  separateHouseholds(positions, households, (COLUMN - (input.gap ?? 24)) / 2 + (input.padding ?? 8));
  unions.forEach((u) => {
    if (u.x !== undefined) {
      u.x = (positions[u.a].x + positions[u.b].x) / 2;
      unionX.set(u.key, u.x);
    }
  });
  ring(positions, others, { COLUMN, ROW, ringColumn: input.ringColumn, gaps: input.bands, compact, gap: input.gap ?? 24 });
  // twins: children of the same couple or parent born on the same day, side by side
  const twins = [];
  const bySource = new Map();
  descents.filter((d) => positions[d.target]).forEach((d) => {
    const id = `${d.source}|${dob(d.target)}`;
    if (!bySource.has(id)) {
      bySource.set(id, []);
    }
    bySource.get(id).push(d.target);
  });
  bySource.forEach((kids, id) => {
    if (kids.length > 1 && !id.endsWith('|9999-12-31')) {
      twins.push([...new Set(kids)].sort((a, b) => positions[a].x - positions[b].x));
    }
  });
  const plan = {
    twins,
    positions,
    unions: [...unions.values()].filter((u) => u.x !== undefined),
    descents: descents.filter((d) => positions[d.target] && (unionX.has(d.source) || positions[d.source])),
    generation: Object.fromEntries(generation),
  };
  return { plan, chains, households, people: person, primarySource, column: COLUMN, apart: (a, b) => !liveTogether(a, b) };
}

/** The least room between a descent line and a child it does not lead to (a quarter of a column). */
const MARGIN = 0.25;

/**
 * Compact layout: the children of each couple (or single parent) in a row, as sibling groups
 * [{x (the couple's point or the parent), kids, first (where the eldest would go), union, home}],
 * moved apart so that each group's line (from x across to its children) takes in no child of another
 * group: a pass from the left keeps every group right of the group before it and of its line, a pass
 * from the right keeps it left of the next. A couple's children are drawn under the couple's point
 * where that moves no one from under the parent they live with (home: the eldest's place then).
 */
function separate(groups, column) {
  const margin = MARGIN * column;
  groups.sort((a, b) => (a.x - b.x) || (a.first - b.first) || byText(a.source, b.source));
  const wanted = groups.map((g) => g.first);
  const attempt = (under) => {
    groups.forEach((g, i) => {
      g.first = wanted[i];
      if (i > 0) {
        const before = groups[i - 1];
        g.first = Math.max(g.first, before.first + before.kids.length * column, before.x + margin);
      }
      if (under && g.union) {
        g.first = Math.min(g.first, Math.max(g.x, wanted[i]));
      }
    });
    for (let i = groups.length - 2; i >= 0; i -= 1) {
      const g = groups[i];
      const after = groups[i + 1];
      g.first = Math.min(g.first, after.first - g.kids.length * column, after.x - margin - (g.kids.length - 1) * column);
    }
    return groups.every((g, i) => !g.home || g.first >= wanted[i] - 0.5);
  };
  if (!attempt(true)) {
    attempt(false);
  }
}

/**
 * What a layout misdraws, as the gaps between partners apart to widen: a descent line whose run (from
 * its couple or parent across to its children) takes in someone else in the children's row, and a
 * household outline that takes in someone who does not live there. Each becomes the gaps of the row
 * above (or the row) between partners apart that lie within a column of the place.
 */
function crowded(placed) {
  const { plan, chains, households, people, primarySource, column, apart } = placed;
  const at = plan.positions;
  const sourceAt = (s) => {
    const union = plan.unions.find((u) => u.key === s);
    return union ? { x: union.x, y: union.y } : at[s];
  };
  // the gaps between partners apart in a row that reach within a column of from..to
  const gapsNear = (y, from, to) => {
    const pairs = [];
    chains.forEach((chain) => chain.slice(1).forEach((k, i) => {
      const a = at[chain[i]];
      const b = at[k];
      if (a && b && a.y === y && apart(chain[i], k) && Math.max(a.x, b.x) > from - column && Math.min(a.x, b.x) < to + column) {
        pairs.push(pairKey(chain[i], k));
      }
    }));
    return pairs;
  };
  // the gap between someone and their partner on the side of x, if they live apart
  const gapToward = (k, x) => {
    const chain = chains.find((c) => c.includes(k));
    const i = chain ? chain.indexOf(k) : -1;
    const next = [chain && chain[i - 1], chain && chain[i + 1]].filter((n) => n && at[n])
      .find((n) => Math.sign(at[n].x - at[k].x) === Math.sign(x - at[k].x));
    if (!next || !apart(k, next)) {
      return null;
    }
    return chain.indexOf(next) < i ? pairKey(next, k) : pairKey(k, next);
  };
  const widen = new Set();
  // descent lines: each couple's or parent's run over its children's row
  const groups = new Map();
  primarySource.forEach((source, child) => {
    if (at[child] && sourceAt(source)) {
      if (!groups.has(source)) {
        groups.set(source, []);
      }
      groups.get(source).push(child);
    }
  });
  groups.forEach((kids, source) => {
    const s = sourceAt(source);
    const xs = kids.map((k) => at[k].x).concat(s.x);
    const [from, to] = [Math.min(...xs), Math.max(...xs)];
    const y = at[kids[0]].y;
    const over = [...people.keys()].filter((k) => at[k] && at[k].y === y && !kids.includes(k)
      && at[k].x > from - MARGIN * column && at[k].x < to + MARGIN * column);
    if (over.length > 0) {
      gapsNear(s.y, from, to).forEach((p) => widen.add(p));
    }
  });
  // household outlines: the box of its members, their labels a column wide
  households.forEach((h) => {
    const members = h.members.filter((m) => at[m]);
    if (members.length === 0) {
      return;
    }
    const xs = members.map((m) => at[m].x);
    const ys = members.map((m) => at[m].y);
    const [from, to] = [Math.min(...xs), Math.max(...xs)];
    [...people.keys()].filter((k) => at[k] && !members.includes(k) && at[k].y >= Math.min(...ys) && at[k].y <= Math.max(...ys)
      && at[k].x > from - column && at[k].x < to + column).forEach((k) => {
      // someone beside the home: the gap to their partner on its side; else the gaps of their parents
      const toward = gapToward(k, (from + to) / 2);
      const source = primarySource.get(k);
      if (toward) {
        widen.add(toward);
      } else if (source && sourceAt(source)) {
        gapsNear(sourceAt(source).y, at[k].x, at[k].x).forEach((p) => widen.add(p));
      }
    });
  });
  return [...widen];
}

/**
 * The ecomap: everything that is not a person of the family in a band above and below the family
 * (a ring flattened to the shape of a screen, so that the family's type can stay large; in the
 * compact layout its members sit as close as their own labels allow), in groups
 * (an agency, then its professionals) kept together. Each group goes to the band from which its
 * lines (to the people given as its people) pass over the fewest of the family's labels (labels hang
 * under the symbols, so a line from below passes its own person's), the other band when that band
 * holds more; in a band, each goes as near as it can above or below the people it is involved with
 * (ringColumn apart), so that its lines run short and straight instead of across the family.
 * Without people, groups alternate by name, spread over the family's width.
 */
function ring(positions, others, { COLUMN, ROW, ringColumn, gaps, compact, gap }) {
  if (others.length === 0) {
    return;
  }
  const family = Object.values(positions);
  const xs = family.map((p) => p.x);
  const ys = family.map((p) => p.y);
  const [minX, maxX] = xs.length > 0 ? [Math.min(...xs), Math.max(...xs)] : [0, 0];
  const [minY, maxY] = ys.length > 0 ? [Math.min(...ys), Math.max(...ys)] : [0, 0];
  const cx = (minX + maxX) / 2;
  const groups = new Map();
  others.forEach((o) => {
    const group = o.group || o.key;
    if (!groups.has(group)) {
      groups.set(group, []);
    }
    groups.get(group).push(o);
  });
  const ordered = [...groups.keys()].sort(byText).map((group) => groups.get(group)
    .sort((a, b) => (a.key === group ? -1 : b.key === group ? 1 : byText(a.key, b.key))));
  const step = compact && ringColumn ? ringColumn : Math.max(ringColumn || 0, 0.8 * COLUMN);
  const bandY = gaps ? { top: minY - gaps.top, bottom: maxY + gaps.bottom } : { top: minY - 0.5 * ROW, bottom: maxY + 0.65 * ROW };
  // the people each one's lines go to, and where they would start from: above or below them
  const peopleOf = (items) => items.flatMap((o) => (o.people || []).filter((k) => positions[k]).map((k) => positions[k]));
  const meanX = (points) => (points.length === 0 ? null : points.reduce((sum, p) => sum + p.x, 0) / points.length);
  const labels = family.map((p) => ({ x1: p.x - (COLUMN - gap) / 2, x2: p.x + (COLUMN - gap) / 2, y1: p.y + 12, y2: p.y + ROW - 70 }));
  // first the rows of the family a group's lines must pass to reach its people, then the labels
  // its straight lines would cross: so a group goes to the band next to the row of its people
  const rowsToCross = (items, band) => peopleOf(items)
    .reduce((n, p) => n + Math.round(Math.abs(p.y - (band === 'top' ? minY : maxY)) / ROW), 0);
  const crossings = (items, band) => rowsToCross(items, band) * 1000 + items.reduce((count, o) => {
    const from = { x: meanX(peopleOf([o])), y: bandY[band] };
    return from.x === null ? count
      : count + peopleOf([o]).reduce((n, to) => n + labels.filter((b) => crosses(from, to, b)).length, 0);
  }, 0);
  const bands = { top: [], bottom: [] };
  const withPeople = ordered.filter((g) => peopleOf(g).length > 0);
  const without = ordered.filter((g) => peopleOf(g).length === 0);
  const cost = new Map(withPeople.map((g) => [g, { top: crossings(g, 'top'), bottom: crossings(g, 'bottom') }]));
  withPeople.forEach((group) => {
    const { top, bottom } = cost.get(group);
    const fewer = bands.top.flat().length <= bands.bottom.flat().length ? 'top' : 'bottom';
    bands[top < bottom ? 'top' : bottom < top ? 'bottom' : fewer].push(group);
  });
  without.forEach((group) => bands[bands.top.flat().length + group.length / 2 <= others.length / 2 ? 'top' : 'bottom'].push(group));
  // a band wider than the family would shrink the drawing: groups move to the other band while it
  // has the room, those whose lines lose least first
  const room = Math.max(maxX - minX, (others.length / 2) * step);
  const wide = (band) => (bands[band].flat().length - 1) * step > room;
  ['top', 'bottom'].forEach((band) => {
    const other = band === 'top' ? 'bottom' : 'top';
    const movable = () => bands[band].filter((g) => (bands[other].flat().length + g.length - 1) * step <= room)
      .sort((a, b) => {
        const loss = (g) => (cost.has(g) ? cost.get(g)[other] - cost.get(g)[band] : 0);
        return loss(a) - loss(b);
      });
    while (wide(band) && movable().length > 0) {
      const group = movable()[0];
      bands[band] = bands[band].filter((g) => g !== group);
      bands[other].push(group);
    }
  });
  const place = (band) => {
    const row = bands[band].sort((a, b) => (meanX(peopleOf(a)) ?? Infinity) - (meanX(peopleOf(b)) ?? Infinity)).flat();
    if (row.length === 0) {
      return;
    }
    const span = Math.max(maxX - minX, (row.length - 1) * step);
    const spread = (i) => (row.length === 1 ? cx : cx - span / 2 + (i * span) / (row.length - 1));
    // wanted: above or below one's people (an agency: its group's), else spread over the family's width
    const wanted = row.map((o, i) => meanX(peopleOf([o])) ?? meanX(peopleOf(groups.get(o.group || o.key))) ?? spread(i));
    const at = [];
    row.forEach((o, i) => { at.push(i === 0 ? wanted[i] : Math.max(wanted[i], at[i - 1] + step)); });
    // the band as a whole as near its wanted places as it can be, within the family's width (or
    // centred on the family when it is wider), so that it never widens the drawing
    const width = at[at.length - 1] - at[0];
    const near = wanted.reduce((sum, w, i) => sum + w - at[i], 0) / row.length;
    const shift = width >= maxX - minX ? cx - (at[0] + width / 2)
      : Math.min(Math.max(near, minX - at[0]), maxX - at[at.length - 1]);
    row.forEach((o, i) => { positions[o.key] = { x: Math.round(at[i] + shift), y: Math.round(bandY[band]) }; });
  };
  // the band above carries its labels above its symbols (the controller's ring-top), so it can sit
  // closer than the band below, whose labels hang under its symbols like the family's
  place('top');
  place('bottom');
}

/** Whether the straight line from a to b passes through the box {x1, y1, x2, y2} (Liang–Barsky). */
export function crosses(a, b, box) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let [t0, t1] = [0, 1];
  for (const [p, q] of [[-dx, a.x - box.x1], [dx, box.x2 - a.x], [-dy, a.y - box.y1], [dy, box.y2 - a.y]]) {
    if (p === 0) {
      if (q < 0) {
        return false;
      }
    } else {
      const t = q / p;
      if (p < 0) {
        t0 = Math.max(t0, t);
      } else {
        t1 = Math.min(t1, t);
      }
      if (t0 > t1) {
        return false;
      }
    }
  }
  return true;
}

/**
 * The ecomap's lines routed round the family's labels (issue 15): a line from a node of the ecomap's
 * bands (an agency, a professional, a home) to a person of the family that would pass over someone's
 * label goes instead from its node to the corridor between its band and the family, along the
 * corridor to a gap between the labels of the person's row (the nearest gap to the person that is
 * clear all the way), along the gap to the height of the person's symbol, and into the symbol from
 * the side: over no label, and where it can over no one else's symbol either. A line that passes
 * over no label stays straight.
 *
 * Input: lines [{key, ring: {x, y}, person: {key, x, y, half}}] (half: half the person's symbol's
 * width); labels [{x1, y1, x2, y2}] (every family member's label); symbols [{key, x1, y1, x2, y2}]
 * (the family's symbols); corridor {top, bottom} (the y of the corridor above and below the family).
 * Answers key → the corners from the ring's end to the person's ([] for a straight line).
 */
export function ecomapRoutes({ lines, labels, symbols = [], corridor, margin = 4 }) {
  const grow = (b) => ({ x1: b.x1 - margin, y1: b.y1 - margin, x2: b.x2 + margin, y2: b.y2 + margin });
  const labelBoxes = labels.map(grow);
  const clear = (path, boxes) => path.slice(1).every((p, i) => boxes.every((b) => !crosses(path[i], p, b)));
  const routes = {};
  lines.forEach(({ key, ring: from, person: to }) => {
    if (clear([from, to], labelBoxes)) {
      routes[key] = [];
      return;
    }
    const others = symbols.filter((s) => s.key !== to.key).map(grow);
    const y = from.y > to.y ? corridor.bottom : corridor.top;
    const side = to.half + 2 * margin;
    const candidates = [...new Set(labels.flatMap((b) => [b.x1 - 2 * margin, b.x2 + 2 * margin])
      .concat(to.x - side, to.x + side))]
      .filter((x) => Math.abs(x - to.x) >= side)
      .sort((a, b) => (Math.abs(a - to.x) - Math.abs(b - to.x)) || (Math.abs(a - from.x) - Math.abs(b - from.x)) || (a - b));
    const path = (x) => [from, { x: from.x, y }, { x, y }, { x, y: to.y }, { x: to.x, y: to.y }];
    const found = candidates.find((x) => clear(path(x), labelBoxes.concat(others)))
      ?? candidates.find((x) => clear(path(x), labelBoxes));
    routes[key] = found === undefined ? []
      : path(found).slice(1, -1).filter((p, i, all) => i === 0 || p.x !== all[i - 1].x || p.y !== all[i - 1].y);
  });
  return routes;
}

/**
 * Household outlines that would overlap moved apart (issue 15): two households whose outlines (their
 * members' places, a label's half width either side and the outline's padding) share a row and meet,
 * where every member of one lies left of every member of the other, are parted by moving everything
 * from the right one's leftmost member rightwards (the whole drawing right of that line, so that
 * lines keep their shape) by the overlap and a gap. Outlines interleaved (someone of one between
 * people of the other) are left as they are. Changes positions (key → {x, y}) in place.
 *
 * @param households [{key, members}] (each person in one only)
 * @param half how far an outline reaches either side of a member's place: half the widest label and
 *     the outline's padding
 */
export function separateHouseholds(positions, households, half, gap = 6) {
  for (let round = 0; round < households.length * 2; round += 1) {
    const boxes = households.map((h) => h.members.filter((m) => positions[m]).map((m) => positions[m]))
      .filter((at) => at.length > 0)
      .map((at) => {
        const xs = at.map((p) => p.x);
        const ys = at.map((p) => p.y);
        return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
      })
      .sort((a, b) => a.left - b.left || a.right - b.right);
    let shift = null;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
      const rows = a.top <= b.bottom && b.top <= a.bottom;
      const overlap = a.right + half + gap - (b.left - half);
      if (!shift && rows && overlap > 0 && a.right < b.left) {
        shift = { from: b.left, by: overlap };
      }
    }));
    if (!shift) {
      return positions;
    }
    Object.values(positions).forEach((p) => {
      if (p.x >= shift.from) {
        p.x += shift.by;
      }
    });
  }
  return positions;
}

/**
 * Columns as wide as the names in them (meeting mode): the layout's columns are all as wide as the
 * family's widest label, so a family five columns wide with one long label (Sara's: Gary's name and
 * his NOTE and FLAG badges) was fitted at 32.4 px a name at 1920×1080 where Kyle's was at 37. The
 * places keep their rows and their order from the left; the room between two neighbours in a row is
 * cut to half of each one's label and the gap (and the padding of the outlines between them, where
 * they are not of one household, and between a household's outline, which spans its members' rows,
 * and anyone else in those rows); the room between places of different rows shrinks as those allow,
 * in proportion. The ecomap (keys without a width) moves with the family around it, each band's
 * neighbours as far apart as their labels need (ringWidths, and ringGap between) or, where their widths
 * are not given, as they were, up to ring. Answers new positions (key → {x, y}); the family's middle
 * stays where it was.
 *
 * @param widths Map key → the width of a family member's symbol and label
 * @param homes Map key → the household whose outline a family member is drawn in (absent: none), or
 *     a list of them (every household the family has had: the columns fit each)
 */
export function fitColumns(positions, widths, homes, { gap, padding, apart = 6, ring = 0, ringWidths = new Map(), ringGap = 16 }) {
  const family = Object.keys(positions).filter((k) => widths.has(k));
  const xs = [...new Set(family.map((k) => positions[k].x))].sort((a, b) => a - b);
  const moved = Object.fromEntries(Object.entries(positions).map(([k, p]) => [k, { ...p }]));
  if (xs.length < 2) {
    return moved;
  }
  const index = new Map(xs.map((x, i) => [x, i]));
  const was = xs.slice(1).map((x, i) => x - xs[i]);
  const room = was.map(() => 0);
  const needs = [];
  const byRow = new Map();
  family.forEach((k) => byRow.set(positions[k].y, [...(byRow.get(positions[k].y) || []), k]));
  byRow.forEach((keys) => keys.sort((a, b) => positions[a].x - positions[b].x));
  [].concat(homes).forEach((home) => {
    byRow.forEach((keys) => {
      keys.slice(1).forEach((b, i) => {
        const a = keys[i];
        const outlines = home.get(a) === home.get(b) ? 0 : Number(home.has(a)) + Number(home.has(b));
        const between = outlines > 0 ? outlines * padding + apart : 0;
        needs.push({ from: index.get(positions[a].x), to: index.get(positions[b].x),
          room: (widths.get(a) + widths.get(b)) / 2 + Math.max(gap, between) });
      });
    });
    // a household's outline spans its members' rows: anyone else in those rows beside it stays outside
    const households = new Map();
    home.forEach((h, k) => { if (positions[k] && widths.has(k)) households.set(h, [...(households.get(h) || []), k]); });
    households.forEach((members) => {
      const ys = members.map((m) => positions[m].y);
      const xs2 = members.map((m) => positions[m].x);
      family.filter((p) => !members.includes(p) && positions[p].y >= Math.min(...ys) && positions[p].y <= Math.max(...ys))
        .filter((p) => positions[p].x > Math.max(...xs2) || positions[p].x < Math.min(...xs2))
        .forEach((p) => members.forEach((m) => {
          const [a, b] = positions[p].x > positions[m].x ? [m, p] : [p, m];
          const outlines = Number(home.has(p)) + 1;
          needs.push({ from: index.get(positions[a].x), to: index.get(positions[b].x),
            room: (widths.get(a) + widths.get(b)) / 2 + Math.max(gap, outlines * padding + apart) });
        }));
    });
  });
  const sum = (list, from, to) => list.slice(from, to).reduce((s, d) => s + d, 0);
  // each short span widened towards the layout's room (which every need fits), in proportion
  for (let round = 0, short = true; short && round < 100; round += 1) {
    short = false;
    needs.forEach((n) => {
      const missing = n.room - sum(room, n.from, n.to);
      if (missing > 0.01) {
        short = true;
        const slack = sum(was, n.from, n.to) - sum(room, n.from, n.to);
        const beyond = Math.max(0, missing - slack) / Math.max(1, sum(was, n.from, n.to));
        for (let i = n.from; i < n.to; i += 1) {
          room[i] += (was[i] - room[i]) * Math.min(1, missing / Math.max(slack, 0.01)) + was[i] * beyond;
        }
      }
    });
  }
  const at = [xs[0]];
  room.forEach((d) => at.push(at[at.length - 1] + d));
  const shift = (xs[0] + xs[xs.length - 1]) / 2 - (at[0] + at[at.length - 1]) / 2;
  const place = (x) => {
    if (x <= xs[0]) {
      return x - xs[0] + at[0] + shift;
    }
    if (x >= xs[xs.length - 1]) {
      return x - xs[xs.length - 1] + at[at.length - 1] + shift;
    }
    const i = xs.findIndex((v, j) => x >= v && x <= xs[j + 1]);
    return at[i] + (was[i] > 0 ? ((x - xs[i]) * room[i]) / was[i] : 0) + shift;
  };
  Object.keys(moved).forEach((k) => { moved[k].x = place(positions[k].x); });
  // the ecomap's bands: neighbours as far apart as before (up to ring), the band's middle kept
  const bands = new Map();
  Object.keys(positions).filter((k) => !widths.has(k))
    .forEach((k) => bands.set(positions[k].y, [...(bands.get(positions[k].y) || []), k]));
  bands.forEach((keys) => {
    keys.sort((a, b) => positions[a].x - positions[b].x);
    const placed = keys.map((k) => moved[k].x);
    keys.slice(1).forEach((k, i) => {
      const room = ringWidths.has(k) && ringWidths.has(keys[i]) ? (ringWidths.get(k) + ringWidths.get(keys[i])) / 2 + ringGap
        : Math.min(ring, positions[k].x - positions[keys[i]].x);
      placed[i + 1] = Math.max(placed[i + 1], placed[i] + room);
    });
    const back = keys.reduce((s, k, i) => s + moved[k].x - placed[i], 0) / keys.length;
    keys.forEach((k, i) => { moved[k].x = placed[i] + back; });
  });
  return moved;
}
