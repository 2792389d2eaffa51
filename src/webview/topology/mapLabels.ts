// Which of the map's elements carry their label (the `lbl` class): all of them on a small graph; on a big one, the
// networks on screen once zoomed in a little, and the containers and edges on screen once zoomed in more (at most
// MAX_LABELLED). Label sizes are never measured for the whole graph.
import type { CollectionReturnValue, Core, NodeSingular } from 'cytoscape';

/** Up to this many elements every label is always there (zoomed out, cytoscape skips drawing the tiny ones). */
const ALL_LABELS = 150;
/** Labels of containers and edges appear from this zoom on (a container is then about 12 px wide). */
export const LABEL_ZOOM = 1;
/** Network names appear from this zoom on (11 px text is then 6 px: cytoscape would not draw it smaller anyway). */
const NET_LABEL_ZOOM = 0.55;
/** Labels for at most this many on-screen nodes (and their edges). */
const MAX_LABELLED = 400;

/** Updates the `lbl` class from what was labelled before; returns what is labelled now. */
export function updateLabels(cy: Core, before: CollectionReturnValue | undefined): CollectionReturnValue {
  if (cy.elements().length <= ALL_LABELS) {
    if (!before) return cy.elements().addClass('lbl');
    cy.elements().not('.lbl').addClass('lbl');
    return before;
  }
  let want = cy.collection();
  const zoom = cy.zoom();
  if (zoom >= NET_LABEL_ZOOM) {
    const ext = cy.extent();
    // on screen, shown, and not faded by the search
    const inView = (n: NodeSingular): boolean => {
      if (n.hasClass('fhid') || n.hasClass('chid') || n.hasClass('faded')) return false;
      const p = n.position();
      return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    };
    want = cy.nodes('.net').filter(inView);
    if (zoom >= LABEL_ZOOM) {
      let nodes = cy.nodes('.con').filter(inView);
      if (nodes.length > MAX_LABELLED) nodes = nodes.slice(0, MAX_LABELLED);
      want = want.union(nodes).union(nodes.connectedEdges());
    }
  }
  const was = before ?? cy.collection();
  cy.batch(() => {
    was.difference(want).removeClass('lbl');
    want.difference(was).addClass('lbl');
  });
  return want;
}
