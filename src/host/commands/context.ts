import type { Connection } from '../connection';
import type { InspectDocuments } from '../inspect/inspectDocuments';

/** What every command handler may use. */
export interface CommandContext {
  connection: Connection;
  inspect: InspectDocuments;
}
