// The Cytoscape stylesheet, kept apart from logic and driven by data and classes.
// Shapes follow genogram habit (square male, circle female); colour is never the only signal:
// markers also appear as text badges in the label, historic relations are faded AND dashed.

const FAMILY_EDGE = '#333333';

export const STYLE = [
  { selector: 'node', style: {
    label: 'data(display)', 'text-wrap': 'wrap', 'text-max-width': 130, 'font-size': 11, 'text-valign': 'bottom',
    'text-margin-y': 4, color: '#1b1b1b', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
    'text-background-padding': 1, 'border-width': 2, 'border-color': '#333333', width: 34, height: 34,
  } },
  { selector: 'node.person.male', style: { shape: 'rectangle', 'background-color': '#9ec5ee' } },
  { selector: 'node.person.female', style: { shape: 'ellipse', 'background-color': '#f4b6c8' } },
  { selector: 'node.person.other', style: { shape: 'diamond', 'background-color': '#dddddd' } },
  { selector: 'node.person.child', style: { width: 24, height: 24, 'background-color': '#fff7c2' } },
  { selector: 'node.subject', style: { 'border-width': 5, 'border-color': '#1d4f91', 'font-weight': 'bold' } },
  { selector: 'node.flag-HIGH', style: { 'underlay-color': '#b10e1e', 'underlay-opacity': 0.25, 'underlay-padding': 6 } },
  { selector: 'node.flag-MEDIUM', style: { 'underlay-color': '#8a5a00', 'underlay-opacity': 0.2, 'underlay-padding': 5 } },
  // someone the user's agency may not see: grey, hatched, dashed, an octagon; never a person's shape
  { selector: 'node.restricted-person', style: {
    shape: 'octagon', width: 30, height: 30, 'background-color': '#d0d0d0', 'background-fill': 'linear-gradient',
    'background-gradient-direction': 'to-bottom-right',
    'background-gradient-stop-colors': '#e4e4e4 #e4e4e4 #9a9a9a #9a9a9a #e4e4e4 #e4e4e4 #9a9a9a #9a9a9a #e4e4e4',
    'background-gradient-stop-positions': '0 20 20 30 30 60 60 70 70',
    'border-color': '#505a5f', 'border-width': 3, 'border-style': 'dashed', color: '#30363a', 'font-style': 'italic',
    'text-max-width': 170,
  } },
  { selector: 'node.restricted', style: { 'border-color': '#6b4e00', 'border-width': 4, 'border-style': 'dashed' } },
  { selector: 'node.rso', style: { 'border-color': '#b10e1e', 'border-width': 5, 'border-style': 'double' } },
  { selector: 'node.cpp', style: { 'border-color': '#1d70b8', 'border-style': 'dashed' } },
  { selector: 'node.address', style: { shape: 'round-rectangle', 'background-color': '#d9d2c3', width: 30, height: 22, 'font-size': 10 } },
  { selector: 'node.address.marked', style: { 'border-color': '#b10e1e', 'border-width': 4 } },
  { selector: 'node.professional', style: { shape: 'round-hexagon', 'background-color': '#c9e4d2', width: 24, height: 24, 'font-size': 9 } },
  { selector: 'node.agency', style: { shape: 'barrel', 'background-color': '#e7e7e7', width: 26, height: 20, 'font-size': 9, 'border-style': 'double', 'border-width': 4 } },
  { selector: 'node.household', style: {
    shape: 'round-rectangle', 'background-color': '#f7f5ef', 'background-opacity': 0.6, 'border-style': 'dashed',
    'border-color': '#8a8a8a', label: 'data(display)', 'text-valign': 'top', 'text-halign': 'center', 'font-size': 10, padding: 18,
  } },
  { selector: 'edge', style: { width: 2, 'line-color': '#8a8a8a', 'curve-style': 'bezier', 'font-size': 9, color: '#333', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
  { selector: 'edge[type = "PARENT_OF"]', style: { 'line-color': FAMILY_EDGE, 'target-arrow-shape': 'triangle', 'target-arrow-color': FAMILY_EDGE, label: 'data(edgeLabel)' } },
  { selector: 'edge[type = "PARTNER_OF"]', style: { 'line-color': FAMILY_EDGE, width: 4, 'line-style': 'double', label: 'data(edgeLabel)' } },
  { selector: 'edge[type = "SIBLING"], edge[type = "SIBLING_OF"]', style: { 'line-color': '#6b2c91', 'line-style': 'dotted', width: 3, label: 'data(edgeLabel)' } },
  { selector: 'edge[type = "LIVES_AT"]', style: { 'line-color': '#a08f6a', width: 1.5 } },
  { selector: 'edge[type = "HAS_CONTACT_WITH"]', style: { 'line-color': '#b35900', 'line-style': 'dashed', 'target-arrow-shape': 'vee', 'target-arrow-color': '#b35900', label: 'contact' } },
  { selector: 'edge[type = "INVOLVED_WITH"]', style: { 'line-color': '#2e7d4f', 'line-style': 'dashed', width: 1.5 } },
  { selector: 'edge[type = "POSSIBLY_SAME_AS"]', style: { 'line-color': '#8f1f8f', 'line-style': 'dashed', 'line-dash-pattern': [8, 5], width: 3, label: 'data(edgeLabel)' } },
  { selector: 'node.possible-match', style: { 'underlay-color': '#8f1f8f', 'underlay-opacity': 0.2, 'underlay-padding': 4 } },
  { selector: 'edge[type = "WORKS_FOR"]', style: { 'line-color': '#bbbbbb', width: 1 } },
  { selector: '.added', style: { 'underlay-color': '#00703c', 'underlay-opacity': 0.35, 'underlay-padding': 7, 'line-color': '#00703c', width: 4 } },
  { selector: '.removed', style: { 'underlay-color': '#b10e1e', 'underlay-opacity': 0.35, 'underlay-padding': 7, 'line-color': '#b10e1e', 'line-style': 'dashed', width: 4 } },
  { selector: '.historic', style: { opacity: 0.35, 'line-style': 'dashed' } },
  { selector: '.filtered', style: { display: 'none' } },
  { selector: '.genogram-hidden', style: { display: 'none' } },
  { selector: '.faded', style: { opacity: 0.15 } },
  { selector: '.highlighted', style: { opacity: 1, 'border-color': '#ffbf47', 'line-color': '#ffbf47', 'target-arrow-color': '#ffbf47', 'z-index': 10 } },
  { selector: 'node.highlighted', style: { 'border-width': 6 } },
  { selector: 'edge.highlighted', style: { width: 5 } },
  { selector: ':selected', style: { 'overlay-color': '#ffdd00', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
];
