import type { Connection } from '../connection';
import type { InspectDocuments } from '../inspect/inspectDocuments';
import type { FormPanels } from '../panels/formPanel';

/** What every command handler may use. */
export interface CommandContext {
  connection: Connection;
  inspect: InspectDocuments;
  /** The webview forms (create network, connect, run). */
  panels: FormPanels;
}
