import type { Platform } from '../sources/schema';
import { demoConnector } from './demo/demo.connector';
import type { Connector } from './types';
import { xConnector } from './x/x.connector';

/** Every connector by platform. Passed into the poller, so tests can hand in others. */
export type ConnectorRegistry = Partial<Record<Platform, Connector>>;

export const defaultConnectors = (): ConnectorRegistry => ({
  x: xConnector,
  demo: demoConnector,
});
