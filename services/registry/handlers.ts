/**
 * The registry desk's contract handlers, spread into the services' handler
 * table from the composition root with one line.
 */
import type { Handlers } from '../rpc/dispatcher';
import { AppointmentDesk, type DeskSyncPort } from './appointment-desk';

export interface RegistryDeps {
  sync: DeskSyncPort;
  registryCode: string;
}

export function registryHandlers(deps: RegistryDeps): Pick<Handlers, 'registry.day' | 'registry.checkIn' | 'registry.walkIn'> {
  const desk = new AppointmentDesk(deps.sync, deps.registryCode);
  return {
    'registry.day': () => desk.today(),
    'registry.checkIn': ({ idNumber }) => desk.checkIn(idNumber),
    'registry.walkIn': ({ business }) => desk.walkIn(business),
  };
}
