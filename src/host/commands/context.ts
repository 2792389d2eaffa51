import type { Connection } from '../connection';
import type { InspectDocuments } from '../inspect/inspectDocuments';
import type { FormPanels } from '../panels/formPanel';
import type { ViewPanels } from '../panels/views';
import type { TopologyPanels } from '../panels/topology';

/** What every command handler may use. */
export interface CommandContext {
  connection: Connection;
  inspect: InspectDocuments;
  /** The webview forms (create network, connect, run). */
  panels: FormPanels;
  /** The read-only view panels (network details, container networking, connectivity). */
  views: ViewPanels;
  /** The topology maps (one per engine). */
  topology: TopologyPanels;
}
