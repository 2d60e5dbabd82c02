import type { HandlerTable } from './dispatch';
import { identityHandlers } from './handlers/identity';
import { custodyHandlers } from './handlers/custody';
import { ingestHandlers } from './handlers/ingest';
import { libraryHandlers } from './handlers/library';

/** Every operation of the contract, one handler each (the type makes a missing one an error). */
export const handlers: HandlerTable = {
  ...identityHandlers,
  ...custodyHandlers,
  ...ingestHandlers,
  ...libraryHandlers,
};
