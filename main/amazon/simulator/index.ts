/** The offline SP-API simulator: a real HTTP server on 127.0.0.1 (see server.ts). */
export {
  startSimulator,
  DEMO,
  type SimulatorHandle,
  type SimulatorOptions,
  type SimulatorControl,
  type FaultOptions,
  type ResponseViolation,
  type Credentials,
} from './server';
