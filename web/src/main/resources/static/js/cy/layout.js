// Layouts: force-directed (fcose) and a genogram: generations in rows, partners side by side,
// children below their parents ordered by age (oldest left), households as compound boxes.

const ROW = 170;
const COLUMN = 150;
const FAMILY = new Set(['PARENT_OF', 'PARTNER_OF', 'SIBLING', 'SIBLING_OF']);

export function fcose(animate = true) {
  return { name: 'fcose', quality: 'default', randomize: true, animate, animationDuration: 400,
    nodeRepulsion: 6500, idealEdgeLength: 90, nodeSeparation: 90, fit: true, padding: 30 };
}

/** Generation of every person: the subject 0, parents -1, children +1, partners and siblings alike. */
function generations(cy, subjectKey) {
  const people = cy.nodes('.person');
  const generation = new Map();
  const start = people.filter((n) => n.id() === subjectKey);
  const queue = [];
  const seed = (node, g) => {
    if (!generation.has(node.id())) {
      generation.set(node.id(), g);
      queue.push(node);
    }
  };
  if (start.nonempty()) {
    seed(start[0], 0);
  }
  const spread = () => {
    while (queue.length > 0) {
      const node = queue.shift();
      const g = generation.get(node.id());
      node.connectedEdges().forEach((edge) => {
        const type = edge.data('type');
        if (!FAMILY.has(type)) {
          return;
        }
        const other = edge.source().id() === node.id() ? edge.target() : edge.source();
        if (!other.hasClass('person')) {
          return;
        }
        if (type === 'PARENT_OF') {
          seed(other, edge.source().id() === node.id() ? g + 1 : g - 1);
        } else {
          seed(other, g);
        }
      });
    }
  };
  spread();
  // People reached only through homes or professionals: adults with the subject's row, children below.
  const subjectIsChild = start.nonempty() && start[0].data('child');
  people.forEach((node) => {
    if (!generation.has(node.id())) {
      seed(node, node.data('child') && !subjectIsChild ? 1 : 0);
      spread();
    }
  });
  return generation;
}

/** Positions for the genogram; the caller applies them with a preset layout. */
export function genogramPositions(cy, subjectKey) {
  const generation = generations(cy, subjectKey);
  const rows = new Map();
  generation.forEach((g, id) => {
    if (!rows.has(g)) {
      rows.set(g, []);
    }
    rows.get(g).push(cy.getElementById(id));
  });
  const positions = {};
  const order = [...rows.keys()].sort((a, b) => a - b);
  order.forEach((g) => {
    const row = rows.get(g);
    const parentX = (node) => {
      const xs = node.incomers('edge[type = "PARENT_OF"]').sources()
        .map((p) => positions[p.id()]).filter(Boolean).map((p) => p.x);
      return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.MAX_SAFE_INTEGER;
    };
    row.sort((a, b) => (parentX(a) - parentX(b)) || String(a.data('dateOfBirth') || '').localeCompare(String(b.data('dateOfBirth') || '')));
    // Partners side by side.
    const placed = [];
    row.forEach((node) => {
      if (placed.includes(node)) {
        return;
      }
      placed.push(node);
      node.connectedEdges('edge[type = "PARTNER_OF"]').forEach((edge) => {
        const partner = edge.source().id() === node.id() ? edge.target() : edge.source();
        if (row.includes(partner) && !placed.includes(partner)) {
          placed.push(partner);
        }
      });
    });
    const width = (placed.length - 1) * COLUMN;
    placed.forEach((node, i) => {
      positions[node.id()] = { x: i * COLUMN - width / 2, y: g * ROW };
    });
  });
  // Everything else (professionals, agencies, addresses not drawn as households) in a row below.
  const others = cy.nodes().filter((n) => !n.hasClass('person') && !n.hasClass('household'));
  const bottom = (order.length > 0 ? order[order.length - 1] + 1 : 1) * ROW + 40;
  const width = (others.length - 1) * (COLUMN * 0.8);
  others.forEach((node, i) => {
    positions[node.id()] = { x: i * COLUMN * 0.8 - width / 2, y: bottom };
  });
  return positions;
}
