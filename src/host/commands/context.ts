import type { Connection } from '../connection';
import type { Engines } from '../engines';
import type { InspectDocuments } from '../inspect/inspectDocuments';
import type { FormPanels } from '../panels/formPanels';
import type { ViewPanels } from '../panels/views';
import type { TopologyPanels } from '../panels/topology';

/** What every command handler may use. */
export interface CommandContext {
  /** The engine the command acts on: the clicked node's, else the one chosen (side by side), else the extension's. */
  connection: Connection;
  /** Every engine the view lists. */
  engines: Engines;
  inspect: InspectDocuments;
  /** The webview forms (create network, connect, run). */
  panels: FormPanels;
  /** The read-only view panels (network details, container networking, connectivity). */
  views: ViewPanels;
  /** The topology maps (one per engine). */
  topology: TopologyPanels;
}
